import { test } from "node:test";
import assert from "node:assert/strict";
import { Gradient, averageGradient } from "../../src/backprop";
import { Cost, costs } from "../../src/cost";
import { Dataset } from "../../src/data/dataset";
import { embeddedSplit } from "../../src/data/embedded";
import { readableEngine } from "../../src/engines/readable";
import { evaluate } from "../../src/evaluate";
import { fastEngine, fastEvaluate, fastGradient } from "../../src/engines/fast";
import { numericGradient } from "../../src/gradcheck";
import { Network, NetworkOptions, cloneNetwork, createNetwork } from "../../src/network";
import { train } from "../../src/training/trainer";
import { maxDifference, randomDataset, worstError } from "../helpers";

// The fast engine computes in f32 (about 7 digits), the readable one in f64: they must agree to 1e-5.
const tolerance = 1e-5;
const digits = embeddedSplit({ seed: 1 });

/** Random data fitting a network: MNIST digits for 784 inputs, random bytes otherwise. */
function dataFor(sizes: number[], seed: number): Dataset {
  return sizes[0] === 784 ? digits.train : randomDataset(40, 1, sizes[0], sizes[sizes.length - 1], seed);
}

// ReLU networks start with "scaled" weights, as they are meant to: with N(0, 1) weights, 784 inputs drive
// the outputs to z in the hundreds, where σ'(z) = e^(−z) changes by |z|·2^−24 between neighbouring f32 values.
const initFor = (activation: "sigmoid" | "relu"): NetworkOptions["init"] =>
  activation === "relu" ? "scaled" : "normal";

test("the fast gradient equals the readable backprop gradient to 1e-5 on several architectures, activations, costs and batch sizes", () => {
  let seed = 1;
  for (const sizes of [
    [13, 7, 5],
    [784, 16, 16, 10],
    [30, 9, 3],
    [5, 3],
    [17, 4, 4, 4, 2],
  ]) {
    for (const activation of ["sigmoid", "relu"] as const) {
      for (const cost of Object.values(costs)) {
        for (const m of [1, 3, 10]) {
          const net = createNetwork(sizes, { activation, init: initFor(activation), seed: seed++ });
          const data = dataFor(sizes, seed);
          const indices = Uint32Array.from({ length: m }, (_, i) => (i * 7 + seed) % data.count);
          const exact = averageGradient(net, data, indices, cost);
          const fast = fastGradient(net, data, indices, cost);
          const error = worstError(fast.gradient, exact.gradient);
          assert.ok(error < tolerance, `[${sizes}] ${activation} ${cost.name} batch ${m}: relative error ${error}`);
          assert.ok(
            Math.abs(fast.cost - exact.cost) <= tolerance * exact.cost,
            `[${sizes}] cost ${fast.cost} vs ${exact.cost}`,
          );
        }
      }
    }
  }
});

test("the fast gradient equals central finite differences of the cost, on small networks with both activations and costs", () => {
  let seed = 20;
  for (const sizes of [
    [6, 5, 3],
    [9, 4, 4, 2],
  ]) {
    for (const activation of ["sigmoid", "relu"] as const) {
      for (const cost of Object.values(costs)) {
        const net = createNetwork(sizes, { activation, init: "scaled", seed: seed++ });
        // Keep ReLU's kinks away from the finite-difference probes: nudge every z off zero.
        net.biases.forEach((b) =>
          b.forEach((v, j) => {
            b[j] = v + 0.05;
          }),
        );
        const data = randomDataset(5, 1, sizes[0], sizes[sizes.length - 1], seed);
        const indices = Uint32Array.from([0, 1, 2, 3, 4]);
        const numeric = numericGradient(net, (n) => averageGradient(n, data, indices, cost).cost);
        const error = worstError(fastGradient(net, data, indices, cost).gradient, numeric);
        assert.ok(error < tolerance, `[${sizes}] ${activation} ${cost.name}: relative error ${error}`);
      }
    }
  }
});

