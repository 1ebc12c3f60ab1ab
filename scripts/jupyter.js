// Finding Jupyter for the course, or installing it into a project-local virtual environment (.venv/).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const venv = path.join(root, ".venv");
const venvBin = (name) => path.join(venv, "bin", name);
const packages = ["jupyterlab", "notebook", "nbclient", "plotly"];

const works = (command, args) => {
  const r = spawnSync(command, args, { encoding: "utf8", stdio: "pipe" });
  return !r.error && r.status === 0;
};

/**
 * The jupyter command that has JupyterLab: the project's .venv first, then one on PATH; null where there is none.
 * The course is made for JupyterLab (Notebook 7 is built on it and brings it along).
 */
function findJupyter() {
  if (fs.existsSync(venvBin("jupyter")) && works(venvBin("jupyter"), ["lab", "--version"]))
    return { command: venvBin("jupyter"), app: "lab" };
  if (works("jupyter", ["lab", "--version"])) return { command: "jupyter", app: "lab" };
  return null;
}

/** The version of a classic Jupyter Notebook (before 7, such as Debian's 6.4) on PATH, or null. */
function classicNotebook() {
  const r = spawnSync("jupyter", ["notebook", "--version"], { encoding: "utf8", stdio: "pipe" });
  const version = !r.error && r.status === 0 ? r.stdout.trim() : "";
  return /^[0-6]\./.test(version) ? version : null;
}

/** Why JupyterLab is to be installed: none at all, or only a classic Notebook, which the course is not made for. */
function whyInstall(classic = classicNotebook()) {
  return classic
    ? `Only the classic Jupyter Notebook ${classic} was found, and the course is made for JupyterLab`
    : "Jupyter was not found";
}

function findPython() {
  for (const python of ["python3", "python"]) if (works(python, ["--version"])) return python;
  return null;
}

/** Creates .venv and installs JupyterLab and friends into it, saying what it does. */
function installJupyter(python, log = console.error, why = "Jupyter was not found") {
  log(`${why}, so Descent installs JupyterLab into a project-local virtual environment (.venv/, git-ignored):`);
  log(`  ${python} -m venv .venv && .venv/bin/pip install ${packages.join(" ")}`);
  log(`(To skip this, install Jupyter yourself, or run \`npm start -- --no-install\`.)`);
  // Debian and Ubuntu ship Python without its venv module unless python3-venv is installed: say so.
  const steps = [
    [python, ["-m", "venv", venv], " (on Debian or Ubuntu, `sudo apt install python3-venv` first)"],
    [venvBin("pip"), ["install", ...packages], ""],
  ];
  for (const [command, args, hint] of steps) {
    const r = spawnSync(command, args, { stdio: "inherit", env: { PIP_RETRIES: "0", ...process.env } });
    if (r.status !== 0)
      throw new Error(
        `\`${command} ${args.join(" ")}\` failed${hint}; or install Jupyter yourself (pip install ${packages.join(" ")}) and run npm start again`,
      );
  }
  return { command: venvBin("jupyter"), app: "lab" };
}

module.exports = { root, venv, findJupyter, classicNotebook, whyInstall, findPython, installJupyter, packages };
