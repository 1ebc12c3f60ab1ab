import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkLearningRate, checkNextPoint, checkStepDirection } from "../../src/checks/lesson03";


test("step direction: right answers pass, the opposite and non-answers get their hints", () => {
  assert.equal(verdict((p) => checkStepDirection(4, "left", p)).correct, true);
  assert.equal(verdict((p) => checkStepDirection(-1, "right", p)).correct, true);
  assert.match(verdict((p) => checkStepDirection(4, "right", p)).message, /positive slope means the function rises/);
  assert.match(verdict((p) => checkStepDirection(4, "up", p)).message, /answer with the text "left" or "right"/);
});

test("next point: x − η·slope passes; adding, forgetting η or forgetting x get their hints", () => {
  assert.equal(verdict((p) => checkNextPoint(2, 0.1, 4, 1.6, p)).correct, true);
  assert.match(verdict((p) => checkNextPoint(2, 0.1, 4, 2.4, p)).message, /steps uphill/);
  assert.match(verdict((p) => checkNextPoint(2, 0.1, 4, -2, p)).message, /not the slope alone/);
  assert.match(verdict((p) => checkNextPoint(2, 0.1, 4, -0.4, p)).message, /only the step/);
});

test("learning rate: a good one passes; too large, too small and non-numbers get their hints", () => {
  assert.equal(verdict((p) => checkLearningRate(0.05, 2, 50, p)).correct, true);
  assert.match(verdict((p) => checkLearningRate(0.05, 2, 50, p)).message, /x ends at 1\.131, in the valley below the start: a local minimum/);
  assert.match(verdict((p) => checkLearningRate(0.1, 2, 50, p)).message, /Right.*x ends at -1\.301: your steps leapt over the hump into the deeper valley, the global minimum/);
  // The range the hint suggests really works, at both ends; 0.01 is too small.
  assert.equal(verdict((p) => checkLearningRate(0.02, 2, 50, p)).correct, true);
  assert.equal(verdict((p) => checkLearningRate(0.08, 2, 50, p)).correct, true);
  assert.match(verdict((p) => checkLearningRate(0.01, 2, 50, p)).message, /too small/);
  assert.match(verdict((p) => checkLearningRate(0.15, 2, 50, p)).message, /bounce from wall to wall.*between 0.02 and 0.08/);
  assert.match(verdict((p) => checkLearningRate(undefined, 2, 50, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkLearningRate(1, 2, 50, p)).message, /diverges/);
  assert.match(verdict((p) => checkLearningRate(0.001, 2, 50, p)).message, /too small/);
  assert.match(verdict((p) => checkLearningRate("fast", 2, 50, p)).message, /number greater than 0/);
});
