import { test } from "node:test";
import assert from "node:assert/strict";
import { format } from "util";
import { createNetwork } from "../../src/network";
import { ExpressionError, toyFunction } from "../../src/toy/expression";
import { InputError } from "../../src/errors/learnerError";

// A notebook kernel prints a thrown error with console.error (util.format): a learner sees one sentence, no stack.
test("learner errors print as one sentence, without a stack trace", () => {
  const printed = (f: () => void) => {
    try { f(); } catch (e) { return format(e); }
    throw new Error("expected an error");
  };
  const bad = printed(() => createNetwork([784, 16.5, 10]));
  assert.equal(bad, "InputError: layer sizes must be whole numbers of at least 1; got 16.5 in [784,16.5,10]");
  assert.doesNotMatch(printed(() => toyFunction("x^^2")), /\n\s+at /);
});

test("input errors are still RangeErrors; expression errors carry their kind", () => {
  assert.throws(() => createNetwork([0, 1]), (e: unknown) => e instanceof RangeError && e instanceof InputError);
  assert.throws(() => toyFunction("x +"), (e: unknown) => e instanceof ExpressionError && e.kind === "syntax");
});
