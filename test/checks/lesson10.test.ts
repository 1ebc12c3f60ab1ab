import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkFasterLabels } from "../../src/checks/lesson10";

test("faster labels: real passes; random, other answers and undefined get theirs", () => {
  assert.equal(verdict((p) => checkFasterLabels("real", p)).correct, true);
  assert.match(verdict((p) => checkFasterLabels("random", p)).message, /many more epochs/);
  assert.match(verdict((p) => checkFasterLabels(3, p)).message, /"real" or "random"/);
  assert.match(
    verdict((p) => checkFasterLabels(undefined, p)).message,
    /^✏️ Your turn: which labels are fitted in fewer epochs/,
  );
});
