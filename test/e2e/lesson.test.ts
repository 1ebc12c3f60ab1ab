import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// npm run lesson -- NN --set name=value: new values change what the lesson prints; mistakes are one clear sentence.
const root = path.join(__dirname, "..", "..", "..");
const lesson = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "scripts", "lesson.js"), ...args], { encoding: "utf8", cwd: root });

test(
  "--set changes the result the lesson prints, and the run lands in site/runs as a notebook and a page",
  { timeout: 5 * 60 * 1000 },
  () => {
    const a = lesson("03", "--set", "steps=8");
    assert.equal(a.status, 0, a.stderr);
    const b = lesson("3", "--set", "steps=30", "--set", "eta=0.04");
    assert.equal(b.status, 0, b.stderr);
    assert.match(a.stdout, /after 8 steps/);
    assert.match(b.stdout, /after 30 steps/);
    assert.notEqual(a.stdout, b.stdout);
    for (const ext of ["ipynb", "html"])
      assert.ok(fs.existsSync(path.join(root, "site", "runs", `03-gradient-descent-1d.steps=30,eta=0.04.${ext}`)), ext);
    assert.match(
      b.stderr,
      /done in .* s: site\/runs\/03-gradient-descent-1d\.steps=30,eta=0\.04\.ipynb and site\/runs\/03-gradient-descent-1d\.steps=30,eta=0\.04\.html\n/,
    );
  },
);

test("README's example runs to its end: a diverging rate is reported, not a crash", { timeout: 2 * 60 * 1000 }, () => {
  const r = lesson("03", "--set", "eta=0.2", "--set", "steps=60");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Your values: eta = 0.2 \(default 0.05\), steps = 60 \(default 40\)/m);
  assert.match(r.stdout, /gradient descent diverged at step 5/);
  assert.match(
    r.stdout,
    /^With your values this no longer holds: steps shrink as the slope flattens .*; with the defaults it does\.$/m,
  );
  assert.match(r.stdout, /Right: a learning rate/, "the lesson went on to its last cell");
});

test("a value outside its lesson's declared range is refused in one sentence before anything is built or run (exit 2)", () => {
  // npm test has just built dist/, so the ranges come from it: nothing is rebuilt and no kernel starts.
  const built = fs.statSync(path.join(root, "dist", "index.js")).mtimeMs;
  for (const [lessonName, setting, sentence] of [
    [
      "03",
      "eta=5",
      "eta = 5 is outside lesson 03's range: it must be a number from 0.001 to 0.5 (default 0.05); choose another with --set eta=VALUE",
    ],
    [
      "03",
      "steps=2.5",
      "steps = 2.5 is outside lesson 03's range: it must be a whole number from 1 to 500 (default 40); choose another with --set steps=VALUE",
    ],
    [
      "08",
      "trainSizes=10,20",
      "trainSizes = [10, 20] is outside lesson 08's range: it must be a list of 2 to 3 whole numbers, each from 50 to 8,000 (default [250, 1000, 8000]); choose another with --set trainSizes=VALUE",
    ],
  ]) {
    const r = lesson(lessonName, "--set", setting);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, `lesson: ${sentence}\n`);
  }
  assert.equal(fs.statSync(path.join(root, "dist", "index.js")).mtimeMs, built, "dist/ was not rebuilt");
});

test(
  "the executed notebook is signed for this user, so Jupyter runs its stored chart scripts without a re-run",
  { timeout: 60000 },
  () => {
    const executed = path.join(root, "site", "runs", "03-gradient-descent-1d.steps=30,eta=0.04.ipynb");
    // nbformat's own check, the one Jupyter makes when it opens a notebook: exit 0 when trusted.
    const check =
      "import sys, nbformat; from nbformat.sign import NotebookNotary; " +
      "sys.exit(0 if NotebookNotary().check_signature(nbformat.read(sys.argv[1], 4)) else 3)";
    const trusted = (file: string) =>
      spawnSync(path.join(root, ".venv", "bin", "python"), ["-c", check, file], { encoding: "utf8" });
    const signed = trusted(executed);
    assert.equal(signed.status, 0, signed.stderr);
    // A changed output is no longer trusted: the check is real.
    const nb = JSON.parse(fs.readFileSync(executed, "utf8"));
    const code = nb.cells.find(
      (c: { cell_type: string; outputs?: unknown[] }) => c.cell_type === "code" && c.outputs?.length,
    );
    code.outputs.push({ output_type: "stream", name: "stdout", text: ["tampered\n"] });
    const tampered = path.join(fs.mkdtempSync(path.join(require("os").tmpdir(), "descent-trust-")), "tampered.ipynb");
    fs.writeFileSync(tampered, JSON.stringify(nb));
    assert.equal(trusted(tampered).status, 3);
  },
);

test("an unknown lesson or parameter, or a value of the wrong type, is refused with what exists (exit 2)", () => {
  const unknown = lesson("42");
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /there is no lesson "42"; the lessons are: 00-start-here, 01-the-network/);
  const parameter = lesson("03", "--set", "speed=2");
  assert.equal(parameter.status, 2);
  assert.match(
    parameter.stderr,
    /has no parameter "speed"; its parameters are: seed \(number, default 1\), expression \(string/,
  );
  const type = lesson("03", "--set", "eta=fast");
  assert.equal(type.status, 2);
  assert.match(type.stderr, /parameter eta is a number \(default 0.05\); "fast" is not one/);
  assert.equal(lesson("03", "--bogus").status, 2);
});

test(
  "a failing cell stops the run with the lesson, the cell number and the cell's own error (exit 1)",
  { timeout: 120000 },
  () => {
    const r = lesson("03", "--set", "expression=x^^2");
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      /lesson 03-gradient-descent-1d failed:\ncode cell 3 failed:\nconst f = toyFunction\(expression, 1\);[\s\S]*\n--- its error ---\n/,
    );
    assert.match(r.stderr, /ExpressionError: cannot read "x\^\^2": Value expected at character 3/);
  },
);
