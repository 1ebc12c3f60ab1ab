// Turns an executed notebook into a static, offline HTML page (nbconvert's HTML, or render.js's where there is
// no Python, then made self-reliant):
// plotly.js is loaded from site/assets/ instead of being inlined per notebook, the math is typeset by KaTeX
// shipped in site/assets/katex (not MathJax from a CDN), and every other CDN script is removed.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { root, text } = require("./lessons");
const { python, notebookTools } = require("./run");
const { renderNotebook } = require("./render");

const siteDir = path.join(root, "site");
const assetsDir = path.join(siteDir, "assets");

/** Copies plotly.js and KaTeX into site/assets once. */
function copyAssets() {
  fs.mkdirSync(path.join(assetsDir, "katex", "contrib"), { recursive: true });
  fs.copyFileSync(require.resolve("plotly.js-dist/plotly.js"), path.join(assetsDir, "plotly.js"));
  const katex = path.dirname(require.resolve("katex/dist/katex.min.js"));
  for (const file of ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]) {
    fs.copyFileSync(path.join(katex, file), path.join(assetsDir, "katex", file));
  }
  fs.cpSync(path.join(katex, "fonts"), path.join(assetsDir, "katex", "fonts"), { recursive: true });
}

/** Makes nbconvert's page offline: see the comment at the top. `assets` is the relative path to site/assets. */
function makeOffline(html, assets) {
  html = html.replace(/<script src="https:\/\/cdnjs[^"]*require[^"]*"><\/script>/, "");
  html = html.replace(/<!-- Load mathjax -->[\s\S]*?<!-- End of mathjax configuration -->/, "");
  html = html.replace(/<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{\s*const diagrams[\s\S]*?<\/script>/, "");
  // The notebook's setupPlots() output carries plotly.js inline: load it once from the assets instead.
  let first = true;
  for (let start; (start = html.search(/<script[^>]*data-descent="plotly"[^>]*>/)) >= 0; first = false) {
    const end = html.indexOf("</script>", start) + "</script>".length;
    html = html.slice(0, start) + (first ? `<script src="${assets}/plotly.js"></script>` : "") + html.slice(end);
  }
  const katex =
    `<link rel="icon" href="data:,">\n` + // no favicon request
    `<link rel="stylesheet" href="${assets}/katex/katex.min.css">\n` +
    `<script defer src="${assets}/katex/katex.min.js"></script>\n` +
    `<script defer src="${assets}/katex/contrib/auto-render.min.js" onload="renderMathInElement(document.body, {` +
    `delimiters: [{left: '$$', right: '$$', display: true}, {left: '$', right: '$', display: false}], throwOnError: false})"></script>\n`;
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
  const base = path.basename(executedNotebook, ".ipynb");
  const temp = path.join(outDir, `.${base}.${process.pid}.tmp`);
  if (notebookTools() === "node") {
    const nb = JSON.parse(fs.readFileSync(executedNotebook, "utf8"));
    fs.writeFileSync(`${temp}.html`, await renderNotebook(nb, notebookTitle(nb, executedNotebook)));
  } else {
    const result = spawnSync(python(), ["-m", "nbconvert", "--to", "html", "--output-dir", outDir, "--output", path.basename(temp), executedNotebook], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`nbconvert could not render ${executedNotebook}: ${result.stderr.trim().split("\n").pop()}`);
  }
  const file = path.join(outDir, `${base}.html`);
  const assets = path.relative(outDir, assetsDir).split(path.sep).join("/") || ".";
  const html = makeOffline(fs.readFileSync(`${temp}.html`, "utf8"), assets);
  fs.writeFileSync(`${temp}.html`, html);
  fs.renameSync(`${temp}.html`, file);
  return file;
}

module.exports = { siteDir, assetsDir, exportHtml, makeOffline, notebookTitle };
