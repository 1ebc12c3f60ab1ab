import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkNudgeDirection, checkSensitivityRatio } from "../../src/checks/lesson05";


test("sensitivity ratio: 32 passes; the difference and the inverse get their hints", () => {
  assert.equal(verdict((p) => checkSensitivityRatio(3.2, 0.1, 32, p)).correct, true);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, 3.1, p)).message, /difference/);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, 0.03125, p)).message, /wrong way up/);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, 7, p)).message, /3.2 ÷ 0.1/);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, undefined, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, "32", p)).message, /^❌ Not yet.*3.2 ÷ 0.1/);
});

test("nudge direction: against the sign passes; with the sign and non-answers get hints", () => {
  assert.equal(verdict((p) => checkNudgeDirection(-0.4, "up", p)).correct, true);
  assert.equal(verdict((p) => checkNudgeDirection(2, "down", p)).correct, true);
  assert.match(verdict((p) => checkNudgeDirection(-0.4, "down", p)).message, /points uphill/);
  assert.match(verdict((p) => checkNudgeDirection(-0.4, 1, p)).message, /"up" or "down"/);
  assert.match(verdict((p) => checkNudgeDirection(-0.4, undefined, p)).message, /^✏️ Your turn/);
});
