// Runs one lesson headlessly in the project's tslab kernel, with injected parameters: through nbclient
// (execute.py) where a Python has it, else through the Node client (executeNode.js), so that the course also
// runs on a machine without Python.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { root, text } = require("./lessons");
const { executeWithNode } = require("./executeNode");
const { placePlotly } = require("../../dist/plot/plotlyFile");

/** The Python that has nbclient: the project's .venv, else python3 on PATH. */
function python() {
  const venv = path.join(root, ".venv", "bin", "python");
  return fs.existsSync(venv) ? venv : "python3";
}

let chosen;
/**
 * The tools that execute and render notebooks: "python" (nbclient, nbconvert) where the project's .venv or
 * python3 has them, else "node" (kernel.js, render.js). DESCENT_NOTEBOOK_TOOLS=node or =python chooses.
 */
function notebookTools() {
  if (chosen) return chosen;
  const wanted = process.env.DESCENT_NOTEBOOK_TOOLS;
  if (wanted && wanted !== "node" && wanted !== "python") {
    throw new Error(`DESCENT_NOTEBOOK_TOOLS is "${wanted}"; set it to node or python, or unset it`);
  }
  if (wanted) return (chosen = wanted);
  const probe = spawnSync(python(), ["-c", "import nbclient, nbconvert, nbformat"], { stdio: "ignore" });
  return (chosen = !probe.error && probe.status === 0 ? "python" : "node");
}

/**
 * Executes `notebook` into `output`; resolves with { ok, stderr }. plotly.js goes beside `output`, where the
 * executed notebook's setup output loads it from when it is opened in Notebook 6 (src/plot/plotlyFile.ts).
 */
async function executeNotebook(notebook, output, injected, options) {
  const result = await executeInKernel(notebook, output, injected, options);
  if (fs.existsSync(output)) placePlotly(path.dirname(path.resolve(output)));
  return result;
}

async function executeInKernel(notebook, output, injected, { timeout = 900 } = {}) {
  if (notebookTools() === "node") {
    try {
      return await executeWithNode(notebook, output, injected, { timeout });
    } catch (error) {
      return { ok: false, stderr: `the tslab kernel could not run ${path.basename(notebook)}: ${error.message}` };
    }
  }
  const args = [path.join(__dirname, "execute.py"), notebook, output, "--timeout", String(timeout)];
  if (injected) args.push("--inject", injected);
  const result = spawnSync(python(), args, {
    encoding: "utf8",
    env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter") },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) return { ok: false, stderr: `could not run ${python()}: ${result.error.message}; run \`npm start\` once to set up Jupyter` };
  return { ok: result.status === 0, stderr: result.stderr };
}

/** The text a lesson printed: its cells' stdout, in order. */
function printedText(executedFile) {
  const nb = JSON.parse(fs.readFileSync(executedFile, "utf8"));
  return nb.cells.filter((c) => c.cell_type === "code")
    .flatMap((c) => c.outputs.filter((o) => o.name === "stdout").map((o) => text(o.text))).join("");
}

module.exports = { python, notebookTools, executeNotebook, printedText };
