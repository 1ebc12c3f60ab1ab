// Signs executed notebooks for this user, as `jupyter trust` does, so that JupyterLab and Notebook 6 run their
// stored chart scripts without a re-run. The signature is Jupyter's own (an HMAC with this user's secret, kept in
// Jupyter's database), so Jupyter makes it: the project's .venv/ (npm start installs it there), else a
// `jupyter` on PATH. This is the only thing Python does when a lesson runs; Descent's Node client runs it.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { root } = require("./lessons");

/** `jupyter trust`: the project's .venv first (its jupyter-trust itself, a second faster), then a jupyter on PATH. */
function trustCommand() {
  const venv = path.join(root, ".venv", "bin", "jupyter-trust");
  return fs.existsSync(venv) ? [venv] : ["jupyter", "trust"];
}

/** Why notebooks are not signed where Jupyter is not installed (as with no Python); signNotebooks returns it. */
const noJupyter = "no Jupyter here";

/** Signs `files` in one `jupyter trust`; returns null, or why they are not signed (noJupyter, or what failed). */
function signNotebooks(files) {
  if (!files.length) return null;
  const [command, ...args] = trustCommand();
  const result = spawnSync(command, [...args, ...files], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  if (result.error?.code === "ENOENT") return noJupyter;
  if (result.error || result.status !== 0) {
    const why =
      (result.error?.message ?? result.stderr.trim().split("\n").pop().replace(/\.$/, "")) ||
      `exit code ${result.status}`;
    return `\`jupyter trust\` failed: ${why}`;
  }
  return null;
}

module.exports = { signNotebooks, noJupyter };
