import { test } from "node:test";
import assert from "node:assert/strict";
import { Dataset } from "../../src/data/dataset";
import { embeddedSplit } from "../../src/data/embedded";
import { createNetwork } from "../../src/network";
import { DivergenceError } from "../../src/training/divergence";
import { etaOfEpoch } from "../../src/training/options";
import { train, trainAsFarAsItGoes, trainer } from "../../src/training/trainer";
import { randomDataset } from "../helpers";

test("one full-batch step on a tiny hand-made set equals the update computed by hand", () => {
  // One input, one sigmoid output, w = b = 0.5; images x = 1 and x = 0.2, both wanting output 1; eta 2.
  // By hand: δ = 2(a − 1)·a(1 − a), w' = w − eta·mean(δ·x), b' = b − eta·mean(δ).
  const data: Dataset = {
    name: "two pixels",
    count: 2,
    rows: 1,
    cols: 1,
    pixels: Uint8Array.from([255, 51]),
    labels: Uint8Array.from([0, 0]),
  };
  const net = createNetwork([1, 1], { seed: 1 });
  net.weights[0].data[0] = 0.5;
  net.biases[0][0] = 0.5;
  train(net, data, { eta: 2, batchSize: 2, epochs: 1, engine: "readable", shuffle: false });
  assert.ok(Math.abs(net.weights[0].data[0] - 0.6381814867048285) < 1e-15, `w = ${net.weights[0].data[0]}`);
  assert.ok(Math.abs(net.biases[0][0] - 0.767890691250009) < 1e-15, `b = ${net.biases[0][0]}`);
});

test("the same seed trains the same network, bit for bit; another seed does not", () => {
  const data = randomDataset(50, 3, 3, 3, 4);
  const run = (seed: number) => {
    const net = createNetwork([9, 5, 3], { seed: 1 });
    const reports = train(net, data, { eta: 1, batchSize: 7, epochs: 3, seed });
    return { w: Array.from(net.weights[0].data), cost: reports.map((r) => r.cost) };
  };
  assert.deepEqual(run(3), run(3));
  assert.notDeepEqual(run(3).w, run(4).w);
});

test("any batch size works, including 1, a size that leaves a partial batch, and the whole set", () => {
  const data = randomDataset(23, 2, 2, 2, 6);
  for (const batchSize of [1, 5, 23]) {
    const batches: number[] = [];
    train(createNetwork([4, 3, 2]), data, {
      eta: 0.5,
      batchSize,
      epochs: 1,
      onBatch: (b) => {
        batches.push(b.batch);
      },
    });
    assert.equal(batches.length, Math.ceil(23 / batchSize));
  }
});

test("callbacks see every batch and epoch, and returning stop ends training keeping the last finished epoch", () => {
  const data = randomDataset(30, 2, 2, 2, 2);
  const net = createNetwork([4, 3, 2], { seed: 2 });
  const epochs: number[] = [];
  const reports = train(net, data, {
    eta: 1,
    batchSize: 10,
    epochs: 10,
    onEpoch: (r) => {
      epochs.push(r.epoch);
      return r.epoch === 2 ? "stop" : undefined;
    },
  });
  assert.deepEqual(epochs, [1, 2]);
  assert.equal(reports.length, 2);
  const afterTwo = Array.from(net.weights[0].data);
  const t = trainer(net, data, {
    eta: 1,
    batchSize: 10,
    epochs: 5,
    onBatch: (b) => (b.batch === 2 ? "stop" : undefined),
  });
  assert.equal(t.nextEpoch(), null);
  assert.deepEqual(Array.from(net.weights[0].data), afterTwo, "a stopped epoch must not reach the network");
});

test("a learning rate that blows up stops with a DivergenceError naming the epoch and suggesting a lower rate; the network keeps its last good epoch", () => {
  const data = randomDataset(40, 2, 2, 2, 9);
  const net = createNetwork([4, 8, 2], { activation: "relu", seed: 3 });
  const before = Array.from(net.weights[0].data);
  assert.throws(
    () => train(net, data, { eta: 1e300, batchSize: 4, epochs: 3, cost: "cross-entropy" }),
    (e: unknown) => {
      assert.ok(e instanceof DivergenceError);
      assert.match(e.message, /training diverged in epoch 1.*lower the learning rate/);
      return true;
    },
  );
  assert.deepEqual(Array.from(net.weights[0].data), before);
});

