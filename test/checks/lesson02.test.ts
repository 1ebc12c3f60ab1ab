import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkCostFunction } from "../../src/checks/lesson02";
import { yourTurn } from "../../src/checks/checkFunction";

const desired = (j: number, label: number) => (j === label ? 1 : 0);

test("cost(output, label): the right function passes; the stub is 'your turn'", () => {
  const right = (a: number[], label: number) => a.reduce((s, x, j) => s + (x - desired(j, label)) ** 2, 0);
  assert.equal(verdict((p) => checkCostFunction(right, p)).correct, true);
  const stub = verdict((p) => checkCostFunction((): number => yourTurn(), p));
  assert.match(stub.message, /^✏️ Your turn: write cost\(output, label\)/);
});

test("cost(output, label): each typical mistake gets its own hint", () => {
  const wrong: [string, (a: number[], label: number) => number, RegExp][] = [
    ["a ½", (a, label) => a.reduce((s, x, j) => s + (x - desired(j, label)) ** 2, 0) / 2, /no ½ here/i],
    [
      "an average",
      (a, label) => a.reduce((s, x, j) => s + (x - desired(j, label)) ** 2, 0) / a.length,
      /do not average/i,
    ],
    [
      "absolute values",
      (a, label) => a.reduce((s, x, j) => s + Math.abs(x - desired(j, label)), 0),
      /square each difference/i,
    ],
    ["no desired output", (a) => a.reduce((s, x) => s + x * x, 0), /subtract it before squaring/i],
    ["only the label's neuron", (a, label) => (a[label] - 1) ** 2, /every neuron counts/i],
    [
      "the desired output in place",
      (a, label) => {
        a[label] -= 1;
        return a.reduce((s, x) => s + x * x, 0);
      },
      /changed its input/,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkCostFunction(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, name);
    assert.match(seen.message, /on input \d+ of 24/, name);
  }
});
