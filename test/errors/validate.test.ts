import { test } from "node:test";
import assert from "node:assert/strict";
import { checkNonNegative, checkPositive, checkWholeNumber } from "../../src/errors/validate";
import { InputError } from "../../src/errors/learnerError";

const refused = (sentence: string) => (e: unknown) => e instanceof InputError && e.message === sentence;

test("checkPositive returns a number above 0 and refuses 0, negatives, NaN, Infinity and text", () => {
  assert.equal(checkPositive("eta", 0.5), 0.5);
  assert.equal(checkPositive("eta", 1e-12), 1e-12);
  assert.throws(
    () => checkPositive("the learning rate eta", 0, " (try 0.1 to 3)"),
    refused("the learning rate eta must be a number greater than 0 (try 0.1 to 3); got 0"),
  );
  assert.throws(() => checkPositive("eta", -1), refused("eta must be a number greater than 0; got -1"));
  assert.throws(() => checkPositive("eta", NaN), refused("eta must be a number greater than 0; got NaN"));
  assert.throws(() => checkPositive("eta", Infinity), refused("eta must be a number greater than 0; got Infinity"));
  assert.throws(() => checkPositive("eta", "3"), refused(`eta must be a number greater than 0; got "3"`));
});

test("checkNonNegative lets 0 through and refuses what is below it or not a number", () => {
  assert.equal(checkNonNegative("lambda", 0), 0);
  assert.equal(checkNonNegative("lambda", 5), 5);
  assert.throws(() => checkNonNegative("lambda", -0.1), refused("lambda must be a number of at least 0; got -0.1"));
  assert.throws(
    () => checkNonNegative("lambda", undefined),
    refused("lambda must be a number of at least 0; got undefined"),
  );
});

test("checkWholeNumber: whole numbers from min to max, with the range said as the learner needs it", () => {
  assert.equal(checkWholeNumber("the batch size", 1, 1), 1);
  assert.equal(checkWholeNumber("--threads", 64, 1, 64), 64);
  assert.throws(
    () => checkWholeNumber("the batch size", 2.5, 1),
    refused("the batch size must be a whole number of at least 1; got 2.5"),
  );
  assert.throws(
    () => checkWholeNumber("the batch size", 0, 1),
    refused("the batch size must be a whole number of at least 1; got 0"),
  );
  assert.throws(
    () => checkWholeNumber("--threads", 65, 1, 64),
    refused("--threads must be a whole number from 1 to 64; got 65"),
  );
  assert.throws(
    () => checkWholeNumber("--threads", "2", 1, 64),
    refused(`--threads must be a whole number from 1 to 64; got "2"`),
  );
});
