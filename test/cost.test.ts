import { test } from "node:test";
import assert from "node:assert/strict";
import { costNamed, crossEntropy, desiredOutput, exampleCost, quadratic } from "../src/cost";

test("the quadratic cost is the sum of squared differences from the desired output, without a 1/2", () => {
  const a = [0.1, 0.2, 0.9];
  // desired output for label 2 is (0, 0, 1)
  assert.ok(Math.abs(exampleCost(a, 2, quadratic) - (0.01 + 0.04 + 0.01)) < 1e-15);
  assert.deepEqual(Array.from(desiredOutput(2, 3)), [0, 0, 1]);
});

test("the cost is small when confident and right, large when confident and wrong", () => {
  const right = [0.01, 0.02, 0.98],
    wrong = [0.97, 0.02, 0.03];
  assert.ok(exampleCost(right, 2) < 0.01);
  assert.ok(exampleCost(wrong, 2) > 1.5);
});

test("derivatives and deltas match central differences", () => {
  for (const cost of [quadratic, crossEntropy]) {
    for (const [a, y] of [
      [0.3, 1],
      [0.8, 0],
      [0.55, 1],
    ]) {
      const h = 1e-7;
      const numeric = (cost.term(a + h, y) - cost.term(a - h, y)) / (2 * h);
      assert.ok(Math.abs(cost.derivative(a, y) - numeric) < 1e-6, `${cost.name} dC/da`);
      assert.ok(Math.abs(cost.delta(a, y) - cost.derivative(a, y) * a * (1 - a)) < 1e-12, `${cost.name} delta`);
    }
  }
});

test("cross-entropy stays finite when a sigmoid output rounds to exactly 0 or 1", () => {
  for (const [a, y] of [
    [0, 1],
    [1, 0],
    [0, 0],
    [1, 1],
  ]) {
    assert.ok(Number.isFinite(crossEntropy.term(a, y)), `term(${a}, ${y})`);
    assert.ok(Number.isFinite(crossEntropy.derivative(a, y)), `derivative(${a}, ${y})`);
  }
});

test("costs are never negative", () => {
  for (let a = 0; a <= 1; a += 0.05) {
    for (const y of [0, 1]) {
      assert.ok(quadratic.term(a, y) >= 0);
      assert.ok(crossEntropy.term(a, y) >= 0);
    }
  }
});

test("an unknown cost is refused with the names that exist", () => {
  assert.throws(() => costNamed("hinge"), /use "quadratic" or "cross-entropy"/);
});
