import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The same seed gives the same numbers: a lesson run twice in one kernel ("Run All" twice), and run again in a
// fresh kernel, prints identical text. Lessons whose printed numbers are all seeded (no timings).
const root = path.join(__dirname, "..", "..", "..");
const python = fs.existsSync(path.join(root, ".venv", "bin", "python")) ? path.join(root, ".venv", "bin", "python") : "python3";
const { withQuickParameters } = require(path.join(root, "scripts", "notebook", "lessons.js"));

type Cell = { cell_type: string; source: string | string[]; metadata: { tags?: string[] }; outputs?: { name?: string; text?: string | string[] }[] };

function execute(notebook: { cells: Cell[] }): Cell[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-repro-"));
  const input = path.join(root, "notebooks", `.repro-${process.pid}-${Date.now()}.ipynb`); // beside the lessons, for ../dist
  const output = path.join(dir, "out.ipynb");
  fs.writeFileSync(input, JSON.stringify(notebook));
  try {
    const r = spawnSync(python, [path.join(root, "scripts", "notebook", "execute.py"), input, output], { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter") } });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(fs.readFileSync(output, "utf8")).cells;
  } finally {
    fs.rmSync(input, { force: true });
  }
}

const printed = (cells: Cell[]) => cells.filter((c) => c.cell_type === "code")
  .map((c) => (c.outputs ?? []).filter((o) => o.name === "stdout").map((o) => (Array.isArray(o.text) ? o.text.join("") : o.text)).join("")).join("\n");

for (const lesson of ["02-the-cost-function", "10-memorization-or-understanding"]) {
  test(`${lesson}: Run All twice in one kernel, and once more in a fresh one, prints the same numbers`, { timeout: 10 * 60 * 1000 }, () => {
    const nb = withQuickParameters(path.join(root, "notebooks", `${lesson}.ipynb`));
    const once = nb.cells.length;
    const twice = execute({ ...nb, cells: [...nb.cells, ...nb.cells] });
    const first = printed(twice.slice(0, once)), second = printed(twice.slice(once));
    assert.ok(first.includes("Claim holds"), "the lesson printed its results");
    assert.equal(second, first, "the second Run All in the same kernel prints the same");
    assert.equal(printed(execute(nb)), first, "a fresh kernel prints the same");
  });
}
