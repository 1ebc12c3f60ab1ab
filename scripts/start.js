#!/usr/bin/env node
// npm start: build the library, make the project's tslab kernel known to Jupyter (through JUPYTER_PATH, no global
// install), and open the course in JupyterLab at lesson 00. Installs Jupyter into .venv/ when only Python is there.
//   npm start -- --no-install   never install anything
//   npm start -- --no-browser   start the server without opening a browser
//   npm start -- --dry-run      say what would run, and stop
const { spawn, spawnSync } = require("child_process");
const path = require("path");
const { root, findJupyter, findPython, installJupyter } = require("./jupyter");

const flags = new Set(process.argv.slice(2));
const known = ["--no-install", "--no-browser", "--dry-run"];
for (const flag of flags) {
  if (!known.includes(flag)) {
    console.error(`start: unknown flag "${flag}"; use ${known.join(", ")}`);
    process.exit(2);
  }
}

const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

let jupyter = findJupyter();
if (!jupyter) {
  const python = findPython();
  if (!python) {
    console.error("Descent needs Jupyter to run the lessons, and this machine has no Python to install it with.");
    console.error("Install Python 3 (https://www.python.org/downloads/), then run `npm start` again: it installs JupyterLab for you.");
    console.error("Meanwhile the lessons are plain notebooks in notebooks/; VS Code can open them once Python and Jupyter are there.");
    process.exit(1);
  }
  if (flags.has("--no-install")) {
    console.error(`Jupyter was not found. Install it with \`${python} -m pip install jupyterlab plotly\`, or run npm start without --no-install.`);
    process.exit(1);
  }
  if (flags.has("--dry-run")) {
    console.log(`would install Jupyter into .venv with ${python}`);
    process.exit(0);
  }
  try {
    jupyter = installJupyter(python);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

const env = { ...process.env, JUPYTER_PATH: [path.join(root, ".jupyter"), process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter) };
const args = [jupyter.app, "00-start-here.ipynb"];
if (flags.has("--no-browser")) args.push("--no-browser");
console.log(`opening the course: JUPYTER_PATH=${path.join(root, ".jupyter")} ${jupyter.command} ${args.join(" ")} (in notebooks/)`);
if (flags.has("--dry-run")) process.exit(0);
const child = spawn(jupyter.command, args, { cwd: path.join(root, "notebooks"), env, stdio: "inherit" });
child.on("exit", (code) => process.exit(code ?? 0));
process.on("SIGINT", () => child.kill("SIGINT"));
