// Finding Jupyter for the course, or installing it into a project-local virtual environment (.venv/).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const venv = path.join(root, ".venv");
const venvBin = (name) => path.join(venv, "bin", name);
const packages = ["jupyterlab", "notebook", "nbclient", "nbconvert", "plotly"];

const works = (command, args) => {
  const r = spawnSync(command, args, { encoding: "utf8", stdio: "pipe" });
  return !r.error && r.status === 0;
};

/** The jupyter command to use: the project's .venv first, then one on PATH that has lab or notebook. */
function findJupyter() {
  if (fs.existsSync(venvBin("jupyter")) && works(venvBin("jupyter"), ["lab", "--version"])) return { command: venvBin("jupyter"), app: "lab" };
  for (const app of ["lab", "notebook"]) if (works("jupyter", [app, "--version"])) return { command: "jupyter", app };
  return null;
}

function findPython() {
  for (const python of ["python3", "python"]) if (works(python, ["--version"])) return python;
  return null;
}

/** Creates .venv and installs JupyterLab and friends into it, saying what it does. */
function installJupyter(python, log = console.error) {
  log(`Jupyter was not found, so Descent installs it into a project-local virtual environment (.venv/, git-ignored):`);
  log(`  ${python} -m venv .venv && .venv/bin/pip install ${packages.join(" ")}`);
  log(`(To skip this, install Jupyter yourself, or run \`npm start -- --no-install\`.)`);
  // Debian and Ubuntu ship Python without its venv module unless python3-venv is installed: say so.
  const steps = [[python, ["-m", "venv", venv], " (on Debian or Ubuntu, `sudo apt install python3-venv` first)"], [venvBin("pip"), ["install", ...packages], ""]];
  for (const [command, args, hint] of steps) {
    const r = spawnSync(command, args, { stdio: "inherit", env: { PIP_RETRIES: "0", ...process.env } });
    if (r.status !== 0) throw new Error(`\`${command} ${args.join(" ")}\` failed${hint}; or install Jupyter yourself (pip install ${packages.join(" ")}) and run npm start again`);
  }
  return { command: venvBin("jupyter"), app: "lab" };
}

module.exports = { root, venv, findJupyter, findPython, installJupyter, packages };
