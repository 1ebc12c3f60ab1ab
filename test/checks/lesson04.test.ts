import { test } from "node:test";
import assert from "node:assert/strict";
import { checkGradientAt, checkOwnFunction } from "../../src/checks/lesson04";

const quietly = <T>(f: () => T): T => {
  const log = console.log;
  console.log = () => undefined;
  try { return f(); } finally { console.log = log; }
};

test("gradient by hand: (3, 1) at (1, 1) passes; swapped, undifferentiated and malformed answers get their hints", () => {
  assert.equal(quietly(() => checkGradientAt([1, 1], [3, 1])).correct, true);
  assert.match(quietly(() => checkGradientAt([2, 1], [1, 6])).message, /wrong way round/);
  assert.match(quietly(() => checkGradientAt([2, 4], [3, 2])).message, /differentiate x² to 2x/);
  assert.match(quietly(() => checkGradientAt([2, 4], [6, 8])).message, /terms' values/);
  assert.match(quietly(() => checkGradientAt([2, 4], 6)).message, /two numbers in brackets/);
});

test("own function: a smooth function passes; a bad expression is judged wrong with the library's sentence", () => {
  assert.equal(quietly(() => checkOwnFunction("x^2 + 3*x*y + sin(y)")).correct, true);
  assert.match(quietly(() => checkOwnFunction("x^^2")).message, /cannot read/);
  assert.match(quietly(() => checkOwnFunction("")).message, /write the function as text/);
});
