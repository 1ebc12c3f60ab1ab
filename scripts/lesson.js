#!/usr/bin/env node
// npm run lesson -- 08 --set eta=0.5 --set epochs=5
// Executes one lesson headlessly with new parameter values, writes the executed notebook and its HTML page
// under site/runs/, and prints what the lesson printed.
const path = require("path");
const { findLesson, parseSettings, injectedSource } = require("./notebook/lessons");
const { executeNotebook, notebookTools, printedText } = require("./notebook/run");
const { exportHtml } = require("./notebook/html");

const usage = "usage: npm run lesson -- NN [--set name=value ...] [--quiet]";

async function main(argv) {
  let lesson, quiet = false;
  const settings = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--set") settings.push(argv[++i] ?? "");
    else if (argv[i].startsWith("--set=")) settings.push(argv[i].slice(6));
    else if (argv[i] === "--quiet") quiet = true;
    else if (argv[i] === "--help") { console.log(usage); return 0; }
    else if (!argv[i].startsWith("-") && lesson === undefined) lesson = argv[i];
    else { console.error(`lesson: unknown argument "${argv[i]}"\n${usage}`); return 2; }
  }
  if (lesson === undefined) { console.error(`lesson: which lesson?\n${usage}`); return 2; }
  let notebook, values;
  try {
    notebook = findLesson(lesson);
    values = parseSettings(notebook, settings);
    notebookTools();
  } catch (error) {
    console.error(`lesson: ${error.message}`);
    return 2;
  }
  const name = path.basename(notebook, ".ipynb");
  const tag = Object.entries(values).map(([k, v]) => `${k}=${v}`).join(",").replace(/[^\w=.,-]/g, "_");
  const output = path.join(__dirname, "..", "site", "runs", `${name}${tag ? "." + tag : ""}.ipynb`);
  console.error(`running ${name}${tag ? ` with ${tag}` : ""} ...`);
  const started = Date.now();
  const result = await executeNotebook(notebook, output, Object.keys(values).length ? injectedSource(values) : undefined);
  if (!result.ok) {
    console.error(`lesson ${name} failed:\n${result.stderr.trim()}`);
    return 1;
  }
  const html = await exportHtml(output);
  if (!quiet) process.stdout.write(printedText(output));
  console.error(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${path.relative(process.cwd(), output)} and ${path.relative(process.cwd(), html)}`);
  return 0;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
