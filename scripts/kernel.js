#!/usr/bin/env node
// npm run kernel: registers the project's tslab kernel for this user, so VS Code's notebook editor and any
// Jupyter that does not read JUPYTER_PATH find it ("TypeScript" in the kernel picker).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { root, venv, findPython } = require("./jupyter");

const tslab = path.join(root, "node_modules", "tslab", "bin", "tslab");
const venvPython = path.join(venv, "bin", "python");
const python = fs.existsSync(venvPython) ? venvPython : findPython();
if (!python) {
  console.error("kernel: no Python found; install Python 3 and Jupyter first (npm start installs them into .venv/)");
  process.exit(1);
}
const result = spawnSync(process.execPath, [tslab, "install", `--binary=${tslab}`, "--user", `--python=${python}`], {
  stdio: "inherit",
});
if (result.status === 0)
  console.log('kernel: registered; in VS Code pick the kernel "TypeScript" (restart VS Code if it does not show yet)');
process.exit(result.status ?? 1);
