import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { copyCourse, root } from "./jupyterServer";

// The same seed gives the same numbers: a lesson run twice in one kernel ("Run All" twice), and run again in a
// fresh kernel, prints identical text. Lessons whose printed numbers are all seeded (no timings).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { withQuickParameters } = require(path.join(root, "scripts", "notebook", "lessons.js"));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { executeWithNode } = require(path.join(root, "scripts", "notebook", "executeNode.js"));

type Cell = {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: { name?: string; text?: string | string[] }[];
};

/** Runs every cell of `notebook`, in order, in one fresh kernel, in a copy of the course; resolves with the executed cells. */
async function execute(file: string, notebook: { cells: Cell[] }): Promise<Cell[]> {
  const course = copyCourse([file], () => notebook);
  const output = path.join(course, "out.ipynb");
  const result = await executeWithNode(path.join(course, "notebooks", file), output, undefined, { timeout: 600 });
  assert.ok(result.ok, result.stderr);
  return JSON.parse(fs.readFileSync(output, "utf8")).cells;
}

const printed = (cells: Cell[]) =>
  cells
    .filter((c) => c.cell_type === "code")
    .map((c) =>
      (c.outputs ?? [])
        .filter((o) => o.name === "stdout")
        .map((o) => (Array.isArray(o.text) ? o.text.join("") : o.text))
        .join(""),
    )
    .join("\n");

for (const lesson of ["02-the-cost-function.ipynb", "10-memorization-or-understanding.ipynb"]) {
  test(
    `${lesson}: Run All twice in one kernel, and once more in a fresh one, prints the same numbers`,
    { timeout: 10 * 60 * 1000 },
    async () => {
      const nb = withQuickParameters(path.join(root, "notebooks", lesson));
      const once = nb.cells.length;
      const twice = await execute(lesson, { ...nb, cells: [...nb.cells, ...nb.cells] });
      const first = printed(twice.slice(0, once)),
        second = printed(twice.slice(once));
      assert.ok(first.includes("Claim holds"), "the lesson printed its results");
      assert.equal(second, first, "the second Run All in the same kernel prints the same");
      assert.equal(printed(await execute(lesson, nb)), first, "a fresh kernel prints the same");
    },
  );
}
