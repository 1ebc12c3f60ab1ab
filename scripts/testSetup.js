#!/usr/bin/env node
// Before `npm test`: what the tests need beyond node_modules. The project's .venv/ with Jupyter, nbclient and
// nbconvert (installed here as `npm start` installs it, where Python is), and Chromium and Notebook 6 from the
// system's packages (only named, never installed: that needs root; `bash .ci/run` installs them on Debian).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { venv, findPython, installJupyter, packages } = require("./jupyter");

// The pip packages are importable under their own names (jupyterlab, notebook, nbclient, nbconvert, plotly).
const venvPython = path.join(venv, "bin", "python");
const hasJupyter = fs.existsSync(venvPython) && spawnSync(venvPython, ["-c", `import ${packages.join(", ")}`], { stdio: "ignore" }).status === 0;
if (!hasJupyter) {
  const python = findPython();
  if (!python) {
    console.error("test: the notebook tests run Jupyter, which needs Python 3, and there is none; install python3 and python3-venv, then run npm test again");
    process.exit(1);
  }
  try {
    installJupyter(python);
  } catch (error) {
    console.error(`test: ${error.message}`);
    process.exit(1);
  }
}

const system = [
  { file: process.env.CHROMIUM ?? "/usr/bin/chromium", what: "Chromium", apt: "chromium" },
  { file: "/usr/bin/jupyter-notebook", what: "Notebook 6", apt: "jupyter-notebook python3-jupyter-client" },
].filter(({ file }) => !fs.existsSync(file));
if (system.length) {
  console.error(`test: the browser tests need ${system.map((s) => s.what).join(" and ")}; run \`sudo apt-get install ${system.map((s) => s.apt).join(" ")}\` ` +
    "(or `bash .ci/run`, which does), then npm test again");
  process.exit(1);
}
