import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { averageGradient } from "../../src/backprop";
import { costs } from "../../src/cost";
import { embeddedSplit } from "../../src/data/embedded";
import { fastEngine, fastEvaluate, fastGradient } from "../../src/engines/fast";
import { holdImages, loadParameters, storeParameters } from "../../src/engines/fast/copy";
import { chunk, costCode, createKernel } from "../../src/engines/fast/kernel";
import { evaluate } from "../../src/evaluate";
import { defaultThreads, flopsPerThread, flopsPerExample, stepInParts } from "../../src/engines/fast/split";
import { availableCores, bindWorkers } from "../../src/engines/fast/threads";
import { numericGradient } from "../../src/gradcheck";
import { loadModel } from "../../src/io/model";
import { cloneNetwork, createNetwork } from "../../src/network";
import { train, trainer } from "../../src/training/trainer";
import { randomDataset, worstError } from "../helpers";

// A minibatch shared by worker threads (src/engines/fast/split.ts, threads.ts, asm/together.ts), against the readable
// engine and against one thread.
const tolerance = 1e-5;
const digits = embeddedSplit({ seed: 1 });

test("a gradient summed by 2 and 3 threads equals the readable backprop's to 1e-5, for batches of 2 to 700 (several rounds)", () => {
  let seed = 80;
  for (const [sizes, m] of [
    [[784, 100, 10], 100],
    [[784, 128, 128, 10], 37],
    [[784, 16, 16, 10], 700],
    [[784, 30, 10], 2],
  ] as const) {
    const net = createNetwork([...sizes], { init: "scaled", seed: seed++ });
    const indices = Uint32Array.from({ length: m }, (_, i) => (i * 11 + seed) % digits.train.count);
    const exact = averageGradient(net, digits.train, indices, costs.quadratic);
    for (const threads of [2, 3]) {
      const fast = fastGradient(net, digits.train, indices, costs.quadratic, threads);
      const error = worstError(fast.gradient, exact.gradient);
      assert.ok(error < tolerance, `[${sizes}] batch ${m}, ${threads} threads: relative error ${error}`);
      assert.ok(
        Math.abs(fast.cost - exact.cost) <= tolerance * exact.cost,
        `[${sizes}] batch ${m}: cost ${fast.cost} vs ${exact.cost}`,
      );
    }
  }
});

/** Every component of two gradients is the same number, bit for bit; else the first that differs. */
function sameBits(
  a: ReturnType<typeof fastGradient>["gradient"],
  b: ReturnType<typeof fastGradient>["gradient"],
): string | null {
  for (let l = 0; l < a.nablaW.length; l++) {
    for (let i = 0; i < a.nablaW[l].data.length; i++)
      if (!Object.is(a.nablaW[l].data[i], b.nablaW[l].data[i]))
        return `nablaW[${l}][${i}]: ${a.nablaW[l].data[i]} vs ${b.nablaW[l].data[i]}`;
    for (let j = 0; j < a.nablaB[l].length; j++)
      if (!Object.is(a.nablaB[l][j], b.nablaB[l][j]))
        return `nablaB[${l}][${j}]: ${a.nablaB[l][j]} vs ${b.nablaB[l][j]}`;
  }
  return null;
}

test("threads share a batch by neurons, so a gradient is the same bits with 1, 2 and 3 threads, at awkward widths too", () => {
  let seed = 20;
  for (const [sizes, m, activation] of [
    [[784, 100, 10], 10, "sigmoid"],
    [[784, 16, 16, 10], 100, "sigmoid"],
    [[784, 130, 17, 10], 7, "relu"],
    [[784, 1, 10], 3, "sigmoid"],
    [[784, 30, 10], 300, "relu"],
    [[784, 10], 1, "sigmoid"],
  ] as const) {
    const net = createNetwork([...sizes], { activation, init: "scaled", seed: seed++ });
    const indices = Uint32Array.from({ length: m }, (_, i) => (i * 13 + seed) % digits.train.count);
    for (const cost of Object.values(costs)) {
      const [one, ...more] = [1, 2, 3].map((threads) => fastGradient(net, digits.train, indices, cost, threads));
      more.forEach((g, t) => {
        assert.equal(sameBits(one.gradient, g.gradient), null, `[${sizes}] batch ${m}, ${cost.name}, ${t + 2} threads`);
        assert.ok(Object.is(one.cost, g.cost), `[${sizes}] batch ${m}: cost ${g.cost} vs ${one.cost}`);
      });
    }
  }
});

