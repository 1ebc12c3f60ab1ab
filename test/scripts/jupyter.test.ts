import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";

// npm start's installer (scripts/jupyter.js) when installing cannot work: one sentence, the cause, and a way on.
const { installJupyter } = require(path.join(__dirname, "..", "..", "..", "scripts", "jupyter.js"));

test("a Python that cannot make a virtual environment gets one sentence naming the step and python3-venv", () => {
  const said: string[] = [];
  // `false` stands for a python3 whose `-m venv` fails (Debian without python3-venv); it creates nothing.
  assert.throws(() => installJupyter("false", (line: string) => said.push(line)), (error: Error) => {
    assert.match(error.message, /^`false -m venv .*\.venv` failed \(on Debian or Ubuntu, `sudo apt install python3-venv` first\); or install Jupyter yourself \(pip install jupyterlab .*\) and run npm start again$/);
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
  assert.match(said.join("\n"), /installs it into a project-local virtual environment/);
  assert.match(said.join("\n"), /npm start -- --no-install/);
});
