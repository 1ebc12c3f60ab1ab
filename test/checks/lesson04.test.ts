import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkGradientAt, checkOwnFunction } from "../../src/checks/lesson04";


test("gradient by hand: (3, 1) at (1, 1) passes; swapped, undifferentiated and malformed answers get their hints", () => {
  assert.equal(verdict((p) => checkGradientAt([1, 1], [3, 1], p)).correct, true);
  assert.match(verdict((p) => checkGradientAt([2, 1], [1, 6], p)).message, /wrong way round/);
  assert.match(verdict((p) => checkGradientAt([2, 4], [3, 2], p)).message, /differentiate x² to 2x/);
  assert.match(verdict((p) => checkGradientAt([2, 4], [6, 8], p)).message, /terms' values/);
  assert.match(verdict((p) => checkGradientAt([2, 4], 6, p)).message, /two numbers in brackets/);
  // The lesson's exercise: (2, 1), answered [6, 1]; it starts at undefined.
  assert.match(verdict((p) => checkGradientAt([2, 1], [6, 1], p)).message, /^✅ Right.*\[6, 1\]: here x is 6 times as steep as y/);
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
