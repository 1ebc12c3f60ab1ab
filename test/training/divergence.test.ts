import { test } from "node:test";
import assert from "node:assert/strict";
import { createNetwork } from "../../src/network";
import { DivergenceError, divergenceWatch, isDestroyed, outputSpread } from "../../src/training/divergence";
import { randomDataset } from "../helpers";

test("a minibatch cost that is not finite stops training, naming the epoch, the minibatch and a lower rate", () => {
  const data = randomDataset(20, 2, 2, 2, 1);
  const watch = divergenceWatch(createNetwork([4, 3, 2], { seed: 1 }), data);
  assert.equal(watch.afterStep(1, 3, 12.5, 0.5), null);
  const why = watch.afterStep(2, 7, NaN, 0.5);
  assert.ok(why instanceof DivergenceError);
  assert.equal(
    why.message,
    "training diverged in epoch 2, minibatch 7: the cost became NaN; lower the learning rate (eta is 0.5, try 0.05). The network keeps the parameters of the last good epoch.",
  );
  assert.deepEqual([why.epoch, why.batch], [2, 7]);
});

test("a cost that grows by over 5% in each of 10 epochs in a row stops training; a fall in between resets the count", () => {
  const data = randomDataset(20, 2, 2, 2, 2);
  const watch = divergenceWatch(createNetwork([4, 3, 2], { seed: 1 }), data);
  let cost = 1,
    epoch = 0;
  const next = (factor: number) => watch.afterEpochCost(++epoch, 5, (cost *= factor), 1);
  for (let i = 0; i < 9; i++) assert.equal(next(1.06), null, `epoch ${epoch}`);
  assert.equal(next(0.9), null, "a falling cost starts the count again");
  for (let i = 0; i < 9; i++) assert.equal(next(1.06), null, `epoch ${epoch}`);
  assert.match(
    next(1.06)?.message ?? "",
    /^training diverged in epoch 20, minibatch 5: the cost grew by over 5% in each of 10 epochs in a row/,
  );
  assert.match(
    divergenceWatch(createNetwork([4, 2]), data).afterEpochCost(1, 5, Infinity, 1)?.message ?? "",
    /the cost became Infinity/,
  );
});

test("a network whose outputs no longer depend on the image is destroyed; the one it started as is not", () => {
  const data = randomDataset(50, 3, 3, 4, 3);
  const start = createNetwork([9, 6, 4], { seed: 2 });
  assert.ok(outputSpread(start, data) > 0.01);
  assert.equal(isDestroyed(start, data, outputSpread(start, data)), false);
  const saturated = createNetwork([9, 6, 4], { seed: 2 });
  saturated.biases[0].fill(1e6); // every hidden neuron at σ = 1, whatever the image
  const watch = divergenceWatch(start, data);
  assert.match(
    watch.afterEpochNetwork(1, 5, saturated, 3)?.message ?? "",
    /^training diverged in epoch 1, minibatch 5: the network was destroyed.*The network keeps the parameters it started with\.$/,
  );
  assert.equal(watch.afterEpochNetwork(1, 5, start, 3), null);
  const infinite = createNetwork([9, 6, 4], { seed: 2 });
  infinite.weights[1].data[0] = Infinity;
  assert.match(watch.afterEpochNetwork(2, 5, infinite, 3)?.message ?? "", /a weight became infinite/);
});
