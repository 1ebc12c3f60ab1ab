import { test } from "node:test";
import assert from "node:assert/strict";
import { embeddedSplit } from "../../src/data/embedded";
import { gradientDescent } from "../../src/toy/descent";
import { inkModel, sgdPath } from "../../src/toy/inkNeuron";

const { train } = embeddedSplit({ seed: 1 });
const model = inkModel(train, 1);

test("the ink model's gradient matches finite differences, over all examples and over a minibatch", () => {
  for (const p of [
    [-1, 0.5],
    [2, -3],
  ]) {
    const exact = model.gradient(p),
      numeric = model.fullCost.numericGradient(p);
    exact.forEach((g, i) => assert.ok(Math.abs(g - numeric[i]) < 1e-8, `at ${p}`));
  }
  const batch = [3, 17, 256];
  const g = model.gradient([0.5, 0.5], batch);
  const h = 1e-6;
  const num = (model.cost([0.5 + h, 0.5], batch) - model.cost([0.5 - h, 0.5], batch)) / (2 * h);
  assert.ok(Math.abs(g[0] - num) < 1e-8);
});

test("ones have less ink: full-batch descent finds a negative weight and lowers the cost", () => {
  const path = gradientDescent(model.fullCost, { start: [2, 2], eta: 2, steps: 100 });
  const end = path.points[path.points.length - 1];
  assert.ok(end[0] < 0, `w = ${end[0]}`);
  assert.ok(path.values[path.values.length - 1] < path.values[0] / 2);
});

test("SGD stumbles down the same surface: seeded, noisy, and still lowers the cost", () => {
  const a = sgdPath(model, { start: [2, 2], eta: 2, batchSize: 10, steps: 100, seed: 3 });
  const b = sgdPath(model, { start: [2, 2], eta: 2, batchSize: 10, steps: 100, seed: 3 });
  assert.deepEqual(a, b);
  assert.equal(a.points.length, 101);
  assert.ok(a.values[100] < a.values[0] / 2);
  const rises = a.values.slice(1).filter((v, i) => v > a.values[i]).length;
  assert.ok(rises > 0, "some minibatch steps raise the full cost: the stumbling");
});
