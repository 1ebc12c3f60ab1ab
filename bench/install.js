"use strict";
/**
 * Installs the peers where the bench keeps them, outside the project's own dependencies (both folders are
 * git-ignored): numpy and PyTorch from pip into .bench-venv/, TensorFlow.js from npm into bench/.peers/.
 * Each step that fails becomes the reason its peers are reported missing.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const venv = path.join(root, ".bench-venv");
const peersDir = path.join(__dirname, ".peers");
const log = (text) => process.stderr.write(`bench: ${text}\n`);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 15 * 60 * 1000,
  });
  if (result.error) return `${command} could not run: ${result.error.message}`;
  if (result.status !== 0) {
    const lines = `${result.stderr}\n${result.stdout}`
      .trim()
      .split("\n")
      .filter((line) => line.trim());
    return `${path.basename(command)} ${args.slice(0, 3).join(" ")} failed: ${lines.slice(-1)[0] ?? "exit code " + result.status}`;
  }
  return null;
}

/** { python, missing: { numpy?: reason, torch?: reason } }, making .bench-venv/ and pip-installing as needed. */
function ensurePython(modules) {
  const python = path.join(venv, process.platform === "win32" ? "Scripts/python.exe" : "bin/python");
  const missing = {};
  if (!fs.existsSync(python)) {
    log("making the Python virtual environment .bench-venv/");
    const failed = run("python3", ["-m", "venv", venv]);
    if (failed) {
      for (const name of modules) missing[name] = failed;
      return { python, missing };
    }
  }
  for (const name of modules) {
    if (!run(python, ["-c", `import ${name}`])) continue;
    log(`pip install ${name} into .bench-venv/`);
    // PIP_RETRIES=0: where the public index is unreachable pip would otherwise retry for minutes before
    // it falls back to a local wheel store.
    const failed = run(python, ["-m", "pip", "install", "--disable-pip-version-check", "-q", name], {
      PIP_RETRIES: "0",
    });
    if (failed) missing[name] = failed;
  }
  return { python, missing };
}

/** null when @tensorflow/tfjs and its WebAssembly backend are in bench/.peers/, else the reason they are not. */
function ensureTfjs() {
  const packages = ["@tensorflow/tfjs", "@tensorflow/tfjs-backend-wasm"];
  const installed = () =>
    packages.every((name) => fs.existsSync(path.join(peersDir, "node_modules", name, "package.json")));
  if (installed()) return null;
  log("npm install TensorFlow.js into bench/.peers/");
  fs.mkdirSync(peersDir, { recursive: true });
  // Under `npm run`, npm_execpath is the npm that runs us; spawn it with node rather than look for `npm`.
  const npm = process.env.npm_execpath;
  const [command, pre] = npm && npm.endsWith(".js") ? [process.execPath, [npm]] : ["npm", []];
  const failed = run(command, [
    ...pre,
    "install",
    "--prefix",
    peersDir,
    "--no-audit",
    "--no-fund",
    ...packages.map((name) => `${name}@4`),
  ]);
  return failed ?? (installed() ? null : "npm install finished but the packages are not in bench/.peers/node_modules");
}

module.exports = { ensurePython, ensureTfjs };
