import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkAccuracyFunction, checkDigitAccuracies } from "../../src/checks/lesson08";
import { yourTurn } from "../../src/checks/checkFunction";

type Confusion = number[][];
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const diagonal = (c: Confusion) => sum(c.map((row, i) => row[i]));
const everything = (c: Confusion) => sum(c.map(sum));

test("accuracyFromConfusion: the right function passes; the stub is 'your turn', with no hint", () => {
  const right = verdict((p) => checkAccuracyFunction((c: Confusion) => diagonal(c) / everything(c), p));
  assert.equal(right.correct, true, right.message);
  assert.match(right.message, /all 24 inputs/);
  const stub = verdict((p) => checkAccuracyFunction((): number => yourTurn(), p));
  assert.match(stub.message, /^✏️ Your turn: write accuracyFromConfusion\(confusion\)/);
  assert.doesNotMatch(stub.message, /Not yet/);
});

test("accuracyFromConfusion: each typical mistake gets its own hint", () => {
  const wrong: [string, (c: Confusion) => number, RegExp][] = [
    ["the off-diagonal share", (c) => (everything(c) - diagonal(c)) / everything(c), /error rate/],
    ["divided by the classes", (c) => diagonal(c) / c.length, /divided by the number of classes/],
    ["a percentage", (c) => (100 * diagonal(c)) / everything(c), /percentage/],
    ["the count right", (c) => diagonal(c), /the number read right/],
    [
      "each digit's accuracy averaged",
      (c) => sum(c.map((row, d) => row[d] / sum(row))) / c.length,
      /a rare digit counts as much/,
    ],
    ["the first row only", (c) => c[0][0] / sum(c[0]), /add the diagonal confusion\[i\]\[i\], then divide/i],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkAccuracyFunction(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, name);
    assert.match(seen.message, /on input \d+ of 24/, name);
  }
});

test("accuracyOfEachDigit: the right function passes; the stub is 'your turn'; each typical mistake gets its own hint", () => {
  const right = verdict((p) => checkDigitAccuracies((c: Confusion) => c.map((row, d) => row[d] / sum(row)), p));
  assert.equal(right.correct, true, right.message);
  assert.match(
    verdict((p) => checkDigitAccuracies((): number[] => yourTurn(), p)).message,
    /^✏️ Your turn: write accuracyOfEachDigit/,
  );
  const wrong: [string, (c: Confusion) => number[], RegExp][] = [
    [
      "row and column swapped",
      (c) => c.map((_, d) => c[d][d] / sum(c.map((row) => row[d]))),
      /you divided by column d/i,
    ],
    ["divided by every example", (c) => c.map((row, d) => row[d] / everything(c)), /divided by every example/i],
    ["the error rates", (c) => c.map((row, d) => 1 - row[d] / sum(row)), /each digit's error rate/],
    ["the counts", (c) => c.map((row, d) => row[d]), /the counts read right/],
    [
      "the matrix sorted in place",
      (c) => {
        c.forEach((row) => row.sort((a, b) => a - b));
        return c.map((row, d) => row[d] / sum(row));
      },
      /changed its input/,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkDigitAccuracies(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, name);
  }
});
