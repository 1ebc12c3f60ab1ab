import { test } from "node:test";
import assert from "node:assert/strict";
import { descentPaths, descentStep, gradientDescent } from "../../src/toy/descent";
import { ExpressionError, toyFunction } from "../../src/toy/expression";

test("descent on x^2 converges to 0, each step proportional to the slope", () => {
  const path = gradientDescent(toyFunction("x^2"), { start: [3], eta: 0.1, steps: 200, tolerance: 1e-8 });
  assert.ok(path.converged);
  assert.ok(Math.abs(path.points[path.points.length - 1][0]) < 1e-8);
  assert.ok(Math.abs(path.points[1][0] - (3 - 0.1 * 6)) < 1e-15);
  for (let i = 1; i < path.values.length; i++)
    assert.ok(path.values[i] < path.values[i - 1], "the value falls at every step");
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
  const [left, right] = descentPaths(f, [
    { start: [-2], eta: 0.01, steps: 2000 },
    { start: [2], eta: 0.01, steps: 2000 },
  ]);
  const end = (p: typeof left) => p.points[p.points.length - 1][0];
  assert.ok(Math.abs(end(left) + 1.3008) < 1e-3, `left valley ${end(left)}`);
  assert.ok(Math.abs(end(right) - 1.1309) < 1e-3, `right valley ${end(right)}`);
  assert.ok(
    left.values[left.values.length - 1] < right.values[right.values.length - 1],
    "the left one is deeper: a global minimum",
  );
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

test("descentStep is one step p − η∇f(p), as a new point: gradientDescent takes exactly that step", () => {
  const point = [1, 1],
    gradient = [3, 1];
  assert.deepEqual(descentStep(point, 0.1, gradient), [1 - 0.1 * 3, 1 - 0.1 * 1]);
  assert.deepEqual(point, [1, 1]);
  assert.deepEqual(gradient, [3, 1]);
  const f = toyFunction("x^4 - 3x^2 + x");
  const path = gradientDescent(f, { start: [2], eta: 0.05, steps: 10 });
  for (let n = 1; n < path.points.length; n++)
    assert.deepEqual(path.points[n], descentStep(path.points[n - 1], 0.05, path.gradients[n - 1]));
});

test("momentum: v ← βv − η∇f, p ← p + v; β = 0 is plain descent, bit for bit", () => {
  const valley = toyFunction("1/20 x^2 + 10 y^2");
  const plain = gradientDescent(valley, { start: [-1.8, 0.5], eta: 0.095, steps: 50 });
  assert.deepEqual(
    gradientDescent(valley, { start: [-1.8, 0.5], eta: 0.095, steps: 50, momentum: 0 }).points,
    plain.points,
  );
  // Two steps by hand on x^2 (gradient 2x) from 1 with η = 0.1, β = 0.5: v1 = −0.2, x1 = 0.8; v2 = −0.1 − 0.16, x2 = 0.54.
  const heavy = gradientDescent(toyFunction("x^2"), { start: [1], eta: 0.1, steps: 2, momentum: 0.5 });
  assert.ok(
    Math.abs(heavy.points[1][0] - 0.8) < 1e-15 && Math.abs(heavy.points[2][0] - 0.54) < 1e-15,
    `${heavy.points}`,
  );
  // Along the narrow valley's shallow floor momentum gets within 0.01 of the minimum in far fewer steps.
  const within = (path: typeof plain) => path.points.findIndex((p) => Math.hypot(...p) < 0.01);
  const slow = gradientDescent(valley, { start: [-1.8, 0.5], eta: 0.095, steps: 2000 });
  const fast = gradientDescent(valley, { start: [-1.8, 0.5], eta: 0.095, steps: 2000, momentum: 0.9 });
  assert.ok(
    within(slow) > 0 && within(fast) > 0 && within(fast) < within(slow) / 3,
    `${within(fast)} against ${within(slow)}`,
  );
});

test("a momentum outside 0 to 1 is refused in one sentence", () => {
  for (const bad of [-0.1, 1, 1.5, Number.NaN]) {
    assert.throws(
      () => gradientDescent(toyFunction("x^2"), { start: [1], eta: 0.1, momentum: bad }),
      /the momentum must be a number from 0 up to \(not including\) 1, such as 0\.9; got/,
    );
  }
});
