import { test } from "node:test";
import assert from "node:assert/strict";
import { descentPaths, gradientDescent } from "../../src/toy/descent";
import { ExpressionError, toyFunction } from "../../src/toy/expression";

test("descent on x^2 converges to 0, each step proportional to the slope", () => {
  const path = gradientDescent(toyFunction("x^2"), { start: [3], eta: 0.1, steps: 200, tolerance: 1e-8 });
  assert.ok(path.converged);
  assert.ok(Math.abs(path.points[path.points.length - 1][0]) < 1e-8);
  assert.ok(Math.abs(path.points[1][0] - (3 - 0.1 * 6)) < 1e-15);
  for (let i = 1; i < path.values.length; i++) assert.ok(path.values[i] < path.values[i - 1], "the value falls at every step");
});

test("a too-large rate on x^2 reports divergence at a step, with a suggestion, and no NaN in the path", () => {
  const path = gradientDescent(toyFunction("x^2"), { start: [1], eta: 1.1, steps: 1000 });
  assert.ok(path.diverged);
  assert.equal(path.diverged.step, 10);
  assert.match(path.diverged.message, /diverged at step 10.*lower the learning rate/);
  assert.ok(path.points.flat().every(Number.isFinite) && path.values.every(Number.isFinite));
  const wild = gradientDescent(toyFunction("x^4"), { start: [3], eta: 1, steps: 50 });
  assert.ok(wild.diverged);
  assert.ok(wild.points.flat().every(Number.isFinite));
});

test("x^4 - 3x^2 + x has two valleys: where you start decides which one you reach", () => {
  const f = toyFunction("x^4 - 3x^2 + x");
  const [left, right] = descentPaths(f, [{ start: [-2], eta: 0.01, steps: 2000 }, { start: [2], eta: 0.01, steps: 2000 }]);
  const end = (p: typeof left) => p.points[p.points.length - 1][0];
  assert.ok(Math.abs(end(left) + 1.3008) < 1e-3, `left valley ${end(left)}`);
  assert.ok(Math.abs(end(right) - 1.1309) < 1e-3, `right valley ${end(right)}`);
  assert.ok(left.values[left.values.length - 1] < right.values[right.values.length - 1], "the left one is deeper: a global minimum");
});

test("on C = 3/2 x^2 + 1/2 y^2 descent runs down the steep x direction first", () => {
  const path = gradientDescent(toyFunction("3/2 x^2 + 1/2 y^2"), { start: [1, 1], eta: 0.1, steps: 5 });
  assert.deepEqual(path.gradients[0], [3, 1]);
  assert.ok(Math.abs(path.points[1][0] - 0.7) < 1e-15 && Math.abs(path.points[1][1] - 0.9) < 1e-15);
});

test("bad hyperparameters and start points are refused up front", () => {
  const f = toyFunction("x^2");
  assert.throws(() => gradientDescent(f, { start: [1], eta: 0 }), /eta must be a number greater than 0/);
  assert.throws(() => gradientDescent(f, { start: [1], eta: 0.1, steps: 2.5 }), /steps must be a whole number/);
  assert.throws(() => gradientDescent(f, { start: [1, 2], eta: 0.1 }), /start point must be 1 finite number/);
  assert.throws(() => gradientDescent(toyFunction("sqrt(x)"), { start: [0], eta: 0.1 }), ExpressionError);
});