test("training with 2 threads gives the same network as with one, bit for bit, with L2 and both costs", () => {
  for (const [sizes, batchSize, cost, lambda] of [
    [[784, 100, 10], 10, "cross-entropy", 5],
    [[784, 128, 128, 10], 100, "quadratic", 0],
  ] as const) {
    const nets = [1, 2].map((threads) => {
      const net = createNetwork([...sizes], { init: "scaled", seed: 7 });
      train(net, digits.train, {
        eta: 0.5,
        batchSize,
        epochs: 1,
        seed: 3,
        threads,
        cost,
        lambda,
        evaluateTraining: false,
      });
      return net;
    });
    nets[0].weights.forEach((w, l) => {
      assert.ok(
        w.data.every((v, i) => Object.is(v, nets[1].weights[l].data[i])),
        `[${sizes}] weights[${l}]`,
      );
      assert.ok(
        nets[0].biases[l].every((v, j) => Object.is(v, nets[1].biases[l][j])),
        `[${sizes}] biases[${l}]`,
      );
    });
  }
});

test("a step taken by 2 and 3 threads (stepInParts) is the one-thread engine's step, bit for bit, in one call or in rounds", () => {
  let seed = 40;
  for (const [sizes, m, decay] of [
    [[784, 100, 10], 10, 0.999],
    [[784, 130, 17, 10], 37, 1],
    [[784, 16, 16, 10], 300, 0.99],
  ] as const) {
    const net = createNetwork([...sizes], { init: "scaled", seed: seed++ });
    const order = Uint32Array.from({ length: digits.train.count }, (_, i) => (i * 17 + seed) % digits.train.count);
    const one = fastEngine(net, { cost: "cross-entropy", batchSize: m, threads: 1 });
    one.load(net);
    one.step(digits.train, order, 50, 50 + m, 0.5, decay);
    const expected = cloneNetwork(net);
    one.store(expected);
    for (const threads of [2, 3]) {
      const k = createKernel(sizes, false, Math.ceil(Math.min(m, chunk) / threads), threads);
      loadParameters(k, net);
      holdImages(k, digits.train);
      assert.ok(bindWorkers(k, threads - 1));
      const result = stepInParts(
        k,
        threads,
        digits.train,
        order,
        50,
        50 + m,
        costCode("cross-entropy"),
        -0.5 / m,
        decay,
      );
      assert.ok(
        Object.is(result.cost, one.batch.cost) && result.correct === one.batch.correct,
        `[${sizes}] batch ${m}: cost and count`,
      );
      const got = cloneNetwork(net);
      storeParameters(
        k,
        got.weights.map((w) => w.data),
        got.biases,
      );
      got.weights.forEach((w, l) => {
        assert.ok(
          w.data.every((v, i) => Object.is(v, expected.weights[l].data[i])),
          `[${sizes}] batch ${m}, ${threads} threads: weights[${l}]`,
        );
        assert.ok(
          got.biases[l].every((v, j) => Object.is(v, expected.biases[l][j])),
          `[${sizes}] batch ${m}, ${threads} threads: biases[${l}]`,
        );
      });
    }
  }
});

test("a gradient summed by 2 threads equals central finite differences", () => {
  const sizes = [9, 8, 4, 2];
  const net = createNetwork(sizes, { init: "scaled", seed: 90 });
  const data = randomDataset(6, 1, 9, 2, 90);
  const indices = Uint32Array.from([0, 1, 2, 3, 4, 5]);
  const numeric = numericGradient(net, (n) => averageGradient(n, data, indices, costs["cross-entropy"]).cost);
  const error = worstError(fastGradient(net, data, indices, costs["cross-entropy"], 2).gradient, numeric);
  assert.ok(error < tolerance, `relative error ${error}`);
});

test("training with 2 threads gives the same bytes on every run, learns as the readable engine does, and reports its threads", () => {
  const run = (threads: number, engine: "fast" | "readable" = "fast") => {
    const net = createNetwork([784, 100, 10], { init: "scaled", seed: 3 });
    const t = trainer(net, digits.train, {
      eta: 0.5,
      batchSize: 100,
      epochs: 2,
      seed: 5,
      threads,
      engine,
      test: digits.test,
    });
    while (t.nextEpoch()) {
      /* two epochs */
    }
    return {
      weights: net.weights.map((w) => Array.from(w.data)),
      accuracy: t.reports[1].testAccuracy ?? 0,
      threads: t.threads,
    };
  };
  const first = run(2);
  assert.equal(first.threads, 2);
  assert.deepEqual(run(2).weights, first.weights);
  const readable = run(1, "readable");
  assert.ok(
    Math.abs(first.accuracy - readable.accuracy) < 0.01,
    `2 threads ${first.accuracy} vs readable ${readable.accuracy}`,
  );
});

