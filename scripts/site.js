#!/usr/bin/env node
// npm run site [-- --quick] [-- --only 00,03]
// Executes every lesson (default parameters, or each lesson's quick ones with --quick) and writes one static,
// offline HTML page per lesson plus an index into site/. Open site/index.html from disk or serve site/ over http.
const fs = require("fs");
const path = require("path");
const { lessonFiles, notebooksDir, readParameters, injectedSource } = require("./notebook/lessons");
const { executeNotebook } = require("./notebook/run");
const { exportHtml, siteDir } = require("./notebook/html");

const usage = "usage: npm run site [-- --quick] [--only NN,NN]";

function title(notebookFile) {
  const nb = JSON.parse(fs.readFileSync(notebookFile, "utf8"));
  const first = nb.cells.find((c) => c.cell_type === "markdown");
  const text = first ? (Array.isArray(first.source) ? first.source.join("") : first.source) : "";
  return (/^#\s+(.+)$/m.exec(text)?.[1] ?? path.basename(notebookFile, ".ipynb")).trim();
}

function escape(s) {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function main(argv) {
  let quick = false, only = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--quick") quick = true;
    else if (argv[i] === "--only") only = (argv[++i] ?? "").split(",");
    else { console.error(`site: unknown argument "${argv[i]}"\n${usage}`); return 2; }
  }
  fs.mkdirSync(siteDir, { recursive: true });
  const lessons = lessonFiles().filter((f) => !only || only.includes(f.slice(0, 2)));
  const pages = [];
  for (const file of lessons) {
    const notebook = path.join(notebooksDir, file);
    const name = path.basename(file, ".ipynb");
    const executed = path.join(siteDir, `${name}.ipynb`);
    const started = Date.now();
    const { quick: quickValues } = readParameters(notebook);
    const result = executeNotebook(notebook, executed, quick && Object.keys(quickValues).length ? injectedSource(quickValues) : undefined);
    if (!result.ok) {
      console.error(`site: lesson ${name} failed:\n${result.stderr.trim()}`);
      return 1;
    }
    exportHtml(executed, siteDir);
    pages.push({ name, title: title(notebook) });
    console.error(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const items = pages.map((p) => `<li><a href="${p.name}.html">${escape(p.title)}</a></li>`).join("\n");
  fs.writeFileSync(path.join(siteDir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Descent: how a neural network learns</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:720px;margin:3em auto;line-height:1.5}</style></head>` +
    `<body><h1>Descent: how a neural network learns</h1><p>The course, executed${quick ? " with quick parameters" : ""}. ` +
    `Open a lesson; every chart is interactive.</p><ol start="0">\n${items}\n</ol></body></html>\n`);
  console.error(`site: ${pages.length} lesson(s) in ${path.relative(process.cwd(), siteDir)}/index.html`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
