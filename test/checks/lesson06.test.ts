import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkBackward, checkBp2, checkOutputNudge, checkWeightGradient } from "../../src/checks/lesson06";
import { yourTurn } from "../../src/checks/checkFunction";
import { layerError } from "../../src/backprop";
import { Matrix } from "../../src/matrix";
import { Network, createNetwork, feedforward } from "../../src/network";

test("output nudge: 2(y − a) passes; forgetting the 2, the sign, or giving the cost get their hints", () => {
  assert.equal(verdict((p) => checkOutputNudge(0.2, 1, 1.6, p)).correct, true);
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, 0.8, p)).message, /factor 2/);
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, -1.6, p)).message, /points uphill/);
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, 0.64, p)).message, /the cost itself/);
});

test("weight gradient: a·δ passes; δ alone, a alone and δ/a get their hints", () => {
  assert.equal(verdict((p) => checkWeightGradient(0.3, 0.5, 0.15, p)).correct, true);
  assert.match(verdict((p) => checkWeightGradient(0.3, 0.5, 0.3, p)).message, /bias's gradient/);
  assert.match(verdict((p) => checkWeightGradient(0.3, 0.5, 0.5, p)).message, /multiply the activation/);
  assert.match(verdict((p) => checkWeightGradient(0.3, 0.5, 0.6, p)).message, /do not divide/);
});

test("both exercises start at undefined: 'Your turn', with no hint", () => {
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, undefined, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkWeightGradient(0.3, 0.5, undefined, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkOutputNudge(0.2, 1, "1.6", p)).message, /differentiate C/);
});

// Learner-style versions of layerError(W, nextDelta, z) (BP2), written as a learner would.
type Bp2 = (W: Matrix, nextDelta: Float64Array, z: Float64Array) => number[];
const bp2 =
  (weight: (W: Matrix, j: number, k: number) => number, slope: (z: number) => number, sign = 1): Bp2 =>
  (W, nextDelta, z) =>
    Array.from(z, (zk, k) => {
      let sum = 0;
      for (let j = 0; j < nextDelta.length; j++) sum += weight(W, j, k) * nextDelta[j];
      return sign * sum * slope(zk);
    });
const wjk = (W: Matrix, j: number, k: number) => W.data[j * W.cols + k];
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const sigmaPrime = (z: number) => sigma(z) * (1 - sigma(z));

test("layerError: (Wᵀδ) ⊙ σ'(z) passes, is the library's, and the stub is 'your turn'", () => {
  const right = verdict((p) => checkBp2(bp2(wjk, sigmaPrime), p));
  assert.equal(right.correct, true, right.message);
  assert.match(right.message, /all 24 inputs.*library's layerError/);
  assert.match(
    verdict((p) => checkBp2((): number[] => yourTurn(), p)).message,
    /^✏️ Your turn: write bp2\(W, nextDelta, z\)/,
  );
});

test("layerError: transposed weights, a missing σ', σ for σ', σ' of z as if it were a, a flipped sign each get their hint", () => {
  const wrong: [string, Bp2, RegExp][] = [
    [
      "W instead of Wᵀ (j and k swapped)",
      bp2((W, j, k) => W.data[k * W.cols + j], sigmaPrime),
      /use the transposed weights/i,
    ],
    [
      "W read as if stored transposed",
      bp2((W, j, k) => W.data[k * W.rows + j], sigmaPrime),
      /use the transposed weights/i,
    ],
    [
      "W δ, a vector of the next layer's size",
      (W, d, z) =>
        Array.from({ length: W.rows }, (_, j) => {
          let sum = 0;
          for (let k = 0; k < W.cols; k++) sum += W.data[j * W.cols + k] * d[k];
          return sum * sigmaPrime(z[j]);
        }),
      /use the transposed weights/i,
    ],
    ["no σ'", bp2(wjk, () => 1), /multiply each sum by σ'\(z_k\)/i],
    ["σ instead of σ'", bp2(wjk, sigma), /multiplies by σ\(z\)/],
    ["z(1 − z)", bp2(wjk, (z) => z * (1 - z)), /apply the sigmoid to z first/],
    ["a flipped sign", bp2(wjk, sigmaPrime, -1), /sign is flipped/],
    [
      "nextDelta cleared after use",
      (W, d, z) => {
        const delta = bp2(wjk, sigmaPrime)(W, d, z);
        d.fill(0);
        return delta;
      },
      /changed its input/,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkBp2(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, name);
  }
});

test("the library's layerError refuses a z of the wrong layer in one sentence", () => {
  const W = createNetwork([3, 2], { seed: 1 }).weights[0];
  assert.throws(() => layerError(W, [0.1, 0.2], [0, 0]), /pass the z of the layer whose error you compute/);
  assert.deepEqual(Array.from(layerError(W, [0, 0], [1, 2, 3])), [0, 0, 0]);
});

// Learner-style backward passes: BP1 at the output, then BP2 backwards with the library's layerError.
type Backward = (net: Network, input: number[], label: number) => Float64Array[];
const backward =
  (outputError: (a: number, y: number, z: number) => number, outputIndex = (last: number) => last + 1): Backward =>
  (net, input, label) => {
    const { zs, activations } = feedforward(net, input);
    const last = net.weights.length - 1;
    const a = activations[outputIndex(last)];
    const deltas: Float64Array[] = [];
    deltas[last] = zs[last].map((z, j) => outputError(a[j], j === label ? 1 : 0, z));
    for (let l = last; l > 0; l--) deltas[l - 1] = layerError(net.weights[l], deltas[l], zs[l - 1]);
    return deltas;
  };

test("errors: BP1 then BP2 backwards passes; the stub is 'your turn'", () => {
  const right = verdict((p) =>
    checkBackward(
      backward((a, y, z) => 2 * (a - y) * sigmaPrime(z)),
      p,
    ),
  );
  assert.equal(right.correct, true, right.message);
  assert.match(
    verdict((p) => checkBackward((): Float64Array[] => yourTurn(), p)).message,
    /^✏️ Your turn: write backward\(net, input, label\)/,
  );
});

test("errors: a missing 2, a flipped sign, a missing σ', the output from the wrong layer each get their hint", () => {
  const wrong: [string, Backward, RegExp][] = [
    ["no factor 2", backward((a, y, z) => (a - y) * sigmaPrime(z)), /misses the factor 2/],
    ["y − a", backward((a, y, z) => 2 * (y - a) * sigmaPrime(z)), /sign is flipped/],
    ["no σ' at the output", backward((a, y) => 2 * (a - y)), /misses σ'\(z\^L\)/],
    [
      "activations[last] for the output",
      backward(
        (a, y, z) => 2 * (a - y) * sigmaPrime(z),
        (last) => last,
      ),
      /from the wrong layer/,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkBackward(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, name);
    assert.match(seen.message, /on input \d+ of 24 \(a [\d-]+ network/, name);
  }
});
