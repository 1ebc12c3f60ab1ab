#!/usr/bin/env node
// Before `npm test`: what the tests need beyond node_modules, installed here so that `npm install && npm test` is
// all a fresh machine needs. The project's .venv/ with Jupyter and nbclient (as `npm start` installs
// it, where Python is); Chromium and Debian's Notebook 6 from the system's packages (apt-get, as root or through
// `sudo -n`), or, where apt cannot be used, Playwright's own Chromium download. Each install says what it does;
// only what truly cannot be installed stops the tests, with one line saying what to run.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { venv, findPython, installJupyter, packages } = require("./jupyter");

const root = path.join(__dirname, "..");

/** Installs Jupyter and friends into .venv/ unless they are there; a sentence saying why not, or null. */
function setUpJupyter() {
  // The pip packages are importable under their own names (jupyterlab, notebook, nbclient, plotly).
  const venvPython = path.join(venv, "bin", "python");
  if (
    fs.existsSync(venvPython) &&
    spawnSync(venvPython, ["-c", `import ${packages.join(", ")}`], { stdio: "ignore" }).status === 0
  )
    return null;
  const python = findPython();
  if (!python)
    return "the notebook tests run Jupyter, which needs Python 3, and there is none; install python3 and python3-venv, then run npm test again";
  try {
    installJupyter(python);
    return null;
  } catch (error) {
    return error.message;
  }
}

/** What the browser tests need from the system, and the Debian packages that bring it. */
const systemNeeds = (env = process.env) => [
  { file: env.CHROMIUM ?? "/usr/bin/chromium", what: "Chromium", apt: ["chromium"] },
  { file: "/usr/bin/jupyter-notebook", what: "Notebook 6", apt: ["jupyter-notebook", "python3-jupyter-client"] },
];

/** Playwright's own Chromium (downloaded by `playwright-core install chromium`), when it is there. */
function playwrightChromium() {
  try {
    const file = require(path.join(root, "node_modules", "playwright-core")).chromium.executablePath();
    return file && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** The needs that are missing (a Chromium Playwright downloaded counts as Chromium). */
function missingNeeds(env = process.env) {
  return systemNeeds(env).filter(
    ({ file, what }) => !fs.existsSync(file) && !(what === "Chromium" && !env.CHROMIUM && playwrightChromium()),
  );
}

/** How to run apt-get here: directly as root, through passwordless sudo, or not at all (null). */
function aptRunner({ run = spawnSync, isRoot = process.getuid?.() === 0 } = {}) {
  if (run("apt-get", ["--version"], { stdio: "ignore" }).status !== 0) return null;
  if (isRoot) return [];
  return run("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0 ? ["sudo", "-n"] : null;
}

/**
 * Installs what is missing, saying so: through apt-get where it can, else Chromium through Playwright's download.
 * Returns one sentence naming what could not be installed and the command that would, or null when all is there.
 */
function installSystemNeeds({
  env = process.env,
  run = spawnSync,
  log = console.error,
  isRoot,
  missing = missingNeeds,
} = {}) {
  let needs = missing(env);
  if (!needs.length) return null;
  const prefix = aptRunner({ run, isRoot });
  if (prefix) {
    const names = needs.flatMap((n) => n.apt);
    log(
      `test: the browser tests need ${needs.map((n) => n.what).join(" and ")}; installing them: apt-get install ${names.join(" ")}`,
    );
    const apt = (args) => {
      const [command, ...rest] = [...prefix, "apt-get", ...args];
      return (
        run(command, rest, {
          stdio: ["ignore", "ignore", "inherit"],
          env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
        }).status === 0
      );
    };
    if (apt(["update", "-qq"]) && apt(["install", "-y", "-qq", ...names])) needs = missing(env);
  }
  if (needs.some((n) => n.what === "Chromium")) {
    log("test: installing Playwright's own Chromium (node node_modules/playwright-core/cli.js install chromium)");
    run(process.execPath, [path.join(root, "node_modules", "playwright-core", "cli.js"), "install", "chromium"], {
      stdio: "inherit",
    });
    needs = missing(env);
  }
  if (!needs.length) return null;
  return (
    `the browser tests need ${needs.map((n) => n.what).join(" and ")}, which could not be installed here; ` +
    `run \`sudo apt-get install ${needs.flatMap((n) => n.apt).join(" ")}\`, then npm test again`
  );
}

if (require.main === module) {
  const problem = setUpJupyter() ?? installSystemNeeds();
  if (problem) {
    console.error(`test: ${problem}`);
    process.exit(1);
  }
}

module.exports = { installSystemNeeds, missingNeeds, aptRunner, playwrightChromium };
