import { test } from "node:test";
import assert from "node:assert/strict";
import { activationNamed, relu, sigmoid } from "../src/activation";

test("sigmoid squashes into (0, 1) with σ(0) = 1/2, and stays finite for huge inputs", () => {
  assert.equal(sigmoid.f(0), 0.5);
  assert.ok(Math.abs(sigmoid.f(2) - 1 / (1 + Math.exp(-2))) < 1e-15);
  for (const z of [-1e6, -800, -50, 50, 800, 1e6]) {
    assert.ok(Number.isFinite(sigmoid.f(z)) && sigmoid.f(z) >= 0 && sigmoid.f(z) <= 1, `σ(${z})`);
    assert.ok(Number.isFinite(sigmoid.prime(z)), `σ'(${z})`);
  }
});

test("derivatives match central differences", () => {
  for (const act of [sigmoid, relu]) {
    for (const z of [-3, -0.7, 0.4, 2.5]) {
      const h = 1e-6;
      const numeric = (act.f(z + h) - act.f(z - h)) / (2 * h);
      assert.ok(Math.abs(act.prime(z) - numeric) < 1e-8, `${act.name}'(${z})`);
    }
  }
});

test("ReLU is max(0, z)", () => {
  assert.equal(relu.f(-2), 0);
  assert.equal(relu.f(3.5), 3.5);
});

test("an unknown activation is refused with the names that exist", () => {
  assert.throws(() => activationNamed("tanh"), /unknown activation "tanh"; use "sigmoid" or "relu"/);
});
