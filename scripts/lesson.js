#!/usr/bin/env node
// npm run lesson -- 08 --set eta=0.5 --set epochs=5
// Executes one lesson headlessly with new parameter values, writes the executed notebook and its HTML page
// under site/runs/, and prints what the lesson printed. A mistake in the command (an unknown lesson or parameter, a
// value of the wrong type or outside its lesson's range) is refused before the library is built, not after.
const path = require("path");
const { spawnSync } = require("child_process");
const { findLesson, parseSettings, rangeProblem, injectedSource } = require("./notebook/lessons");
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
  } catch (error) {
    console.error(`lesson: ${error.message}`);
    return 2;
  }
  // The ranges come from the last build when it is current (then a bad value costs well under a second);
  // otherwise the build comes first. Either way they are checked before a kernel starts.
  let problem = rangeProblem(notebook, values);
  if (problem) {
    console.error(`lesson: ${problem}`);
    return 2;
  }
  try {
    notebookTools(); // finding Python's nbclient takes seconds on a busy machine: only once the command is good
  } catch (error) {
    console.error(`lesson: ${error.message}`);
    return 2;
  }
  if (!build()) return 1;
  if (problem === undefined && (problem = rangeProblem(notebook, values))) {
    console.error(`lesson: ${problem}`);
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

/** `npm run build`, so the lesson never runs a stale dist/; false (after saying so) when it fails. */
function build() {
  const result = spawnSync("npm", ["run", "build", "--silent"], { cwd: path.join(__dirname, ".."), stdio: "inherit", shell: process.platform === "win32" });
  if (result.status === 0) return true;
  console.error(`lesson: npm run build failed${result.error ? ` (${result.error.message})` : ""}; fix what it says above and run the lesson again`);
  return false;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
