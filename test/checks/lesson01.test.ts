import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkParameterCount } from "../../src/checks/lesson01";
import { checkExampleCost } from "../../src/checks/lesson02";

test("parameter count: 13,002 passes; weights only, biases on the input, and neurons get their hints", () => {
  const sizes = [784, 16, 16, 10];
  assert.equal(verdict((p) => checkParameterCount(sizes, 13002, p)).correct, true);
  assert.match(verdict((p) => checkParameterCount(sizes, 12960, p)).message, /only the weights/);
  assert.match(verdict((p) => checkParameterCount(sizes, 12960 + 826, p)).message, /input neurons have no bias/);
  assert.match(verdict((p) => checkParameterCount(sizes, 826, p)).message, /counts neurons/);
  assert.match(verdict((p) => checkParameterCount(sizes, undefined, p)).message, /^✏️ Your turn/);
});

test("example cost: the sum of squares passes; halving, absolute values, forgetting y and averaging get hints", () => {
  const a = [0.1, 0.8, 0.3];
  assert.equal(verdict((p) => checkExampleCost(a, 1, 0.01 + 0.04 + 0.09, p)).correct, true);
  assert.match(verdict((p) => checkExampleCost(a, 1, 0.07, p)).message, /no ½ here/);
  assert.match(verdict((p) => checkExampleCost(a, 1, 0.6, p)).message, /square each difference/);
  assert.match(verdict((p) => checkExampleCost(a, 1, 0.74, p)).message, /subtract it before squaring/);
  assert.match(verdict((p) => checkExampleCost(a, 1, 0.14 / 3, p)).message, /do not average/);
  assert.match(verdict((p) => checkExampleCost(a, 1, undefined, p)).message, /^✏️ Your turn/);
});
