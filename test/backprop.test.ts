import { test } from "node:test";
import assert from "node:assert/strict";
import { averageGradient, backprop } from "../src/backprop";
import { imageThatMaximises } from "../src/explore/dream";
import { costs, exampleCost } from "../src/cost";
import { imageOf } from "../src/data/dataset";
import { evaluate } from "../src/evaluate";
import { flattenGradient, numericGradient, numericPartial, parameterRefs, relativeError } from "../src/gradcheck";
import { createNetwork, outputOf } from "../src/network";
import { maxDifference, randomDataset } from "./helpers";

const architectures = [
  [4, 3, 2],
  [6, 5, 4, 3],
  [10, 7, 7, 7, 4],
  [3, 1, 5],
];

test("backprop equals the finite-difference gradient to 1e-6 on random architectures, both activations, both costs", () => {
  let seed = 1;
  for (const sizes of architectures) {
    for (const activation of ["sigmoid", "relu"] as const) {
      for (const cost of Object.values(costs)) {
        const net = createNetwork(sizes, { activation, seed: seed++ });
        // Keep ReLU's kinks away from the finite-difference probes: nudge every z off zero.
        net.biases.forEach((b) =>
          b.forEach((v, j) => {
            b[j] = v + 0.05;
          }),
        );
        const x = Array.from({ length: sizes[0] }, (_, i) => (i * 0.37) % 1);
        const label = seed % sizes[sizes.length - 1];
        const exact = backprop(net, x, label, cost);
        const numeric = numericGradient(net, (n) => exampleCost(outputOf(n, x), label, cost));
        const error = relativeError(exact, numeric);
        assert.ok(error < 1e-6, `[${sizes}] ${activation} ${cost.name}: relative error ${error}`);
      }
    }
  }
});

test("the minibatch gradient is the average of the examples' gradients, and matches finite differences of the average cost", () => {
  const data = randomDataset(7, 2, 3, 4, 11);
  const net = createNetwork([6, 5, 4], { seed: 3 });
  const { gradient, cost } = averageGradient(net, data, [0, 2, 5]);
  const one = [0, 2, 5].map((i) => backprop(net, imageOf(data, i), data.labels[i]));
  const mean = one[0].nablaW[0].data.map(
    (_, k) => (one[0].nablaW[0].data[k] + one[1].nablaW[0].data[k] + one[2].nablaW[0].data[k]) / 3,
  );
  assert.ok(maxDifference(gradient.nablaW[0].data, mean) < 1e-15);
  assert.ok(Math.abs(cost - (one[0].cost + one[1].cost + one[2].cost) / 3) < 1e-15);
  const all = averageGradient(net, data);
  const numeric = numericGradient(net, (n) => evaluate(n, data).cost);
  assert.ok(relativeError(all.gradient, numeric) < 1e-6);
});

test("the desired nudges: the output's are −∂C/∂a = 2(y − a), and each earlier layer's is the weighted sum of the errors after it", () => {
  const net = createNetwork([5, 4, 3], { seed: 8 });
  const x = [0.2, 0.4, 0.6, 0.8, 1];
  const result = backprop(net, x, 1);
  const out = result.activations[2];
  out.forEach((a, j) => assert.ok(Math.abs(result.nudges[2][j] - 2 * ((j === 1 ? 1 : 0) - a)) < 1e-15));
  for (let k = 0; k < 4; k++) {
    let sum = 0;
    for (let j = 0; j < 3; j++) sum += net.weights[1].data[j * 4 + k] * result.deltas[1][j];
    assert.ok(Math.abs(result.nudges[1][k] + sum) < 1e-15);
  }
  // The bias gradient is the error itself (BP3), the weight gradient the error times the incoming activation (BP4).
  assert.deepEqual(Array.from(result.nablaB[1]), Array.from(result.deltas[1]));
  assert.equal(result.nablaW[0].data[2 * 5 + 3], result.deltas[0][2] * x[3]);
});

test("backprop refuses a data set whose images do not fit the input layer", () => {
  const data = randomDataset(3, 2, 2, 2, 1);
  assert.throws(
    () => averageGradient(createNetwork([5, 2]), data),
    /4 pixels per image but the network's input layer has 5 neurons/,
  );
});

test("parameter references name every weight and bias in flattenGradient's order, and one partial matches the gradient", () => {
  const net = createNetwork([4, 3, 2], { seed: 5 });
  const refs = parameterRefs(net);
  assert.equal(refs.length, 4 * 3 + 3 + 3 * 2 + 2);
  assert.equal(refs[0].name, "w[0][0][0]");
  assert.equal(refs[12].name, "b[0][0]");
  const x = [0.1, 0.9, 0.4, 0.6];
  const flat = flattenGradient(backprop(net, x, 1));
  const cost = (n: typeof net) => exampleCost(outputOf(n, x), 1);
  for (const i of [0, 7, 12, 20])
    assert.ok(Math.abs(numericPartial(net, refs[i], cost) - flat[i]) < 1e-8, refs[i].name);
});

test("an input dreamed up by descent on the pixels makes the network answer the asked digit", () => {
  const net = createNetwork([16, 8, 3], { seed: 2 });
  const x = imageThatMaximises(net, 2, { steps: 100 });
  assert.ok(x.every((v) => v >= 0 && v <= 1));
  assert.ok(outputOf(net, x)[2] > outputOf(net, new Float64Array(16).fill(0.5))[2]);
});
