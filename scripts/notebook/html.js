// Turns an executed notebook into a static, offline HTML page (render.js's page, made self-reliant): the page
// loads plotly.js from one copy beside it (the notebook's setup output loads it by that relative name;
// src/plot/plotlyFile.ts), its charts find their figures in one table at the top of the page
// (src/plot/chartHtml.ts), and its math is typeset by KaTeX shipped once in site/assets/katex. Nothing comes
// from a CDN.
const fs = require("fs");
const path = require("path");
const { root, text } = require("./lessons");
const { renderNotebook } = require("./render");
const { writeFileAtomic } = require("../../dist/io/files");
const { placePlotly } = require("../../dist/plot/plotlyFile");
const { chartIdOf, figuresScript, PLOTLY_MIME } = require("../../dist/plot/chartHtml");

const siteDir = path.join(root, "site");
const assetsDir = path.join(siteDir, "assets");

let assetsCopied = false;
/**
 * Puts KaTeX into site/assets, which every page of the site and of site/runs shares: once per run, and only the
 * files that are not there yet (or changed with a new katex package).
 */
function copyAssets() {
  if (assetsCopied) return;
  const katex = path.dirname(require.resolve("katex/dist/katex.min.js"));
  const fonts = fs.readdirSync(path.join(katex, "fonts")).map((font) => `fonts/${font}`);
  for (const file of ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js", ...fonts]) {
    const source = path.join(katex, file),
      target = path.join(assetsDir, "katex", file);
    if (fs.statSync(target, { throwIfNoEntry: false })?.size === fs.statSync(source).size) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target);
  }
  fs.rmSync(path.join(assetsDir, "plotly.js"), { force: true }); // where earlier versions kept plotly.js
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
 * Makes a rendered page offline: KaTeX from `assets` (the relative path to site/assets) and the charts' figures
 * (`figures`, by chart id) in its head, and links between lessons pointing at their pages.
 */
function makeOffline(html, assets, figures = {}) {
  const head =
    `<link rel="icon" href="data:,">\n` + // no favicon request
    `<link rel="stylesheet" href="${assets}/katex/katex.min.css">\n` +
    `<script defer src="${assets}/katex/katex.min.js"></script>\n` +
    `<script defer src="${assets}/katex/contrib/auto-render.min.js" onload="renderMathInElement(document.body, {` +
    `delimiters: [{left: '$$', right: '$$', display: true}, {left: '$', right: '$', display: false}], throwOnError: false})"></script>\n` +
    `${figuresScript(figures)}\n`;
  // Links between lessons name the notebook (so they open it in Jupyter); on the site they open its page.
  html = html.replace(/href="(\d\d-[\w-]+)\.ipynb(#[^"]*)?"/g, 'href="$1.html$2"');
  return html.replace("</head>", () => `${head}</head>`); // a function: "$" in the text must stay "$"
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
  const nb = JSON.parse(fs.readFileSync(executedNotebook, "utf8"));
  const file = path.join(outDir, `${path.basename(executedNotebook, ".ipynb")}.html`);
  const assets = path.relative(outDir, assetsDir).split(path.sep).join("/") || ".";
  writeFileAtomic(
    file,
    makeOffline(await renderNotebook(nb, notebookTitle(nb, executedNotebook)), assets, chartFigures(nb)),
  );
  return file;
}

module.exports = { siteDir, assetsDir, exportHtml, makeOffline, notebookTitle, chartFigures };
