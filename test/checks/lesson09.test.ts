import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkBestTweak } from "../../src/checks/lesson09";

test("best tweak: the best validation accuracy passes; the lowest, a name not in the table, undefined: hints", () => {
  const names = ["plain", "cross-entropy", "ReLU"],
    acc = [0.9, 0.93, 0.95];
  assert.equal(verdict((p) => checkBestTweak(names, acc, "ReLU", p)).correct, true);
  assert.match(
    verdict((p) => checkBestTweak(names, acc, "ReLU", p)).message,
    /highest validation accuracy.*only now does it meet the test set/,
  );
  assert.match(verdict((p) => checkBestTweak(names, acc, "plain", p)).message, /lowest validation accuracy/);
  assert.match(verdict((p) => checkBestTweak(names, acc, "relu!", p)).message, /one of the names.*"plain"/);
  assert.match(verdict((p) => checkBestTweak(names, acc, 0.95, p)).message, /one of the names/);
  assert.match(
    verdict((p) => checkBestTweak(names, acc, "cross-entropy", p)).message,
    /validation-accuracy column and pick the largest/,
  );
  assert.match(
    verdict((p) => checkBestTweak(names, acc, undefined, p)).message,
    /^✏️ Your turn: the setting with the highest validation accuracy/,
  );
});

test("best tweak: when settings tie for the highest validation accuracy, each of them is right", () => {
  const names = ["a", "b", "c"],
    acc = [0.9, 0.95, 0.95];
  assert.equal(verdict((p) => checkBestTweak(names, acc, "b", p)).correct, true);
  assert.equal(verdict((p) => checkBestTweak(names, acc, "c", p)).correct, true);
  assert.match(verdict((p) => checkBestTweak(names, acc, "a", p)).message, /lowest validation accuracy/);
  // All tied (one epoch can leave every setting at chance): any name is right.
  assert.equal(verdict((p) => checkBestTweak(names, [0.1, 0.1, 0.1], "a", p)).correct, true);
});