test("a gradient over more examples than one kernel call takes (256) is summed in parts, and still agrees", () => {
  const net = createNetwork([784, 16, 16, 10], { seed: 5 });
  const indices = Uint32Array.from({ length: 700 }, (_, i) => (i * 11) % digits.train.count);
  const error = worstError(
    fastGradient(net, digits.train, indices).gradient,
    averageGradient(net, digits.train, indices).gradient,
  );
  assert.ok(error < tolerance, `relative error ${error}`);
});

/** One step of each engine from the same network on the same batch; returns both networks and batch reports. */
function stepBoth(net: Network, data: Dataset, cost: Cost, m: number, eta: number, decay: number) {
  const order = Uint32Array.from({ length: data.count }, (_, i) => data.count - 1 - i);
  const results = [
    readableEngine(net, { cost: cost.name, batchSize: m }),
    fastEngine(net, { cost: cost.name, batchSize: m }),
  ].map((engine) => {
    engine.load(net);
    engine.step(data, order, 0, m, eta, decay);
    const after = cloneNetwork(net);
    engine.store(after);
    return { after, batch: { ...engine.batch } };
  });
  return { readable: results[0], fast: results[1] };
}

/** The step each engine took, w_after − w_before, as a Gradient, so the two steps can be compared. */
function stepOf(before: Network, after: Network): Gradient {
  return {
    nablaW: after.weights.map((w, l) => ({ ...w, data: w.data.map((v, i) => v - before.weights[l].data[i]) })),
    nablaB: after.biases.map((b, l) => b.map((v, j) => v - before.biases[l][j])),
  };
}

test("one SGD step of the fast engine equals the readable engine's, with and without L2 decay, for a batch in one call or in parts", () => {
  for (const [sizes, activation, cost, m, decay] of [
    [[784, 16, 16, 10], "sigmoid", costs.quadratic, 10, 1],
    [[784, 16, 16, 10], "sigmoid", costs.quadratic, 100, 1],
    [[30, 9, 3], "relu", costs["cross-entropy"], 7, 0.999],
    [[784, 16, 16, 10], "relu", costs["cross-entropy"], 300, 0.99], // more than 256: summed in parts, then one step
  ] as const) {
    const net = createNetwork(sizes, { activation, init: initFor(activation), seed: 3 });
    const { readable, fast } = stepBoth(net, dataFor([...sizes], 2), cost, m, 3, decay);
    const error = worstError(stepOf(net, fast.after), stepOf(net, readable.after));
    assert.ok(error < tolerance, `[${sizes}] batch ${m}: the steps differ by ${error}`);
    assert.equal(fast.batch.correct, readable.batch.correct);
    assert.ok(
      Math.abs(fast.batch.cost - readable.batch.cost) <= tolerance * readable.batch.cost,
      `batch cost ${fast.batch.cost} vs ${readable.batch.cost}`,
    );
  }
});

test("the fast evaluation agrees with the readable one on accuracy and cost", () => {
  const net = createNetwork([784, 16, 16, 10], { seed: 2 });
  train(net, digits.train, { eta: 3, batchSize: 10, epochs: 1, evaluateTraining: false });
  for (const cost of Object.values(costs)) {
    const exact = evaluate(net, digits.test, cost);
    const fast = fastEvaluate(net, digits.test, cost);
    assert.equal(fast.count, exact.count);
    // A near tie between two outputs may fall the other way in f32: allow one image in a thousand.
    assert.ok(
      Math.abs(fast.correct - exact.correct) <= exact.count / 1000,
      `${fast.correct} vs ${exact.correct} right`,
    );
    assert.ok(
      Math.abs(fast.cost - exact.cost) <= 1e-5 * exact.cost,
      `${cost.name}: cost ${fast.cost} vs ${exact.cost}`,
    );
  }
});

