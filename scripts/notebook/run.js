// Runs one lesson headlessly in the project's tslab kernel, with injected parameters, through Descent's own
// Jupyter client (executeNode.js, kernel.js): the one way `npm run lesson`, `npm run site`, `npm start`'s pages
// and the notebook tests execute a lesson, with or without Python.
const fs = require("fs");
const path = require("path");
const { text } = require("./lessons");
const { executeWithNode } = require("./executeNode");
const { placePlotly } = require("../../dist/plot/plotlyFile");

/**
 * Executes `notebook` into `output`; resolves with { ok, stderr }. plotly.js goes beside `output`, where the
 * executed notebook's setup output loads it from when it is opened in Notebook 6 (src/plot/plotlyFile.ts).
 */
async function executeNotebook(notebook, output, injected, { timeout = 900 } = {}) {
  let result;
  try {
    result = await executeWithNode(notebook, output, injected, { timeout });
  } catch (error) {
    result = { ok: false, stderr: `the tslab kernel could not run ${path.basename(notebook)}: ${error.message}` };
  }
  if (fs.existsSync(output)) placePlotly(path.dirname(path.resolve(output)));
  return result;
}

/** The text a lesson printed: its cells' stdout, in order. */
function printedText(executedFile) {
  const nb = JSON.parse(fs.readFileSync(executedFile, "utf8"));
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .flatMap((c) => c.outputs.filter((o) => o.name === "stdout").map((o) => text(o.text)))
    .join("");
}

module.exports = { executeNotebook, printedText };
