// Renders an executed notebook as a static HTML page in Node: markdown through marked (the renderer JupyterLab
// uses), math left as $...$ for KaTeX to typeset in the page, code cells with their outputs, charts through their
// text/html output (a <div> and a script that waits for plotly.js). html.js then makes the page offline.

const { text } = require("./lessons");

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");

/**
 * Markdown to HTML with the math kept out of marked's way (it would read `_` and `*` in LaTeX as emphasis):
 * each $$...$$ or $...$ becomes a placeholder, and comes back afterwards as the escaped original text.
 */
function markdownToHtml(marked, markdown) {
  const math = [];
  const hidden = markdown.replace(/\$\$[\s\S]+?\$\$|\$(?!\s)[^$\n]+?\$/g, (m) => `MATH${math.push(m) - 1}END`);
  return marked.parse(hidden).replace(/MATH(\d+)END/g, (_, i) => escape(math[Number(i)]));
}

/** One output as HTML: the richest form this page can show, in the order Jupyter's renderers prefer. */
function outputHtml(marked, output) {
  if (output.output_type === "stream") {
    return `<pre class="output ${output.name === "stderr" ? "stderr" : "stdout"}">${escape(stripAnsi(text(output.text)))}</pre>`;
  }
  if (output.output_type === "error") {
    const trace = output.traceback?.length ? output.traceback.join("\n") : `${output.ename}: ${output.evalue}`;
    return `<pre class="output stderr">${escape(stripAnsi(trace))}</pre>`;
  }
  const data = output.data ?? {};
  if (data["text/html"] !== undefined) return `<div class="output html">${text(data["text/html"])}</div>`;
  if (data["image/svg+xml"] !== undefined) return `<div class="output">${text(data["image/svg+xml"])}</div>`;
  if (data["image/png"] !== undefined)
    return `<div class="output"><img src="data:image/png;base64,${text(data["image/png"]).trim()}"></div>`;
  if (data["text/markdown"] !== undefined)
    return `<div class="output markdown">${markdownToHtml(marked, text(data["text/markdown"]))}</div>`;
  if (data["text/plain"] !== undefined)
    return `<pre class="output">${escape(stripAnsi(text(data["text/plain"])))}</pre>`;
  return "";
}

const style = `
body { font-family: system-ui, sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }
.cell { margin: 0.8em 0; }
.input { background: #f6f7f9; border: 1px solid #e3e5e8; border-radius: 4px; padding: 0.5em 0.8em; overflow-x: auto; }
.prompt { color: #888; font: 12px monospace; }
pre { margin: 0; font: 13px/1.4 ui-monospace, monospace; white-space: pre-wrap; }
pre.output { padding: 0.3em 0.8em; }
pre.stderr { background: #fdecec; color: #8a1c1c; }
.output.html { overflow-x: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 0.2em 0.5em; }
img { max-width: 100%; }`;

/** marked is an ES module: a real dynamic import loads it from this CommonJS script on any Node 20. */
const loadMarked = async () => (await import("marked")).marked;

/** The page for an executed notebook (an object, as read from its JSON). */
async function renderNotebook(nb, title) {
  const marked = await loadMarked();
  const cells = nb.cells.map((cell) => {
    if (cell.cell_type === "markdown")
      return `<div class="cell markdown">${markdownToHtml(marked, text(cell.source))}</div>`;
    if (cell.cell_type !== "code") return `<div class="cell raw"><pre>${escape(text(cell.source))}</pre></div>`;
    const prompt = `<div class="prompt">In [${cell.execution_count ?? " "}]:</div>`;
    const outputs = (cell.outputs ?? []).map((output) => outputHtml(marked, output)).join("\n");
    return `<div class="cell code">${prompt}<div class="input"><pre><code class="language-typescript">${escape(text(cell.source))}</code></pre></div>\n${outputs}</div>`;
  });
  return (
    `<!doctype html>\n<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escape(title)}</title><style>${style}</style></head>\n<body>\n${cells.join("\n")}\n</body></html>\n`
  );
}

module.exports = { renderNotebook, markdownToHtml, loadMarked, escape };
