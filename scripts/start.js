#!/usr/bin/env node
// npm start: build the library, make the project's tslab kernel known to Jupyter (through JUPYTER_PATH, no global
// install), and open the course in JupyterLab at lesson 00. Installs Jupyter into .venv/ when only Python is there;
// where there is no Python at all, it renders the course into site/ with Node alone and says how to get Jupyter.
//   npm start -- --no-install   never install anything
//   npm start -- --no-browser   start the server without opening a browser
//   npm start -- --dry-run      say what would run, and stop
const { spawn, spawnSync } = require("child_process");
const path = require("path");
const fs = require("fs");
const { root, findJupyter, findPython, installJupyter } = require("./jupyter");
const { lessonFiles, notebooksDir } = require("./notebook/lessons");

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
  if (!python) process.exit(renderCourse());
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

/**
 * No Python, so no Jupyter: execute every lesson in the tslab kernel with Node alone and write the course as
 * static pages into site/ (skipped when the pages are newer than the lessons and the library).
 */
function renderCourse() {
  console.error("Jupyter needs Python, and this machine has none, so Descent renders the course as web pages instead:");
  console.error("every lesson runs in the TypeScript kernel and its page, with its charts, goes into site/.");
  const index = path.join(root, "site", "index.html");
  // The library's sources, not dist/: the build above rewrites dist/ on every start.
  const sources = fs.readdirSync(path.join(root, "src"), { recursive: true }).map((f) => path.join(root, "src", f));
  const inputs = [...sources, ...lessonFiles().map((f) => path.join(notebooksDir, f))];
  const pages = lessonFiles().map((f) => path.join(root, "site", f.replace(/\.ipynb$/, ".html")));
  const newest = Math.max(...inputs.map((f) => fs.statSync(f).mtimeMs));
  const upToDate = [index, ...pages].every((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs > newest);
  if (flags.has("--dry-run")) {
    console.log(upToDate ? "the rendered course in site/ is up to date" : "would render the course into site/ with Node");
    return 0;
  }
  if (!upToDate) {
    const site = spawnSync(process.execPath, [path.join(root, "scripts", "site.js")], { cwd: root, stdio: "inherit", env: { ...process.env, DESCENT_NOTEBOOK_TOOLS: "node" } });
    if (site.status !== 0) return site.status ?? 1;
  } else {
    console.error("(the pages in site/ are newer than the lessons and the library, so they are shown as they are)");
  }
  console.log(`The course is ready: open ${index} in a browser (or serve site/ over http).`);
  console.log("To run and change the lessons yourself, install Python 3 (https://www.python.org/downloads/) and run `npm start` again:");
  console.log("it installs JupyterLab into .venv/ for you. `npm run lesson -- NN --set name=value` re-runs a lesson here without it.");
  return 0;
}

const env = { ...process.env, JUPYTER_PATH: [path.join(root, ".jupyter"), process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter) };
const args = [jupyter.app, "00-start-here.ipynb"];
if (flags.has("--no-browser")) args.push("--no-browser");
// Jupyter refuses to run as root (as in a container) unless told; the learner asked for it by running npm start.
if (process.getuid?.() === 0) args.push("--allow-root");
console.log(`opening the course: JUPYTER_PATH=${path.join(root, ".jupyter")} ${jupyter.command} ${args.join(" ")} (in notebooks/)`);
if (flags.has("--dry-run")) process.exit(0);
const child = spawn(jupyter.command, args, { cwd: path.join(root, "notebooks"), env, stdio: "inherit" });
child.on("exit", (code) => process.exit(code ?? 0));
process.on("SIGINT", () => child.kill("SIGINT"));
