import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// npm start's flags (startOptions.js) and how it tells JupyterLab from a classic Notebook (jupyter.js).
const scripts = path.join(__dirname, "..", "..", "..", "scripts");
const { parseStartOptions, usage } = require(path.join(scripts, "startOptions.js"));
const { classicNotebook, whyInstall } = require(path.join(scripts, "jupyter.js"));

test("npm start's flags: --port N (or --port=N), the switches, --help", () => {
  assert.deepEqual(parseStartOptions([]), {
    help: false,
    port: null,
    noInstall: false,
    noBrowser: false,
    dryRun: false,
  });
  assert.deepEqual(parseStartOptions(["--port", "9000", "--no-browser", "--no-install", "--dry-run"]), {
    help: false,
    port: 9000,
    noInstall: true,
    noBrowser: true,
    dryRun: true,
  });
  assert.equal(parseStartOptions(["--port=8890"]).port, 8890);
  assert.equal(parseStartOptions(["--help"]).help, true);
  for (const flag of ["--port", "--no-install", "--no-browser", "--dry-run", "--help", "npm run reset"])
    assert.ok(usage.includes(flag), flag);
});

test("a bad flag or port is one sentence", () => {
  const refused = (argv: string[]) => (parseStartOptions(argv) as Error).message;
  assert.equal(
    refused(["--lab"]),
    'unknown flag "--lab"; use --port N, --no-install, --no-browser, --dry-run or --help',
  );
  assert.equal(refused(["--port"]), "--port needs a whole number from 1 to 65535");
  for (const port of ["0", "65536", "88.5", "http"])
    assert.equal(refused(["--port", port]), `--port needs a whole number from 1 to 65535; got "${port}"`);
});

/** Runs `body` with PATH holding only a fake `jupyter` that answers `jupyter notebook --version` with `version`. */
function withFakeJupyter(version: string | null, body: () => void) {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), "descent-fake-jupyter-"));
  const answer =
    version === null ? "exit 1" : `[ "$1" = notebook ] && [ "$2" = --version ] && echo ${version} && exit 0; exit 1`;
  fs.writeFileSync(path.join(bin, "jupyter"), `#!/bin/sh\n${answer}\n`, { mode: 0o755 });
  const saved = process.env.PATH;
  process.env.PATH = bin;
  try {
    body();
  } finally {
    process.env.PATH = saved;
    fs.rmSync(bin, { recursive: true, force: true });
  }
}

test("a classic Notebook (before 7, like Debian's 6.4) is named as the reason to install JupyterLab; Notebook 7 is not classic", () => {
  withFakeJupyter("6.4.12", () => {
    assert.equal(classicNotebook(), "6.4.12");
    assert.equal(
      whyInstall(),
      "Only the classic Jupyter Notebook 6.4.12 was found, and the course is made for JupyterLab",
    );
  });
  withFakeJupyter("7.6.3", () => assert.equal(classicNotebook(), null));
  withFakeJupyter(null, () => assert.equal(whyInstall(), "Jupyter was not found"));
});