test("bad hyperparameters are refused up front with the allowed range", () => {
  const data = randomDataset(10, 2, 2, 2, 1);
  const net = createNetwork([4, 2]);
  assert.throws(
    () => train(net, data, { eta: 0, batchSize: 1, epochs: 1 }),
    /eta must be a number greater than 0.*got 0/,
  );
  assert.throws(() => train(net, data, { eta: -1, batchSize: 1, epochs: 1 }), /got -1/);
  assert.throws(
    () => train(net, data, { eta: 1, batchSize: 2.5, epochs: 1 }),
    /batch size must be a whole number from 1 to 10; got 2.5/,
  );
  assert.throws(() => train(net, data, { eta: 1, batchSize: 11, epochs: 1 }), /from 1 to 10; got 11/);
  assert.throws(
    () => train(net, data, { eta: 1, batchSize: 1, epochs: 0 }),
    /epochs must be a whole number of at least 1; got 0/,
  );
  assert.throws(
    () => train(createNetwork([5, 2]), data, { eta: 1, batchSize: 1, epochs: 1 }),
    /use a first layer of 4/,
  );
});

test("784-16-16-10 learns the embedded digits: over 90% test accuracy after 10 epochs (eta 3, batch 10, seed 1)", () => {
  const { train: trainSet, test: testSet } = embeddedSplit({ seed: 1 });
  const net = createNetwork([784, 16, 16, 10], { seed: 1 });
  // The readable engine's f64 run (the fast engine's f32 run from the same seed ends at 89.7%; over seeds
  // 1 to 5 both land at 85-90%, so 90% is this seed's figure, not a property of either engine).
  const reports = train(net, trainSet, {
    eta: 3,
    batchSize: 10,
    epochs: 10,
    seed: 1,
    test: testSet,
    engine: "readable",
  });
  const last = reports[reports.length - 1];
  assert.ok(reports[0].cost > last.cost, "cost falls");
  assert.ok(last.testAccuracy! > 0.9, `test accuracy ${last.testAccuracy}`);
});

test("annealing: eta shrinks geometrically from eta to etaFinal, epoch by epoch", () => {
  const data = randomDataset(30, 2, 2, 3, 8);
  const annealed = createNetwork([4, 5, 3], { seed: 4 });
  train(annealed, data, { eta: 1, etaFinal: 0.25, batchSize: 10, epochs: 3, shuffle: false, engine: "readable" });
  const byHand = createNetwork([4, 5, 3], { seed: 4 });
  for (const eta of [1, 0.5, 0.25])
    train(byHand, data, { eta, batchSize: 10, epochs: 1, shuffle: false, engine: "readable" });
  assert.deepEqual(annealed.weights[0].data, byHand.weights[0].data);
  // etaOfEpoch, the schedule train follows (lesson 09 prints it): the ends, and one factor from epoch to epoch.
  const schedule = [1, 2, 3, 4, 5].map((e) => etaOfEpoch({ eta: 0.5, etaFinal: 0.05, epochs: 5 }, e));
  assert.ok(Math.abs(schedule[0] - 0.5) < 1e-15 && Math.abs(schedule[4] - 0.05) < 1e-15, `${schedule}`);
  for (let e = 1; e < 4; e++) assert.ok(Math.abs(schedule[e + 1] / schedule[e] - schedule[1] / schedule[0]) < 1e-12);
  assert.equal(etaOfEpoch({ eta: 0.5, epochs: 5 }, 3), 0.5);
  assert.equal(etaOfEpoch({ eta: 0.5, etaFinal: 0.05, epochs: 1 }, 1), 0.5);
  assert.throws(
    () => train(annealed, data, { eta: 1, etaFinal: 0, batchSize: 10, epochs: 2 }),
    /final learning rate etaFinal must be a number greater than 0/,
  );
});

