#!/usr/bin/env node
// npm start: build the library, make the project's tslab kernel known to Jupyter (through JUPYTER_PATH, no global
// install), fill my-lessons/ with the learner's own copies of the lessons, and open them in JupyterLab at lesson
// 00. Installs JupyterLab into .venv/ when only Python (or only a classic Notebook) is there; where there is no
// Python at all, it renders the course into site/ with Node alone and says how to get Jupyter.
// `npm start -- --help` lists the flags (startOptions.js).
const { spawn, spawnSync } = require("child_process");
const path = require("path");
const fs = require("fs");
const { root, findJupyter, findPython, installJupyter, whyInstall } = require("./jupyter");
const { lessonFiles, notebooksDir } = require("./notebook/lessons");
const { myLessonsDir, fillMyLessons, fillReport } = require("./notebook/myLessons");
const { parseStartOptions, usage } = require("./startOptions");

const options = parseStartOptions(process.argv.slice(2));
if (options instanceof Error) {
  console.error(`start: ${options.message}.`);
  process.exit(2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}

const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

let jupyter = findJupyter();
if (!jupyter) {
  const python = findPython();
  if (!python) process.exit(renderCourse());
  const why = whyInstall();
  if (options.noInstall) {
    console.error(
      `${why}; install JupyterLab with \`${python} -m pip install jupyterlab plotly\`, or run npm start without --no-install.`,
    );
    process.exit(1);
  }
  if (options.dryRun) {
    console.log(`${why}: would install JupyterLab into .venv with ${python}`);
    process.exit(0);
  }
  try {
    jupyter = installJupyter(python, console.error, why);
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
  if (options.dryRun) {
    console.log(
      upToDate ? "the rendered course in site/ is up to date" : "would render the course into site/ with Node",
    );
    return 0;
  }
  if (!upToDate) {
    const site = spawnSync(process.execPath, [path.join(root, "scripts", "site.js")], { cwd: root, stdio: "inherit" });
    if (site.status !== 0) return site.status ?? 1;
  } else {
    console.error("(the pages in site/ are newer than the lessons and the library, so they are shown as they are)");
  }
  console.log(`The course is ready: open ${index} in a browser (or serve site/ over http).`);
  console.log(
    "To run and change the lessons yourself, install Python 3 (https://www.python.org/downloads/) and run `npm start` again:",
  );
  console.log(
    "it installs JupyterLab into .venv/ for you. `npm run lesson -- NN --set name=value` re-runs a lesson here without it.",
  );
  return 0;
}

// The learner works in their own copies, so the lessons in notebooks/ stay as shipped.
const firstTime = !fs.existsSync(myLessonsDir);
for (const line of fillReport(fillMyLessons({ dryRun: options.dryRun }), { dryRun: options.dryRun, firstTime }))
  console.log(line);

const lesson = "00-start-here.ipynb";
const env = {
  ...process.env,
  JUPYTER_PATH: [path.join(root, ".jupyter"), process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter),
};
const args = [jupyter.app, lesson];
if (options.port !== null) args.push(`--port=${options.port}`);
if (options.noBrowser) args.push("--no-browser");
// Jupyter refuses to run as root (as in a container) unless told; the learner asked for it by running npm start.
if (process.getuid?.() === 0) args.push("--allow-root");
console.log(
  `opening the course: JUPYTER_PATH=${path.join(root, ".jupyter")} ${jupyter.command} ${args.join(" ")} (in my-lessons/)`,
);
if (options.dryRun) process.exit(0);
const child = spawn(jupyter.command, args, { cwd: myLessonsDir, env, stdio: ["inherit", "pipe", "pipe"] });
forwardAndPointAtLesson(child);
child.on("exit", (code) => process.exit(code ?? 0));
process.on("SIGINT", () => child.kill("SIGINT"));

/**
 * Passes Jupyter's output through, and once it has printed its address (".../lab?token=...", which opens the
 * Launcher) and gone quiet, prints the address that opens lesson 00 itself, on the same server with the same token.
 */
function forwardAndPointAtLesson(server) {
  let seen = "",
    url = null,
    timer = null;
  const point = () =>
    console.log(
      `\nThe course is open at ${url}\n(your own copies of the lessons, in my-lessons/; Ctrl-C twice stops JupyterLab)\n`,
    );
  const watch = (stream, out) =>
    stream.on("data", (chunk) => {
      out.write(chunk);
      if (url === null) {
        seen += chunk;
        const m = /(https?:\/\/\S+?\/)lab(?:\?token=(\w+))?(?=\s)/.exec(seen);
        if (m) url = `${m[1]}lab/tree/${lesson}${m[2] ? `?token=${m[2]}` : ""}`;
      }
      // Printed after Jupyter's own block of addresses, not lost in the middle of it.
      if (url !== null && timer !== false) {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timer = false;
          point();
        }, 1000);
      }
    });
  watch(server.stdout, process.stdout);
  watch(server.stderr, process.stderr);
}
