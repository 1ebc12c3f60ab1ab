import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine } from "../../src/engines/engine";
import { createNetwork } from "../../src/network";
import { epochReport } from "../../src/training/reports";
import { randomDataset } from "../helpers";

const engine = (measured: { accuracy: number; cost: number }): Engine => ({
  batch: { cost: 0, correct: 0 },
  threads: 1,
  load: () => {},
  step: () => {},
  store: () => {},
  evaluate: () => measured,
});

test("an epoch's report measures the training and test sets again with the engine, and its speed", () => {
  const data = randomDataset(40, 2, 2, 2, 1),
    test = randomDataset(10, 2, 2, 2, 2);
  const report = epochReport(
    engine({ accuracy: 0.75, cost: 0.5 }),
    createNetwork([4, 2]),
    data,
    3,
    2,
    { cost: 99, correct: 1 },
    { test },
  );
  assert.deepEqual(report, {
    epoch: 3,
    cost: 0.5,
    trainAccuracy: 0.75,
    testAccuracy: 0.75,
    testCost: 0.5,
    examplesPerSecond: 20,
    seconds: 2,
  });
});

test("without evaluating the training set, the report gives what its minibatches saw during the epoch", () => {
  const data = randomDataset(40, 2, 2, 2, 1);
  const report = epochReport(
    engine({ accuracy: 1, cost: 0 }),
    createNetwork([4, 2]),
    data,
    1,
    0.5,
    { cost: 20, correct: 30 },
    { evaluateTraining: false },
  );
  assert.deepEqual(report, {
    epoch: 1,
    cost: 0.5,
    trainAccuracy: 0.75,
    testAccuracy: null,
    testCost: null,
    examplesPerSecond: 80,
    seconds: 0.5,
  });
});
