import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { burst, epochs, liveCourse, longTraining, root, runs } from "./liveNotebooks";
import { executeWithNbclient } from "./nbclient";

// Long live training and bursts of outputs complete, through Descent's client and through nbclient (the
// reference client). Before the kernel's send queue (src/plot/kernelSends.ts) both failed here: nbclient with an
// empty CellExecutionError, Descent's client waiting for an "idle" status that never came.
const { executeWithNode } = require(path.join(root, "scripts", "notebook", "executeNode.js"));

type Output = { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown> };
const joined = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : (t ?? ""));

function assertCompleted(file: string): void {
  const cells: { outputs: Output[] }[] = JSON.parse(fs.readFileSync(file, "utf8")).cells;
  const stderr = cells.flatMap((c) => c.outputs.filter((o) => o.name === "stderr").map((o) => joined(o.text)));
  assert.deepEqual(stderr, [], "no cell wrote an error");
  for (let k = 1; k <= runs; k++) {
    const chart = cells[k].outputs.find((o) => o.data?.["application/vnd.plotly.v1+json"]);
    const traces =
      (chart?.data?.["application/vnd.plotly.v1+json"] as { data: { x: number[] }[] } | undefined)?.data ?? [];
    assert.ok(
      traces.length > 0 && traces.every((t) => t.x.length === epochs),
      `run ${k}'s chart holds one point per epoch`,
    );
  }
  const updated = cells[runs + 1].outputs.map((o) => joined(o.data?.["text/plain"] as string | string[]));
  assert.deepEqual(updated, [`update ${burst} of ${burst}`], "the last of the burst of display updates arrived");
  const lines = cells[runs + 2].outputs
    .filter((o) => o.name === "stdout")
    .map((o) => joined(o.text))
    .join("")
    .trim()
    .split("\n");
  assert.equal(lines.length, burst, "every printed line arrived");
  assert.equal(lines[burst - 1], `line ${burst}`);
  const last = cells[runs + 3].outputs.map((o) => joined(o.text)).join("");
  assert.deepEqual(JSON.parse(last), { epochsDone: Array(runs).fill(epochs) });
}

test(
  `${runs} live trainings of ${epochs} epochs in a row, then bursts of ${burst} outputs, complete through nbclient`,
  { timeout: 5 * 60 * 1000 },
  () => {
    const dir = liveCourse({ "long.ipynb": longTraining });
    const executed = path.join(dir, "long.executed.ipynb");
    const result = executeWithNbclient(path.join(dir, "notebooks", "long.ipynb"), executed, 120);
    assert.ok(result.ok, result.stderr);
    assertCompleted(executed);
  },
);

test(
  `${runs} live trainings of ${epochs} epochs in a row, then bursts of ${burst} outputs, complete through Descent's client`,
  { timeout: 5 * 60 * 1000 },
  async () => {
    const dir = liveCourse({ "long.ipynb": longTraining });
    const executed = path.join(dir, "long.executed.ipynb");
    const result = await executeWithNode(path.join(dir, "notebooks", "long.ipynb"), executed, undefined, {
      timeout: 120,
    });
    assert.equal(result.ok, true, result.stderr);
    assertCompleted(executed);
  },
);