test("trainAsFarAsItGoes returns the epochs done and the divergence sentence instead of throwing it", () => {
  const data = randomDataset(40, 2, 2, 2, 9);
  const options = { eta: 1e300, batchSize: 4, epochs: 3, cost: "cross-entropy" as const };
  const net = createNetwork([4, 8, 2], { activation: "relu", seed: 3 });
  const before = Array.from(net.weights[0].data);
  const run = trainAsFarAsItGoes(net, data, options);
  assert.deepEqual(run.reports, []);
  assert.match(run.diverged ?? "", /^training diverged in epoch 1.*lower the learning rate/);
  assert.deepEqual(Array.from(net.weights[0].data), before, "the network keeps its last good epoch");
  const calm = createNetwork([4, 8, 2], { seed: 3 }),
    same = createNetwork([4, 8, 2], { seed: 3 });
  const fine = trainAsFarAsItGoes(calm, data, { ...options, eta: 0.5 });
  assert.equal(fine.diverged, null);
  assert.deepEqual(
    fine.reports.map((r) => r.cost),
    train(same, data, { ...options, eta: 0.5 }).map((r) => r.cost),
    "as train does",
  );
});

test("a learning rate that destroys the network (the same answer for every digit) stops training, keeping the starting network", () => {
  const { train: data } = embeddedSplit({ seed: 1 });
  const small = {
    ...data,
    count: 2000,
    pixels: data.pixels.subarray(0, 2000 * 784),
    labels: data.labels.subarray(0, 2000),
  };
  for (const [eta, activation, cost, engine] of [
    [30, "sigmoid", "quadratic", "fast"],
    [100, "sigmoid", "quadratic", "readable"],
    [100, "relu", "cross-entropy", "fast"],
  ] as const) {
    const net = createNetwork([784, 16, 16, 10], {
      seed: 1,
      activation,
      init: activation === "relu" ? "scaled" : "normal",
    });
    const start = Float64Array.from(net.weights[0].data);
    assert.throws(
      () => train(net, small, { eta, batchSize: 10, epochs: 3, cost, engine, seed: 1 }),
      (e: unknown) =>
        e instanceof DivergenceError &&
        e.epoch === 1 &&
        /the network was destroyed: its outputs no longer depend on the image .*lower the learning rate \(eta is \d+, try [\d.]+\)\. The network keeps the parameters it started with\./.test(
          e.message,
        ),
      `${eta} ${activation}`,
    );
    assert.deepEqual(net.weights[0].data, start, `${eta} ${activation}: the network is the one it started with`);
  }
});

test("networks that learn are never called destroyed: shuffled labels, a single example, the lessons' rates", () => {
  const { train: data } = embeddedSplit({ seed: 1 });
  const shuffledLabels = {
    ...data,
    count: 500,
    pixels: data.pixels.subarray(0, 500 * 784),
    labels: Uint8Array.from(data.labels.subarray(0, 500)).reverse(),
  };
  assert.equal(
    train(createNetwork([784, 16, 16, 10], { seed: 1 }), shuffledLabels, { eta: 3, batchSize: 10, epochs: 5, seed: 1 })
      .length,
    5,
  );
  const one = { ...data, count: 1, pixels: data.pixels.subarray(0, 784), labels: data.labels.subarray(0, 1) };
  assert.equal(
    train(createNetwork([784, 16, 16, 10], { seed: 1 }), one, { eta: 3, batchSize: 1, epochs: 300, seed: 1 }).length,
    300,
  );
  assert.equal(
    train(createNetwork([784, 16, 16, 10], { seed: 1 }), data, { eta: 10, batchSize: 10, epochs: 2, seed: 1 }).length,
    2,
  );
});

test("an L2 strength that would flip every weight past zero is refused up front, naming lambda, not the learning rate", () => {
  const data = randomDataset(100, 2, 2, 10, 1);
  assert.throws(
    () => train(createNetwork([4, 10], { seed: 1 }), data, { eta: 3, batchSize: 10, epochs: 1, lambda: 1e9 }),
    /the L2 strength lambda = 1000000000 with eta = 3 and 100 images would shrink every weight past zero at each step \(ηλ\/n = 3\.00e\+7, it must stay below 1\); use lambda below 33/,
  );
  assert.equal(
    train(createNetwork([4, 10], { seed: 1 }), data, { eta: 3, batchSize: 10, epochs: 1, lambda: 30 }).length,
    1,
  );
});
