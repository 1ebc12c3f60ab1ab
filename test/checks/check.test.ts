import { test } from "node:test";
import assert from "node:assert/strict";
import { Exercise, allNear, check, judge, near } from "../../src/checks/check";

const count: Exercise<number> = {
  what: "the number of weights and biases of 784-16-16-10",
  isRight: (n) => n === 13002,
  mistakes: [
    { matches: (n) => n === 12960, hint: "those are only the weights; add one bias per neuron after the input layer" },
    { matches: (n) => n === 42, hint: "that counts neurons, not connections" },
  ],
  otherwise:
    "count a weight for every pair of neurons in neighbouring layers, and a bias for every neuron after the input",
};

test("a right answer is praised; a typical mistake gets its hint; anything else the general hint", () => {
  assert.deepEqual(judge(count, 13002), {
    correct: true,
    message: "Right: the number of weights and biases of 784-16-16-10.",
  });
  assert.match(judge(count, 12960).message, /only the weights/);
  assert.equal(judge(count, 12960).correct, false);
  assert.match(judge(count, 42).message, /counts neurons/);
  assert.match(judge(count, 7).message, /count a weight for every pair/);
});

test("check prints its verdict", () => {
  const lines: string[] = [];
  check(count, 13002, (l) => lines.push(l));
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^✅ Right/);
});

test("an answer that makes the check itself throw is judged wrong with the error, not a stack trace", () => {
  const fn: Exercise<(x: number) => number> = {
    what: "sigmoid",
    isRight: (f) => near(f(0), 0.5),
    otherwise: "σ(z) = 1/(1+e^(−z))",
  };
  const result = judge(fn, () => {
    throw new Error("boom");
  });
  assert.equal(result.correct, false);
  assert.match(result.message, /boom\. σ\(z\)/);
});

test("near and allNear compare with a tolerance and reject non-numbers", () => {
  assert.ok(near(3.0000001, 3));
  assert.ok(!near(3.1, 3));
  assert.ok(!near("3", 3));
  assert.ok(!near(NaN, 3));
  assert.ok(allNear([3, 1], [3, 1]));
  assert.ok(!allNear([3], [3, 1]));
});

test('an exercise still at its starting undefined says "Your turn", with no hint and no failure mark', () => {
  const result = judge<unknown>(count as Exercise<unknown>, undefined);
  assert.equal(result.correct, false);
  assert.equal(result.pending, true);
  assert.match(result.message, /^Your turn: the number of weights and biases of 784-16-16-10\. Replace `undefined`/);
  assert.doesNotMatch(result.message, /only the weights|counts neurons|count a weight/);
  const lines: string[] = [];
  check(count as Exercise<unknown>, undefined, (l) => lines.push(l));
  assert.match(lines[0], /^✏️ Your turn/);
});
