#!/usr/bin/env node
// Before `npm test`: what the tests need beyond node_modules. The project's .venv/ with Jupyter, nbclient and
// nbconvert (installed here as `npm start` installs it, where Python is), and Chromium and Notebook 6 from the
// system's packages (only named, never installed: that needs root; `bash .ci/run` installs them on Debian).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { venv, findPython, installJupyter, packages } = require("./jupyter");

/** Installs Jupyter and friends into .venv/ unless they are there; a sentence saying why not, or null. */
function setUpJupyter() {
  // The pip packages are importable under their own names (jupyterlab, notebook, nbclient, nbconvert, plotly).
  const venvPython = path.join(venv, "bin", "python");
  if (fs.existsSync(venvPython) && spawnSync(venvPython, ["-c", `import ${packages.join(", ")}`], { stdio: "ignore" }).status === 0) return null;
  const python = findPython();
  if (!python) return "the notebook tests run Jupyter, which needs Python 3, and there is none; install python3 and python3-venv, then run npm test again";
  try {
    installJupyter(python);
    return null;
  } catch (error) {
    return error.message;
  }
}

/** What the browser tests need from the system and is missing: a sentence with the apt-get line, or null. */
function missingSystemPackages(env = process.env) {
  const missing = [
    { file: env.CHROMIUM ?? "/usr/bin/chromium", what: "Chromium", apt: "chromium" },
    { file: "/usr/bin/jupyter-notebook", what: "Notebook 6", apt: "jupyter-notebook python3-jupyter-client" },
  ].filter(({ file }) => !fs.existsSync(file));
  if (!missing.length) return null;
  return `the browser tests need ${missing.map((s) => s.what).join(" and ")}; run \`sudo apt-get install ${missing.map((s) => s.apt).join(" ")}\` ` +
    "(or `bash .ci/run`, which does), then npm test again";
}

if (require.main === module) {
  const problem = setUpJupyter() ?? missingSystemPackages();
  if (problem) {
    console.error(`test: ${problem}`);
    process.exit(1);
  }
}

module.exports = { missingSystemPackages };
