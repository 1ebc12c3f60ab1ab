import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkAccuracyFromConfusion } from "../../src/checks/lesson08";

test("accuracy from a confusion matrix: the diagonal's share passes; percent, count and error rate get hints", () => {
  const c = [[8, 2], [1, 9]];
  assert.equal(verdict((p) => checkAccuracyFromConfusion(c, 0.85, p)).correct, true);
  assert.match(verdict((p) => checkAccuracyFromConfusion(c, 85, p)).message, /percentage/);
  assert.match(verdict((p) => checkAccuracyFromConfusion(c, 17, p)).message, /number right/);
  assert.match(verdict((p) => checkAccuracyFromConfusion(c, 0.15, p)).message, /error rate/);
  assert.match(verdict((p) => checkAccuracyFromConfusion(c, 0.5, p)).message, /add the diagonal/);
  assert.match(verdict((p) => checkAccuracyFromConfusion(c, "0.85", p)).message, /add the diagonal/);
});

test("accuracy from a confusion matrix: the starting undefined is not answered yet, with no hint", () => {
  const result = verdict((p) => checkAccuracyFromConfusion([[8, 2], [1, 9]], undefined, p));
  assert.equal(result.correct, false);
  assert.match(result.message, /^✏️ Your turn: the accuracy from the confusion matrix/);
  assert.doesNotMatch(result.message, /Not yet/);
});
