import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { yourTurn } from "../../src/checks/checkFunction";
import { ToyFunction } from "../../src/toy/expression";
import { checkGradientAt, checkGradientByDifferences, checkOwnFunction, checkStep2d } from "../../src/checks/lesson04";

test("gradient by hand: (3, 1) at (1, 1) passes; swapped, undifferentiated and malformed answers get their hints", () => {
  assert.equal(verdict((p) => checkGradientAt([1, 1], [3, 1], p)).correct, true);
  assert.match(verdict((p) => checkGradientAt([2, 1], [1, 6], p)).message, /wrong way round/);
  assert.match(verdict((p) => checkGradientAt([2, 4], [3, 2], p)).message, /differentiate x² to 2x/);
  assert.match(verdict((p) => checkGradientAt([2, 4], [6, 8], p)).message, /terms' values/);
  assert.match(verdict((p) => checkGradientAt([2, 4], 6, p)).message, /two numbers in brackets/);
  // The lesson's exercise: (2, 1), answered [6, 1]; it starts at undefined.
  assert.match(
    verdict((p) => checkGradientAt([2, 1], [6, 1], p)).message,
    /^✅ Right.*\[6, 1\]: here x is 6 times as steep as y/,
  );
  assert.match(verdict((p) => checkGradientAt([2, 1], [3, 0.5], p)).message, /differentiate x² to 2x/);
  assert.match(verdict((p) => checkGradientAt([2, 1], undefined, p)).message, /^✏️ Your turn: the gradient of C/);
  assert.match(verdict((p) => checkGradientAt([2, 1], [0, 0], p)).message, /^❌ Not yet.*∂C\/∂x = 3x and ∂C\/∂y = y/);
});

test("own function: a smooth function passes; a bad expression is judged wrong with the library's sentence", () => {
  assert.equal(verdict((p) => checkOwnFunction("x^2 + 3*x*y + sin(y)", p)).correct, true);
  assert.match(verdict((p) => checkOwnFunction("x^^2", p)).message, /cannot read/);
  assert.match(verdict((p) => checkOwnFunction("", p)).message, /write the function as text/);
  assert.match(verdict((p) => checkOwnFunction(5, p)).message, /write the function as text/);
  assert.match(verdict((p) => checkOwnFunction(undefined, p)).message, /^✏️ Your turn/);
  // The notebook's starting expression and the one its comment suggests pass: a first Run All shows no ❌.
  assert.equal(verdict((p) => checkOwnFunction("x^2 + 3*x*y", p)).correct, true);
  assert.equal(verdict((p) => checkOwnFunction("sin(x) * exp(y/4)", p)).correct, true);
});

test("2-D step: point − η·gradient passes; the stub is 'your turn'; typical mistakes get their own hints", () => {
  assert.match(
    verdict((p) => checkStep2d((q: number[], eta: number, g: number[]) => [q[0] - eta * g[0], q[1] - eta * g[1]], p))
      .message,
    /^✅ Right.*descentStep/,
  );
  assert.match(
    verdict((p) => checkStep2d((): number[] => yourTurn(), p)).message,
    /^✏️ Your turn: write step\(point, eta, gradient\)/,
  );
  const wrong: [string, (q: number[], eta: number, g: number[]) => number[], RegExp][] = [
    ["uphill", (q, eta, g) => q.map((v, i) => v + eta * g[i]), /steps uphill/i],
    ["swapped components", (q, eta, g) => [q[0] - eta * g[1], q[1] - eta * g[0]], /components are swapped/i],
    ["only the step", (_q, eta, g) => g.map((v) => -eta * v), /only the step/i],
    ["no learning rate", (q, _eta, g) => q.map((v, i) => v - g[i]), /multiply the gradient by the learning rate/i],
    [
      "in place",
      (q, eta, g) => {
        q[0] -= eta * g[0];
        q[1] -= eta * g[1];
        return q;
      },
      /changed its input/i,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkStep2d(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, `${name}: ${seen.message}`);
  }
});

test("gradient by central differences: the right formula passes; forward, /h, swapped, sign and diagonal get their hints", () => {
  const central = (C: ToyFunction, q: number[], h: number) => [
    (C.value([q[0] + h, q[1]]) - C.value([q[0] - h, q[1]])) / (2 * h),
    (C.value([q[0], q[1] + h]) - C.value([q[0], q[1] - h])) / (2 * h),
  ];
  assert.match(
    verdict((p) => checkGradientByDifferences(central, p)).message,
    /^✅ Right.*all 24 inputs.*numericGradient/,
  );
  assert.match(
    verdict((p) => checkGradientByDifferences((): number[] => yourTurn(), p)).message,
    /^✏️ Your turn: write gradientByDifferences/,
  );
  const wrong: [string, (C: ToyFunction, q: number[], h: number) => number[], RegExp][] = [
    [
      "forward difference",
      (C, q, h) => [(C.value([q[0] + h, q[1]]) - C.value(q)) / h, (C.value([q[0], q[1] + h]) - C.value(q)) / h],
      /forward difference/i,
    ],
    ["divided by h", (C, q, h) => central(C, q, h).map((v) => 2 * v), /divide by 2h, not h/i],
    ["swapped", (C, q, h) => central(C, q, h).reverse(), /components are swapped/i],
    ["wrong sign", (C, q, h) => central(C, q, h).map((v) => -v), /sign is flipped/i],
    [
      "both coordinates at once",
      (C, q, h) => {
        const d = (C.value([q[0] + h, q[1] + h]) - C.value([q[0] - h, q[1] - h])) / (2 * h);
        return [d, d];
      },
      /one coordinate at a time/i,
    ],
    [
      "nudges the point in place",
      (C, q, h) => {
        q[0] += h;
        const up = C.value(q);
        q[0] -= 2 * h;
        const down = C.value(q);
        return [(up - down) / (2 * h), central(C, q, h)[1]];
      },
      /changed its input/i,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkGradientByDifferences(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, `${name}: ${seen.message}`);
  }
});
