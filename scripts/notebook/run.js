// Runs one lesson headlessly in the project's tslab kernel, with injected parameters, through execute.py.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { root } = require("./lessons");

/** The Python that has nbclient: the project's .venv, else python3 on PATH. */
function python() {
  const venv = path.join(root, ".venv", "bin", "python");
  return fs.existsSync(venv) ? venv : "python3";
}

/** Executes `notebook` into `output`; returns { ok, stderr }. */
function executeNotebook(notebook, output, injected, { timeout = 900 } = {}) {
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
  const text = (t) => (Array.isArray(t) ? t.join("") : t ?? "");
  return nb.cells.filter((c) => c.cell_type === "code")
    .flatMap((c) => c.outputs.filter((o) => o.name === "stdout").map((o) => text(o.text))).join("");
}

module.exports = { python, executeNotebook, printedText };
