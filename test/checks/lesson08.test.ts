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
});
