import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkOutputNudge, checkWeightGradient } from "../../src/checks/lesson06";


test("output nudge: 2(y − a) passes; forgetting the 2, the sign, or giving the cost get their hints", () => {
  assert.equal(verdict((p) => checkOutputNudge(0.2, 1, 1.6, p)).correct, true);
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, 0.8, p)).message, /factor 2/);
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, -1.6, p)).message, /points uphill/);
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, 0.64, p)).message, /the cost itself/);
});

test("weight gradient: a·δ passes; δ alone, a alone and δ/a get their hints", () => {
  assert.equal(verdict((p) => checkWeightGradient(0.3, 0.5, 0.15, p)).correct, true);
  assert.match(verdict((p) => checkWeightGradient(0.3, 0.5, 0.3, p)).message, /bias's gradient/);
  assert.match(verdict((p) => checkWeightGradient(0.3, 0.5, 0.5, p)).message, /multiply the activation/);
  assert.match(verdict((p) => checkWeightGradient(0.3, 0.5, 0.6, p)).message, /do not divide/);
});

test("both exercises start at undefined: 'Your turn', with no hint", () => {
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, undefined, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkWeightGradient(0.3, 0.5, undefined, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, "1.6", p)).message, /differentiate C/);
});
