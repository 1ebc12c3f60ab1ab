import { test } from "node:test";
import assert from "node:assert/strict";
import { averageGradient } from "../src/backprop";
import { minibatchBounds, minibatchCount, minibatches } from "../src/minibatches";
import { cloneNetwork, createNetwork } from "../src/network";
import { train } from "../src/training/trainer";
import { randomDataset } from "./helpers";

test("minibatches: every index once, consecutive batches of batchSize, the last one shorter", () => {
  const batches = minibatches(23, 5, 7);
  assert.deepEqual(
    batches.map((b) => b.length),
    [5, 5, 5, 5, 3],
  );
  assert.deepEqual(
    batches.flat().sort((a, b) => a - b),
    Array.from({ length: 23 }, (_, i) => i),
  );
  assert.notDeepEqual(
    batches.flat(),
    Array.from({ length: 23 }, (_, i) => i),
    "the order is shuffled",
  );
  assert.deepEqual(minibatches(23, 5, 7), batches, "the same seed gives the same minibatches");
  assert.notDeepEqual(minibatches(23, 5, 8), batches);
  assert.deepEqual(
    minibatches(3, 10, 1).map((b) => b.length),
    [3],
  );
  assert.deepEqual(
    minibatches(4, 1, 1).map((b) => b.length),
    [1, 1, 1, 1],
  );
  assert.deepEqual(minibatches(0, 3, 1), []);
  assert.deepEqual(minibatchBounds(4, 5, 23), [20, 23]);
  assert.equal(minibatchCount(8000, 300), 27);
});

test("minibatches refuses a batch size that is not a whole number of at least 1, in one sentence", () => {
  assert.throws(() => minibatches(10, 0, 1), /the batch size must be a whole number of at least 1; got 0/);
  assert.throws(() => minibatches(10, 2.5, 1), /got 2.5/);
});

test("train's first epoch steps on exactly the minibatches minibatches() lists, with their average gradients", () => {
  const data = randomDataset(23, 2, 2, 3, 5);
  const start = createNetwork([4, 3, 3], { seed: 2 });
  const trained = cloneNetwork(start);
  train(trained, data, { eta: 0.7, batchSize: 5, epochs: 1, seed: 9, engine: "readable", evaluateTraining: false });
  const byHand = cloneNetwork(start);
  for (const batch of minibatches(data.count, 5, 9)) {
    const { gradient } = averageGradient(byHand, data, batch);
    byHand.weights.forEach((w, l) =>
      w.data.forEach((_, i) => {
        w.data[i] -= 0.7 * gradient.nablaW[l].data[i];
      }),
    );
    byHand.biases.forEach((b, l) =>
      b.forEach((_, j) => {
        b[j] -= 0.7 * gradient.nablaB[l][j];
      }),
    );
  }
  for (let l = 0; l < 2; l++) {
    byHand.weights[l].data.forEach((w, i) => assert.ok(Math.abs(w - trained.weights[l].data[i]) < 1e-12));
    byHand.biases[l].forEach((b, j) => assert.ok(Math.abs(b - trained.biases[l][j]) < 1e-12));
  }
});