test("the default uses one thread for small batches and the cores that help for large ones; a bad thread count is one sentence", () => {
  assert.equal(defaultThreads([784, 16, 16, 10], 10), 1, "10 × 52,672 flops is too little to share");
  const cores = availableCores();
  assert.equal(
    defaultThreads([784, 100, 10], 100),
    Math.min(cores, Math.floor((100 * flopsPerExample([784, 100, 10])) / flopsPerThread)),
  );
  const net = createNetwork([784, 100, 10], { seed: 1 });
  assert.equal(trainer(net, digits.train, { eta: 1, batchSize: 1, epochs: 1 }).threads, 1);
  for (const threads of [0, 1.5, 65]) {
    assert.throws(
      () => trainer(net, digits.train, { eta: 1, batchSize: 100, epochs: 1, threads }),
      /the number of threads must be a whole number from 1 to 64; got .* \(leave it out to use the cores that help, \d+ here\)/,
    );
  }
});

test("with threads, pausing mid-epoch, stopping from onBatch and divergence detection work as with one", () => {
  const net = createNetwork([784, 100, 10], { activation: "relu", init: "scaled", seed: 4 });
  const before = Array.from(net.weights[0].data);
  const t = trainer(net, digits.train, { eta: 0.5, batchSize: 100, epochs: 1, threads: 2, evaluateTraining: false });
  assert.equal(t.advance(0), "running"); // 16 batches, then it notices the time
  assert.deepEqual(Array.from(net.weights[0].data), before, "the network changes only when an epoch ends");
  assert.equal(typeof t.nextEpoch(), "object");
  let batches = 0;
  train(net, digits.train, {
    eta: 0.5,
    batchSize: 100,
    epochs: 2,
    threads: 2,
    onBatch: () => (++batches === 5 ? "stop" : undefined),
  });
  assert.equal(batches, 5);
  const kept = Array.from(net.weights[0].data);
  assert.throws(
    () => train(net, digits.train, { eta: 1e30, batchSize: 100, epochs: 3, threads: 2, cost: "cross-entropy" }),
    /training diverged/,
  );
  assert.deepEqual(Array.from(net.weights[0].data), kept);
});

test("descent train --threads 2 stops on Ctrl-C within seconds and saves the last finished epoch; --threads 0 is refused", async () => {
  const root = path.join(__dirname, "..", "..", "..");
  const bin = path.join(root, "bin", "descent.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-threads-"));
  const model = path.join(dir, "model.json");
  const child = spawn(
    process.execPath,
    [bin, "train", "--layers", "784,100,10", "--batch", "100", "--threads", "2", "--epochs", "1000", "--save", model],
    { cwd: dir },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout.on("data", () => {});
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (/epoch 2:/.test(stderr)) {
        clearInterval(poll);
        resolve();
      }
    }, 20);
  });
  const sent = Date.now();
  child.kill("SIGINT");
  const status = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  assert.equal(status, 130, stderr);
  assert.match(stderr, /Ctrl-C: stopping now/);
  assert.ok((Date.now() - sent) / 1000 < 5, "stopped within 5 s");
  assert.deepEqual(loadModel(model).sizes, [784, 100, 10]);
  const refused = spawn(process.execPath, [bin, "train", "--threads", "0"], { cwd: dir });
  let refusal = "";
  refused.stderr.on("data", (chunk) => {
    refusal += chunk;
  });
  assert.equal(await new Promise<number | null>((resolve) => refused.on("exit", (c) => resolve(c))), 2);
  assert.match(refusal, /--threads must be a whole number from 1 to 64; got 0/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the fast evaluation split between threads counts and costs as the readable one does, on a set that is not a whole number of chunks", () => {
  const net = createNetwork([784, 100, 10], { init: "scaled", seed: 12 });
  train(net, digits.train, { eta: 0.5, batchSize: 100, epochs: 1, evaluateTraining: false });
  const set = {
    ...digits.test,
    count: 1999,
    pixels: digits.test.pixels.subarray(0, 1999 * 784),
    labels: digits.test.labels.subarray(0, 1999),
  };
  for (const cost of Object.values(costs)) {
    const exact = evaluate(net, set, cost);
    const fast = fastEvaluate(net, set, cost);
    assert.equal(fast.count, 1999);
    assert.ok(Math.abs(fast.correct - exact.correct) <= 2, `${fast.correct} vs ${exact.correct} right`);
    assert.ok(
      Math.abs(fast.cost - exact.cost) <= 1e-5 * exact.cost,
      `${cost.name}: cost ${fast.cost} vs ${exact.cost}`,
    );
  }
  assert.ok(
    defaultThreads([784, 100, 10], Math.ceil(256 / 3)) >= Math.min(2, availableCores()),
    "784-100-10 evaluates with every core (up to 2)",
  );
});
