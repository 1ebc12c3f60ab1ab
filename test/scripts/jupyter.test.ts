import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";

// npm start's installer (scripts/jupyter.js) and npm test's setup (scripts/testSetup.js) when something is missing:
// one sentence, the cause, and a way on.
const { installJupyter } = require(path.join(__dirname, "..", "..", "..", "scripts", "jupyter.js"));

test("a Python that cannot make a virtual environment gets one sentence naming the step and python3-venv", () => {
  const said: string[] = [];
  // `false` stands for a python3 whose `-m venv` fails (Debian without python3-venv); it creates nothing.
  assert.throws(() => installJupyter("false", (line: string) => said.push(line)), (error: Error) => {
    assert.match(error.message, /^`false -m venv .*\.venv` failed \(on Debian or Ubuntu, `sudo apt install python3-venv` first\); or install Jupyter yourself \(pip install jupyterlab .*\) and run npm start again$/);
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
  assert.match(said.join("\n"), /installs JupyterLab into a project-local virtual environment/);
  assert.match(said.join("\n"), /npm start -- --no-install/);
});

test("npm test's setup names the apt-get install to run for a missing Chromium, and nothing when it is there", () => {
  const { missingSystemPackages } = require(path.join(__dirname, "..", "..", "..", "scripts", "testSetup.js"));
  assert.equal(missingSystemPackages({ CHROMIUM: "/nonexistent/chromium" }),
    "the browser tests need Chromium; run `sudo apt-get install chromium` (or `bash .ci/run`, which does), then npm test again");
  assert.equal(missingSystemPackages({ CHROMIUM: process.execPath }), null); // any file that exists stands in for it
});
