import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkMinibatches, checkSgdEpoch, checkStepsPerEpoch } from "../../src/checks/lesson07";
import { yourTurn } from "../../src/checks/checkFunction";
import { averageGradient } from "../../src/backprop";
import { Dataset } from "../../src/data/dataset";
import { Network, cloneNetwork } from "../../src/network";
import { createRandom, permutation, shuffleInPlace } from "../../src/random";
import { minibatches } from "../../src/minibatches";

test("steps per epoch: n / batch rounded up passes; rounding down, one per example, multiplying and fractions get hints", () => {
  assert.equal(verdict((p) => checkStepsPerEpoch(8000, 100, 80, p)).correct, true);
  assert.equal(verdict((p) => checkStepsPerEpoch(8000, 300, 27, p)).correct, true);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 300, 26, p)).message, /one last, smaller minibatch/);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 100, 8000, p)).message, /one step per example/);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 100, 800000, p)).message, /instead of multiplying/);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 300, 26.67, p)).message, /round up/);
});

test("steps per epoch starts at undefined: 'Your turn', with no hint", () => {
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 300, undefined, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkStepsPerEpoch(8000, 300, "27", p)).message, /rounded up/);
});

/** A learner's minibatches(count, batchSize, seed): shuffle with the library, then `split` the order. */
const shuffledThen =
  (split: (order: number[], batchSize: number) => number[][]) => (count: number, batchSize: number, seed: number) =>
    split(Array.from(permutation(count, createRandom(seed))), batchSize);
const slices = (order: number[], batchSize: number, end = (start: number) => start + batchSize) => {
  const batches: number[][] = [];
  for (let start = 0; start < order.length; start += batchSize) batches.push(order.slice(start, end(start)));
  return batches;
};

test("minibatches(count, batchSize, seed): the right function passes; the stub is 'your turn'", () => {
  assert.equal(
    verdict((p) =>
      checkMinibatches(
        shuffledThen((o, b) => slices(o, b)),
        p,
      ),
    ).correct,
    true,
  );
  const withWhile = (count: number, batchSize: number, seed: number) => {
    const order = shuffleInPlace(
      Array.from({ length: count }, (_, i) => i),
      createRandom(seed),
    );
    const batches: number[][] = [];
    while (order.length) batches.push(order.splice(0, batchSize));
    return batches;
  };
  assert.equal(verdict((p) => checkMinibatches(withWhile, p)).correct, true);
  const stub = verdict((p) => checkMinibatches((): number[][] => yourTurn(), p));
  assert.match(stub.message, /^✏️ Your turn: write shuffleAndSplit\(count, batchSize, seed\)/);
  assert.doesNotMatch(stub.message, /Not yet/);
});

