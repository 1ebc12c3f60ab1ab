// Turns an executed notebook into a static, offline HTML page (nbconvert's HTML, or render.js's where there is
// no Python, then made self-reliant): the page loads plotly.js from one copy beside it (the notebook's setup
// output loads it by that relative name; src/plot/plotlyFile.ts), its charts find their figures in one table at
// the top of the page (src/plot/chartHtml.ts), the math is typeset by KaTeX shipped once in site/assets/katex
// (not MathJax from a CDN), and every other CDN script is removed.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { root, text } = require("./lessons");
const { python, notebookTools } = require("./run");
const { renderNotebook } = require("./render");
const { placePlotly } = require("../../dist/plot/plotlyFile");
const { chartIdOf, figuresScript, PLOTLY_MIME } = require("../../dist/plot/chartHtml");

const siteDir = path.join(root, "site");
const assetsDir = path.join(siteDir, "assets");

let assetsCopied = false;
/** Copies KaTeX into site/assets, once per run (every page of the site shares it). */
function copyAssets() {
  if (assetsCopied) return;
  fs.mkdirSync(path.join(assetsDir, "katex", "contrib"), { recursive: true });
  fs.rmSync(path.join(assetsDir, "plotly.js"), { force: true }); // where earlier versions kept plotly.js
  const katex = path.dirname(require.resolve("katex/dist/katex.min.js"));
  for (const file of ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]) {
    fs.copyFileSync(path.join(katex, file), path.join(assetsDir, "katex", file));
  }
  fs.cpSync(path.join(katex, "fonts"), path.join(assetsDir, "katex", "fonts"), { recursive: true });
  assetsCopied = true;
}

/** The figures of a notebook's charts, by chart id: what its page's charts draw (chartHtml.ts). */
function chartFigures(nb) {
  const figures = {};
  for (const output of nb.cells.flatMap((c) => c.outputs ?? [])) {
    const id = output.data?.[PLOTLY_MIME] && chartIdOf(text(output.data["text/html"] ?? ""));
    if (id) figures[id] = output.data[PLOTLY_MIME];
  }
  return figures;
}

/**
 * Makes nbconvert's page offline: see the comment at the top. `assets` is the relative path to site/assets,
 * `figures` the notebook's chart figures by id.
 */
function makeOffline(html, assets, figures = {}) {
  html = html.replace(/<script src="https:\/\/cdnjs[^"]*require[^"]*"><\/script>/, "");
  html = html.replace(/<!-- Load mathjax -->[\s\S]*?<!-- End of mathjax configuration -->/, "");
  html = html.replace(/<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{\s*const diagrams[\s\S]*?<\/script>/, "");
  const katex =
    `<link rel="icon" href="data:,">\n` + // no favicon request
    `<link rel="stylesheet" href="${assets}/katex/katex.min.css">\n` +
    `<script defer src="${assets}/katex/katex.min.js"></script>\n` +
    `<script defer src="${assets}/katex/contrib/auto-render.min.js" onload="renderMathInElement(document.body, {` +
    `delimiters: [{left: '$$', right: '$$', display: true}, {left: '$', right: '$', display: false}], throwOnError: false})"></script>\n` +
    `${figuresScript(figures)}\n`;
  // Links between lessons name the notebook (so they open it in Jupyter); on the site they open its page.
  html = html.replace(/href="(\d\d-[\w-]+)\.ipynb(#[^"]*)?"/g, 'href="$1.html$2"');
  return html.replace("</head>", () => `${katex}</head>`); // a function: "$" in the text must stay "$"
}

/** The page's title: the notebook's first markdown heading, else its file name. */
function notebookTitle(nb, file) {
  const first = nb.cells.find((c) => c.cell_type === "markdown");
  return (/^#\s+(.+)$/m.exec(first ? text(first.source) : "")?.[1] ?? path.basename(file, ".ipynb")).trim();
}

/** Writes the HTML page of an executed notebook beside it (or into `outDir`); resolves with its path. */
async function exportHtml(executedNotebook, outDir = path.dirname(executedNotebook)) {
  copyAssets();
  placePlotly(outDir);
  const base = path.basename(executedNotebook, ".ipynb");
  const temp = path.join(outDir, `.${base}.${process.pid}.tmp`);
  const nb = JSON.parse(fs.readFileSync(executedNotebook, "utf8"));
  if (notebookTools() === "node") {
    fs.writeFileSync(`${temp}.html`, await renderNotebook(nb, notebookTitle(nb, executedNotebook)));
  } else {
    const result = spawnSync(python(), ["-m", "nbconvert", "--to", "html", "--output-dir", outDir, "--output", path.basename(temp), executedNotebook], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`nbconvert could not render ${executedNotebook}: ${result.stderr.trim().split("\n").pop()}`);
  }
  const file = path.join(outDir, `${base}.html`);
  const assets = path.relative(outDir, assetsDir).split(path.sep).join("/") || ".";
  const html = makeOffline(fs.readFileSync(`${temp}.html`, "utf8"), assets, chartFigures(nb));
  fs.writeFileSync(`${temp}.html`, html);
  fs.renameSync(`${temp}.html`, file);
  return file;
}

module.exports = { siteDir, assetsDir, exportHtml, makeOffline, notebookTitle, chartFigures };
