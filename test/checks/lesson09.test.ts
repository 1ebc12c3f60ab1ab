import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkBestTweak } from "../../src/checks/lesson09";


test("best tweak: the highest accuracy passes; the lowest and a name not in the table get hints", () => {
  const names = ["plain", "cross-entropy", "ReLU"], acc = [0.9, 0.93, 0.95];
  assert.equal(verdict((p) => checkBestTweak(names, acc, "ReLU", p)).correct, true);
  assert.match(verdict((p) => checkBestTweak(names, acc, "plain", p)).message, /lowest accuracy/);
  assert.match(verdict((p) => checkBestTweak(names, acc, "relu!", p)).message, /one of the names/);
  assert.match(verdict((p) => checkBestTweak(names, acc, "cross-entropy", p)).message, /pick the largest/);
});

test("faster labels: real passes; random and other answers get hints", async () => {
  const { checkFasterLabels } = await import("../../src/checks/lesson10");
  assert.equal(verdict((p) => checkFasterLabels("real", p)).correct, true);
  assert.match(verdict((p) => checkFasterLabels("random", p)).message, /many more epochs/);
  assert.match(verdict((p) => checkFasterLabels(3, p)).message, /"real" or "random"/);
});