test("minibatches: each typical mistake gets its own hint, on the input where it shows", () => {
  const wrong: [string, (count: number, batchSize: number, seed: number) => number[][], RegExp][] = [
    [
      "the last batch dropped",
      shuffledThen((o, b) => slices(o, b).filter((batch) => batch.length === b)),
      /last minibatch is missing/,
    ],
    [
      "no shuffle",
      (count, b) =>
        slices(
          Array.from({ length: count }, (_, i) => i),
          b,
        ),
      /the indices are in order/i,
    ],
    ["overlapping slices", shuffledThen((o, b) => slices(o, b, (start) => start + b + 1)), /the minibatches overlap/],
    ["one short", shuffledThen((o, b) => slices(o, b, (start) => start + b - 1)), /each minibatch is one short/],
    [
      "shuffled within batches",
      (count, b, seed) => {
        const random = createRandom(seed);
        return slices(
          Array.from({ length: count }, (_, i) => i),
          b,
        ).map((batch) => shuffleInPlace(batch, random));
      },
      /shuffled inside each minibatch/,
    ],
    [
      "another seed",
      (count, b) => slices(Array.from(permutation(count, createRandom(42))), b),
      /make the order with permutation/i,
    ],
    [
      "no return",
      () => {
        slices([1, 2], 1);
        return undefined as unknown as number[][];
      },
      /add a `return`/,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkMinibatches(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, name);
    assert.match(seen.message, /on input \d+ of 24 \(count \d+, batchSize \d+, seed \d+\)/, name);
  }
});

/** A learner's sgdEpoch with the library's minibatches and backprop; `slip` changes one thing. */
function epoch(slip: { sum?: boolean; uphill?: boolean; perExample?: boolean; inPlace?: boolean } = {}) {
  return (network: Network, data: Dataset, eta: number, batchSize: number, seed: number): Network => {
    const net = slip.inPlace ? network : cloneNetwork(network);
    const step = (batch: number[]) => {
      const { gradient } = averageGradient(net, data, batch);
      const rate = (slip.uphill ? -eta : eta) * (slip.sum ? batch.length : 1);
      net.weights.forEach((w, l) =>
        w.data.forEach((_, i) => {
          w.data[i] -= rate * gradient.nablaW[l].data[i];
        }),
      );
      net.biases.forEach((b, l) =>
        b.forEach((_, j) => {
          b[j] -= rate * gradient.nablaB[l][j];
        }),
      );
    };
    for (const batch of minibatches(data.count, batchSize, seed)) {
      if (slip.perExample) batch.forEach((i) => step([i]));
      else step(batch);
    }
    return net;
  };
}

test("sgdEpoch: the right function passes; the stub is 'your turn'", () => {
  const right = verdict((p) => checkSgdEpoch(epoch(), p));
  assert.equal(right.correct, true, right.message);
  assert.match(right.message, /all 20 inputs/);
  const stub = verdict((p) => checkSgdEpoch((): Network => yourTurn(), p));
  assert.match(stub.message, /^✏️ Your turn: write sgdEpoch/);
  assert.doesNotMatch(stub.message, /Not yet/);
});

test("sgdEpoch: each typical mistake gets its own hint", () => {
  const wrong: [string, ReturnType<typeof epoch>, RegExp][] = [
    ["the sum over the batch", epoch({ sum: true }), /used the sum of the minibatch's gradients/],
    ["a flipped sign", epoch({ uphill: true }), /went uphill/],
    ["a step per example", epoch({ perExample: true }), /stepped after every example/],
    ["the network changed in place", epoch({ inPlace: true }), /changed its input/],
    ["the last batch dropped", dropLast, /last, shorter minibatch was not trained on/],
    [
      "the stored order",
      (network, data, eta, batchSize) => {
        const net = cloneNetwork(network);
        const inOrder = Array.from({ length: data.count }, (_, i) => i);
        for (let start = 0; start < data.count; start += batchSize) {
          const { gradient } = averageGradient(net, data, inOrder.slice(start, start + batchSize));
          net.weights.forEach((w, l) =>
            w.data.forEach((_, i) => {
              w.data[i] -= eta * gradient.nablaW[l].data[i];
            }),
          );
          net.biases.forEach((b, l) =>
            b.forEach((_, j) => {
              b[j] -= eta * gradient.nablaB[l][j];
            }),
          );
        }
        return net;
      },
      /taken in their stored order/,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkSgdEpoch(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, name);
    assert.match(
      seen.message,
      /on input \d+ of 20 \(a [\d-]+ network, \d+ examples, eta [\d.]+, minibatches of \d+, seed \d+\)/,
      name,
    );
  }
});

/** sgdEpoch that never trains on the short last minibatch. */
function dropLast(network: Network, data: Dataset, eta: number, batchSize: number, seed: number): Network {
  const net = cloneNetwork(network);
  for (const batch of minibatches(data.count, batchSize, seed).filter((b) => b.length === batchSize)) {
    const { gradient } = averageGradient(net, data, batch);
    net.weights.forEach((w, l) =>
      w.data.forEach((_, i) => {
        w.data[i] -= eta * gradient.nablaW[l].data[i];
      }),
    );
    net.biases.forEach((b, l) =>
      b.forEach((_, j) => {
        b[j] -= eta * gradient.nablaB[l][j];
      }),
    );
  }
  return net;
}
