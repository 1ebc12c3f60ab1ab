import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine } from "../src/engines/engine";
import { readableEngine } from "../src/engines/readable";
import { createNetwork } from "../src/network";
import { createRandom, shuffleInPlace } from "../src/random";
import { epochSteps } from "../src/sgd";
import { train } from "../src/training/trainer";
import { randomDataset } from "./helpers";

/** An engine that records every step it is asked for and reports a cost of 1 per example. */
function recordingEngine(): Engine & { steps: { examples: number[]; eta: number; decay: number }[] } {
  const steps: { examples: number[]; eta: number; decay: number }[] = [];
  const batch = { cost: 0, correct: 0 };
  return {
    steps,
    batch,
    threads: 1,
    load: () => {},
    store: () => {},
    evaluate: () => ({ accuracy: 0, cost: 0 }),
    step: (_data, order, start, end, eta, decay) => {
      steps.push({ examples: Array.from(order.subarray(start, end)), eta, decay });
      batch.cost = end - start;
      batch.correct = 1;
    },
  };
}

test("an epoch cuts the shuffled order into consecutive minibatches and takes one step on each", () => {
  const data = randomDataset(23, 2, 2, 3, 1);
  const engine = recordingEngine();
  const order = Uint32Array.from({ length: data.count }, (_, i) => i);
  const seen = [...epochSteps(engine, data, order, { batchSize: 5, eta: 0.5, decay: 0.9, random: createRandom(7) })];
  const expected = shuffleInPlace(
    Array.from({ length: 23 }, (_, i) => i),
    createRandom(7),
  );
  assert.deepEqual(Array.from(order), expected, "the order is shuffled with the given generator");
  assert.deepEqual(
    engine.steps.map((s) => s.examples),
    [0, 5, 10, 15, 20].map((s) => expected.slice(s, s + 5)),
  );
  assert.ok(engine.steps.every((s) => s.eta === 0.5 && s.decay === 0.9));
  assert.deepEqual(
    seen.map((m) => [m.batch, m.batches, m.size, m.cost, m.correct]),
    [
      [1, 5, 5, 5, 1],
      [2, 5, 5, 5, 1],
      [3, 5, 5, 5, 1],
      [4, 5, 5, 5, 1],
      [5, 5, 3, 3, 1],
    ],
  );
});

test("without a random generator an epoch keeps the data's order", () => {
  const data = randomDataset(7, 2, 2, 3, 2);
  const engine = recordingEngine();
  const order = Uint32Array.from([6, 5, 4, 3, 2, 1, 0]);
  for (const _ of epochSteps(engine, data, order, { batchSize: 3, eta: 1, decay: 1, random: null })) {
    /* steps */
  }
  assert.deepEqual(
    engine.steps.map((s) => s.examples),
    [[6, 5, 4], [3, 2, 1], [0]],
  );
});

test("an epoch stops between two steps when its caller stops asking", () => {
  const data = randomDataset(30, 2, 2, 3, 3);
  const engine = recordingEngine();
  const epoch = epochSteps(
    engine,
    data,
    Uint32Array.from({ length: 30 }, (_, i) => i),
    { batchSize: 10, eta: 1, decay: 1, random: null },
  );
  epoch.next();
  assert.equal(engine.steps.length, 1, "no step is taken before it is asked for");
});

test("one epoch of epochSteps on the readable engine is exactly what train does in one epoch", () => {
  const data = randomDataset(40, 3, 3, 4, 4);
  const start = createNetwork([9, 5, 4], { seed: 3 });
  const byHand = createNetwork([9, 5, 4], { seed: 3 });
  const engine = readableEngine(byHand, { cost: "quadratic", batchSize: 8 });
  const order = Uint32Array.from({ length: data.count }, (_, i) => i);
  for (const _ of epochSteps(engine, data, order, { batchSize: 8, eta: 2, decay: 1, random: createRandom(5) })) {
    /* steps */
  }
  engine.store(byHand);
  train(start, data, { eta: 2, batchSize: 8, epochs: 1, seed: 5, engine: "readable", evaluateTraining: false });
  for (let l = 0; l < start.weights.length; l++) {
    assert.deepEqual(byHand.weights[l].data, start.weights[l].data);
    assert.deepEqual(byHand.biases[l], start.biases[l]);
  }
});
