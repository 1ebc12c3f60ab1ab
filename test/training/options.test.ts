import { test } from "node:test";
import assert from "node:assert/strict";
import { createNetwork } from "../../src/network";
import { checkTrainOptions, etaOfEpoch, weightDecay } from "../../src/training/options";
import { randomDataset } from "../helpers";

test("L2's decay is 1 − ηλ/n, and 1 without L2", () => {
  assert.equal(weightDecay(0.5, 5, 50000), 1 - (0.5 * 5) / 50000);
  assert.equal(weightDecay(3, 0, 100), 1);
});

test("η is constant without etaFinal, and annealed from eta to etaFinal by one factor per epoch with it", () => {
  assert.equal(etaOfEpoch({ eta: 0.5, epochs: 30 }, 17), 0.5);
  const schedule = [1, 2, 3].map((e) => etaOfEpoch({ eta: 1, etaFinal: 0.25, epochs: 3 }, e));
  assert.deepEqual(schedule, [1, 0.5, 0.25]);
});

test("options are checked before training: each bad value named with its range", () => {
  const data = randomDataset(10, 2, 2, 2, 1);
  const net = createNetwork([4, 2]);
  const ok = { eta: 1, batchSize: 5, epochs: 1 };
  assert.doesNotThrow(() => checkTrainOptions(net, data, ok));
  assert.throws(
    () => checkTrainOptions(net, data, { ...ok, eta: NaN }),
    /the learning rate eta must be a number greater than 0 \(try 0\.1 to 3\); got NaN/,
  );
  assert.throws(() => checkTrainOptions(net, data, { ...ok, lambda: -1 }), /lambda.*got -1/);
  assert.throws(() => checkTrainOptions(net, data, { ...ok, cost: "hinge" as never }), /hinge/);
  assert.throws(
    () => checkTrainOptions(net, { ...data, count: 0, pixels: new Uint8Array(0), labels: new Uint8Array(0) }, ok),
    /no images/,
  );
});
