import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkStepsPerEpoch } from "../../src/checks/lesson07";


test("steps per epoch: n / batch rounded up passes; rounding down, one per example, multiplying and fractions get hints", () => {
  assert.equal(verdict((p) => checkStepsPerEpoch(8000, 100, 80, p)).correct, true);
  assert.equal(verdict((p) => checkStepsPerEpoch(8000, 300, 27, p)).correct, true);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 300, 26, p)).message, /one last, smaller minibatch/);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 100, 8000, p)).message, /one step per example/);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 100, 800000, p)).message, /instead of multiplying/);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 300, 26.67, p)).message, /round up/);
});

test("steps per epoch starts at undefined: 'Your turn', with no hint", () => {
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 300, undefined, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 300, "27", p)).message, /rounded up/);
});
