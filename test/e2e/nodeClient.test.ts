import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { copyCourse, root } from "./jupyterServer";
import { executeWithNbclient } from "./nbclient";

// Descent's Jupyter client (scripts/notebook/kernel.js, executeNode.js) is the one way the project executes a
// lesson; nbclient, the Jupyter project's own client, is the reference it must match: the same lesson with the
// same values prints the same text and keeps the same outputs through both.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { inject, injectedSource } = require(path.join(root, "scripts", "notebook", "lessons.js"));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { printedText } = require(path.join(root, "scripts", "notebook", "run.js"));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { executeWithNode } = require(path.join(root, "scripts", "notebook", "executeNode.js"));

type Output = { output_type: string; name?: string; data?: Record<string, unknown> };
type Cell = { cell_type: string; execution_count: number | null; outputs: Output[]; metadata: { tags?: string[] } };
/**
 * Each code cell's execution count and the kinds of its outputs (stream name or MIME types). Consecutive writes
 * to one stream count once: Descent's client joins them, as JupyterLab shows them; nbclient keeps them apart.
 */
function shape(file: string) {
  const nb = JSON.parse(fs.readFileSync(file, "utf8"));
  return nb.cells
    .filter((c: Cell) => c.cell_type === "code")
    .map((c: Cell) => [
      c.execution_count,
      c.outputs
        .map(
          (o) =>
            o.name ??
            `${o.output_type}:${Object.keys(o.data ?? {})
              .sort()
              .join(",")}`,
        )
        .filter((kind, i, kinds) => !(kind === "stdout" || kind === "stderr") || kinds[i - 1] !== kind),
    ]);
}

for (const [file, values] of [
  ["02-the-cost-function.ipynb", { seed: 4 }],
  ["08-training-on-mnist.ipynb", { epochs: 2, fullEpochs: 1 }],
] as const) {
  // 08 trains live: one display updated in place many times (update_display_data), which must end the same.
  test(
    `${file.slice(0, 2)} with ${JSON.stringify(values)} prints the same text and keeps the same outputs through Descent's client as through nbclient`,
    { timeout: 5 * 60 * 1000 },
    async () => {
      // A copy of the course (an empty data/: lesson 08's saved model stays out of the learner's), the values injected as npm run lesson does.
      const course = copyCourse([file], (notebook: string) => {
        const nb = JSON.parse(fs.readFileSync(notebook, "utf8"));
        inject(nb, injectedSource(values));
        return nb;
      });
      const lesson = path.join(course, "notebooks", file);
      const viaNode = path.join(course, "node.ipynb"),
        viaNbclient = path.join(course, "nbclient.ipynb");
      const node = await executeWithNode(lesson, viaNode, undefined, { timeout: 600 });
      assert.ok(node.ok, node.stderr);
      const nbclient = executeWithNbclient(lesson, viaNbclient, 600);
      assert.ok(nbclient.ok, nbclient.stderr);
      const printed = printedText(viaNode);
      assert.ok(printed.length > 200, "the lesson printed its text");
      assert.equal(printed, printedText(viaNbclient));
      assert.deepEqual(shape(viaNode), shape(viaNbclient));
    },
  );
}
