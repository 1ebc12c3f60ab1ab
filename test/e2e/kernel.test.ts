import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// Kernel > Interrupt during live training, through the real tslab kernel and jupyter_client.
const root = path.join(__dirname, "..", "..", "..");
const python = fs.existsSync(path.join(root, ".venv", "bin", "python")) ? path.join(root, ".venv", "bin", "python") : "python3";

test("Kernel > Interrupt stops live training within a second, keeps the last finished epoch, and leaves the kernel usable", { timeout: 120000 }, () => {
  const result = spawnSync(python, [path.join(root, "test", "e2e", "interrupt.py"), root], {
    encoding: "utf8", env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter") },
  });
  assert.equal(result.status, 0, result.stderr);
  const seen = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}");
  assert.ok(seen.display_updates_during_training >= 3, `the live display updated during training (${seen.display_updates_during_training} updates)`);
  assert.equal(seen.weights_still_after_interrupt, true, "training stopped: the network no longer changes");
  assert.equal(seen.kernel_usable, true);
  assert.ok(seen.seconds_to_first_cell < 5, `the kernel answered ${seen.seconds_to_first_cell} s after the interrupt`);
  assert.ok(seen.accuracy_of_kept_network > 0.5, `the kept network is a trained one (${seen.accuracy_of_kept_network})`);
});