test("training 784-16-16-10 with the fast engine on the embedded digits learns as well as the readable engine", () => {
  const run = (engine: "fast" | "readable") => {
    const net = createNetwork([784, 16, 16, 10], { seed: 1 });
    const reports = train(net, digits.train, { eta: 3, batchSize: 10, epochs: 3, seed: 1, test: digits.test, engine });
    return reports[reports.length - 1].testAccuracy ?? 0;
  };
  const fast = run("fast"),
    readable = run("readable");
  assert.ok(fast >= 0.85, `test accuracy after 3 epochs ${fast}`);
  assert.ok(Math.abs(fast - readable) < 0.03, `fast ${fast} vs readable ${readable}`);
});

test("the fast engine is the default, and the same seed trains the same network bit for bit", () => {
  const run = () => {
    const net = createNetwork([784, 16, 16, 10], { seed: 4 });
    const reports = train(net, digits.train, { eta: 3, batchSize: 10, epochs: 2, seed: 7, evaluateTraining: false });
    return { weights: net.weights.map((w) => Array.from(w.data)), costs: reports.map((r) => r.cost) };
  };
  const first = run();
  assert.deepEqual(run(), first);
  const readable = createNetwork([784, 16, 16, 10], { seed: 4 });
  train(readable, digits.train, {
    eta: 3,
    batchSize: 10,
    epochs: 1,
    seed: 7,
    engine: "readable",
    evaluateTraining: false,
  });
  const fast = createNetwork([784, 16, 16, 10], { seed: 4 });
  train(fast, digits.train, { eta: 3, batchSize: 10, epochs: 1, seed: 7, evaluateTraining: false });
  assert.notDeepEqual(
    Array.from(fast.weights[0].data),
    Array.from(readable.weights[0].data),
    "f32 weights differ from f64 ones: the default must be the fast engine",
  );
});

test("every batch size works with the fast engine, including a partial last batch", () => {
  const data = randomDataset(23, 2, 2, 2, 6);
  for (const batchSize of [1, 5, 23]) {
    const net = createNetwork([4, 3, 2], { seed: 1 });
    const readable = cloneNetwork(net);
    const batches: number[] = [];
    train(net, data, {
      eta: 0.5,
      batchSize,
      epochs: 2,
      engine: "fast",
      onBatch: (b) => {
        batches.push(b.batch);
      },
    });
    train(readable, data, { eta: 0.5, batchSize, epochs: 2, engine: "readable" });
    assert.equal(batches.length, 2 * Math.ceil(23 / batchSize));
    for (let l = 0; l < net.weights.length; l++) {
      assert.ok(maxDifference(net.weights[l].data, readable.weights[l].data) < 1e-5, `batch ${batchSize}, layer ${l}`);
      assert.ok(maxDifference(net.biases[l], readable.biases[l]) < 1e-5, `batch ${batchSize}, layer ${l}`);
    }
  }
});

test("the fast engine refuses images of the wrong size and a network of another shape, saying which", () => {
  const net = createNetwork([9, 4, 2]);
  const engine = fastEngine(net, { cost: "quadratic", batchSize: 2 });
  const data = randomDataset(4, 2, 2, 2, 1);
  assert.throws(
    () => engine.step(data, Uint32Array.from([0, 1, 2, 3]), 0, 2, 1, 1),
    /4 pixels per image but the network's input layer has 9 neurons/,
  );
  assert.throws(() => engine.load(createNetwork([9, 5, 2])), /made for a 9-4-2 network and cannot take a 9-5-2 one/);
});

test("a learning rate that blows up shows as a non-finite cost in the fast engine too", () => {
  const data = randomDataset(40, 2, 2, 2, 9);
  const net = createNetwork([4, 8, 2], { activation: "relu", seed: 3 });
  const before = Array.from(net.weights[0].data);
  assert.throws(
    () => train(net, data, { eta: 1e30, batchSize: 4, epochs: 3, cost: "cross-entropy" }),
    /training diverged/,
  );
  assert.deepEqual(Array.from(net.weights[0].data), before);
});
