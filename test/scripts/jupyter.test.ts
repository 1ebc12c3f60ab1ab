import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";

// npm start's installer (scripts/jupyter.js) and npm test's setup (scripts/testSetup.js) when something is missing:
// one sentence, the cause, and a way on.
const { installJupyter } = require(path.join(__dirname, "..", "..", "..", "scripts", "jupyter.js"));

test("a Python that cannot make a virtual environment gets one sentence naming the step and python3-venv", () => {
  const said: string[] = [];
  // `false` stands for a python3 whose `-m venv` fails (Debian without python3-venv); it creates nothing.
  assert.throws(
    () => installJupyter("false", (line: string) => said.push(line)),
    (error: Error) => {
      assert.match(
        error.message,
        /^`false -m venv .*\.venv` failed \(on Debian or Ubuntu, `sudo apt install python3-venv` first\); or install Jupyter yourself \(pip install jupyterlab .*\) and run npm start again$/,
      );
      assert.doesNotMatch(error.message, /\n/);
      return true;
    },
  );
  assert.match(said.join("\n"), /installs JupyterLab into a project-local virtual environment/);
  assert.match(said.join("\n"), /npm start -- --no-install/);
});

test("npm test's setup installs what the browser tests miss through apt-get as root or with sudo -n, and names the command only when it cannot", () => {
  const { installSystemNeeds } = require(path.join(__dirname, "..", "..", "..", "scripts", "testSetup.js"));
  const chromium = { file: "/nonexistent/chromium", what: "Chromium", apt: ["chromium"] };
  const calls: string[] = [];
  const fake = (works: (command: string) => boolean) => (command: string, args: string[]) => {
    calls.push([command, ...args].join(" "));
    return { status: works([command, ...args].join(" ")) ? 0 : 1 };
  };
  const logs: string[] = [];
  // Root with apt-get: it installs, and a second look finds Chromium.
  let installed = false;
  const afterInstall = () => (installed ? [] : [chromium]);
  const asRoot = installSystemNeeds({
    isRoot: true,
    log: (l: string) => logs.push(l),
    missing: afterInstall,
    run: fake((c) => {
      if (c.includes("install -y")) installed = true;
      return true;
    }),
  });
  assert.equal(asRoot, null);
  assert.ok(
    calls.includes("apt-get update -qq") && calls.includes("apt-get install -y -qq chromium"),
    calls.join("; "),
  );
  assert.match(logs[0], /installing them: apt-get install chromium/);
  // Not root, but passwordless sudo works: the same through sudo -n.
  calls.length = 0;
  installed = false;
  installSystemNeeds({
    isRoot: false,
    log: () => {},
    missing: afterInstall,
    run: fake(() => {
      installed = installed || calls.some((c) => c.startsWith("sudo -n apt-get install"));
      return true;
    }),
  });
  assert.ok(calls.includes("sudo -n apt-get install -y -qq chromium"), calls.join("; "));
  // No root, no sudo, and Playwright's download fails: one sentence with the command to run.
  calls.length = 0;
  const stuck = installSystemNeeds({
    isRoot: false,
    log: () => {},
    missing: () => [chromium],
    run: fake((c) => c === "apt-get --version"),
  });
  assert.ok(
    calls.some((c) => c.endsWith("cli.js install chromium")),
    "it tried Playwright's own Chromium",
  );
  assert.equal(
    stuck,
    "the browser tests need Chromium, which could not be installed here; run `sudo apt-get install chromium`, then npm test again",
  );
  assert.equal(installSystemNeeds({ missing: () => [] }), null);
});
