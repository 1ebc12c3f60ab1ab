#!/usr/bin/env node
// npm run site [-- --quick] [-- --only 00,03]
// Executes every lesson (default parameters, or each lesson's quick ones with --quick) and writes one static,
// offline HTML page per lesson plus an index into site/. Open site/index.html from disk or serve site/ over http.
const fs = require("fs");
const path = require("path");
const { readArgs, UsageError } = require("./lib/args");
const { lessonFiles, notebooksDir, readParameters, injectedSource } = require("./notebook/lessons");
const { executeNotebook } = require("./notebook/run");
const { exportHtml, siteDir, notebookTitle } = require("./notebook/html");
const { escape } = require("./notebook/render");
const { signNotebooks, noJupyter } = require("./notebook/sign");

const usage = "usage: npm run site [-- --quick] [--only NN,NN]";
const flags = { quick: { type: "boolean" }, only: { type: "string", value: "NN,NN" } };

const title = (notebookFile) => notebookTitle(JSON.parse(fs.readFileSync(notebookFile, "utf8")), notebookFile);

async function main(argv) {
  let values;
  try {
    ({ values } = readArgs(argv, flags));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`site: ${error.message}\n${usage}`);
    return 2;
  }
  const quick = Boolean(values.quick),
    only = values.only?.split(",");
  fs.mkdirSync(siteDir, { recursive: true });
  console.error("site: executing the lessons in the tslab kernel with Descent's Node client (no Python needed)");
  const lessons = lessonFiles().filter((f) => !only || only.includes(f.slice(0, 2)));
  const pages = [],
    executedFiles = [];
  for (const file of lessons) {
    const notebook = path.join(notebooksDir, file);
    const name = path.basename(file, ".ipynb");
    const executed = path.join(siteDir, `${name}.ipynb`);
    const started = Date.now();
    const { quick: quickValues } = readParameters(notebook);
    const result = await executeNotebook(
      notebook,
      executed,
      quick && Object.keys(quickValues).length ? injectedSource(quickValues) : undefined,
    );
    if (!result.ok) {
      console.error(`site: lesson ${name} failed:\n${result.stderr.trim()}`);
      return 1;
    }
    await exportHtml(executed, siteDir);
    executedFiles.push(executed);
    pages.push({ name, title: title(notebook) });
    console.error(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const items = pages.map((p) => `<li><a href="${p.name}.html">${escape(p.title)}</a></li>`).join("\n");
  fs.writeFileSync(
    path.join(siteDir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Descent: how a neural network learns</title>` +
      `<style>body{font-family:system-ui,sans-serif;max-width:720px;margin:3em auto;line-height:1.5}</style></head>` +
      `<body><h1>Descent: how a neural network learns</h1><p>The course, executed${quick ? " with quick parameters" : ""}. ` +
      `Open a lesson; every chart is interactive.</p><ol start="0">\n${items}\n</ol></body></html>\n`,
  );
  // Signed where Jupyter is (without it, as in npm start with no Python, nothing would open them in Jupyter).
  const unsigned = signNotebooks(executedFiles);
  if (unsigned && unsigned !== noJupyter)
    console.error(`site: the executed notebooks in site/ are not signed for Jupyter (${unsigned})`);
  console.error(`site: ${pages.length} lesson(s) in ${path.relative(process.cwd(), siteDir)}/index.html`);
  return 0;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
