import { test } from "node:test";
import assert from "node:assert/strict";
import { checkLearningRate, checkNextPoint, checkStepDirection } from "../../src/checks/lesson03";

const quietly = <T>(f: () => T): T => {
  const log = console.log;
  console.log = () => undefined;
  try { return f(); } finally { console.log = log; }
};

test("step direction: right answers pass, the opposite and non-answers get their hints", () => {
  assert.equal(quietly(() => checkStepDirection(4, "left")).correct, true);
  assert.equal(quietly(() => checkStepDirection(-1, "right")).correct, true);
  assert.match(quietly(() => checkStepDirection(4, "right")).message, /positive slope means the function rises/);
  assert.match(quietly(() => checkStepDirection(4, undefined)).message, /answer with the text "left" or "right"/);
});

test("next point: x − η·slope passes; adding, forgetting η or forgetting x get their hints", () => {
  assert.equal(quietly(() => checkNextPoint(2, 0.1, 4, 1.6)).correct, true);
  assert.match(quietly(() => checkNextPoint(2, 0.1, 4, 2.4)).message, /steps uphill/);
  assert.match(quietly(() => checkNextPoint(2, 0.1, 4, -2)).message, /not the slope alone/);
  assert.match(quietly(() => checkNextPoint(2, 0.1, 4, -0.4)).message, /only the step/);
});

test("learning rate: a good one passes; too large, too small and non-numbers get their hints", () => {
  assert.equal(quietly(() => checkLearningRate(0.05)).correct, true);
  assert.match(quietly(() => checkLearningRate(1)).message, /diverges/);
  assert.match(quietly(() => checkLearningRate(0.001)).message, /too small/);
  assert.match(quietly(() => checkLearningRate("fast")).message, /number greater than 0/);
});
