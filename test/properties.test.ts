import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { backprop } from "../src/backprop";
import { costs, exampleCost } from "../src/cost";
import { numericGradient, relativeError } from "../src/gradcheck";
import { createNetwork, outputOf } from "../src/network";
import { createRandom, permutation } from "../src/random";
import { gradientDescent } from "../src/toy/descent";
import { toyFunction } from "../src/toy/expression";

// Properties of the math, driven by fast-check with random shapes, sizes and values.
const sizes = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 });

test("backprop equals finite differences for random architectures, inputs, labels, activations and costs", () => {
  fc.assert(
    fc.property(
      sizes,
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom("sigmoid", "relu"),
      fc.constantFrom(...Object.values(costs)),
      (layers, seed, activation, cost) => {
        const net = createNetwork(layers, { seed, activation: activation as "sigmoid" | "relu", init: "scaled" });
        net.biases.forEach((b) =>
          b.forEach((v, j) => {
            b[j] = v + 0.1;
          }),
        ); // keep ReLU's kinks away from the probes
        const random = createRandom(seed);
        const x = Array.from({ length: layers[0] }, () => random.uniform());
        const label = random.int(layers[layers.length - 1]);
        const exact = backprop(net, x, label, cost);
        const numeric = numericGradient(net, (n) => exampleCost(outputOf(n, x), label, cost), 1e-6);
        const flat = [
          ...exact.nablaW.flatMap((w) => Array.from(w.data)),
          ...exact.nablaB.flatMap((b) => Array.from(b)),
        ];
        // Where everything is tiny, compare absolutely; else relatively.
        return flat.every((g) => Math.abs(g) < 1e-9) || relativeError(exact, numeric) < 1e-5;
      },
    ),
    { numRuns: 60 },
  );
});

test("a seeded shuffle is always a permutation of 0..n-1", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 2 ** 31 }), (n, seed) => {
      const order = Array.from(permutation(n, createRandom(seed))).sort((a, b) => a - b);
      return order.every((v, i) => v === i);
    }),
  );
});

test("costs are never negative, and zero only for the exact desired output", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 10 }),
      fc.nat(),
      (a, l) => {
        const label = l % a.length;
        return Object.values(costs).every((cost) => exampleCost(a, label, cost) >= 0);
      },
    ),
  );
  assert.equal(exampleCost([0, 1, 0], 1), 0);
});

test("on a convex bowl, a gradient step with a small enough rate never raises the cost", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0.1, max: 5, noNaN: true }),
      fc.double({ min: 0.1, max: 5, noNaN: true }),
      fc.double({ min: -10, max: 10, noNaN: true }),
      fc.double({ min: -10, max: 10, noNaN: true }),
      (a, b, x, y) => {
        const bowl = toyFunction(`${a} x^2 + ${b} y^2`);
        const eta = 0.9 / (2 * Math.max(a, b)); // below 1/L for this bowl, whose curvature is at most 2·max(a, b)
        const path = gradientDescent(bowl, { start: [x, y], eta, steps: 5 });
        return path.values.every((v, i) => i === 0 || v <= path.values[i - 1] + 1e-12);
      },
    ),
    { numRuns: 50 },
  );
});
