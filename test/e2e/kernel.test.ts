import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// Kernel > Interrupt during live training, through the real tslab kernel and jupyter_client.
const root = path.join(__dirname, "..", "..", "..");
const python = fs.existsSync(path.join(root, ".venv", "bin", "python"))
  ? path.join(root, ".venv", "bin", "python")
  : "python3";

test(
  "Kernel > Interrupt stops live training within a second with one sentence and no error, keeps the last finished epoch and the cell's declarations, and leaves the kernel usable",
  { timeout: 120000 },
  () => {
    const result = spawnSync(python, [path.join(root, "test", "e2e", "interrupt.py"), root], {
      encoding: "utf8",
      env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter") },
    });
    assert.equal(result.status, 0, result.stderr);
    const seen = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}");
    assert.ok(
      seen.display_updates_during_training >= 3,
      `the live display updated during training (${seen.display_updates_during_training} updates)`,
    );
    assert.equal(
      seen.cell_status_after_interrupt,
      "ok",
      "the interrupted cell ends normally, so tslab keeps its declarations",
    );
    assert.equal(seen.errors_after_interrupt, "", "no error and no stack after the interrupt");
    assert.match(
      seen.printed_after_interrupt,
      /^Interrupted: the network keeps epoch \d+ of 1000, its last finished one\.\n$/,
      "one sentence",
    );
    assert.equal(seen.weights_still_after_interrupt, true, "training stopped: the network no longer changes");
    assert.equal(
      seen.next_cell_sees_result.interrupted,
      true,
      `the next cell sees the interrupted run (${JSON.stringify(seen.next_cell_sees_result)})`,
    );
    assert.ok(seen.next_cell_sees_result.epochs >= 1, "with the epochs done so far");
    assert.equal(seen.kernel_usable, true);
    assert.ok(
      seen.seconds_to_first_cell < 5,
      `the kernel answered ${seen.seconds_to_first_cell} s after the interrupt`,
    );
    assert.ok(
      seen.accuracy_of_kept_network > 0.5,
      `the kept network is a trained one (${seen.accuracy_of_kept_network})`,
    );
  },
);
