import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkGuessRate } from "../../src/checks/lesson00";

test("guess rate: 1/10 passes; a percentage, fifty-fifty, 0, more than 1 and non-numbers get their hints", () => {
  assert.equal(verdict((p) => checkGuessRate(0.1, p)).correct, true);
  assert.equal(verdict((p) => checkGuessRate(1 / 10, p)).correct, true);
  assert.match(verdict((p) => checkGuessRate(10, p)).message, /^❌ .*a percentage/);
  assert.match(verdict((p) => checkGuessRate(0.5, p)).message, /one of ten digits, not one of two/);
  assert.match(verdict((p) => checkGuessRate(0, p)).message, /right by luck/);
  assert.match(verdict((p) => checkGuessRate(2, p)).message, /at most 1/);
  assert.match(verdict((p) => checkGuessRate("0.1", p)).message, /answer with a number between 0 and 1/);
  assert.match(verdict((p) => checkGuessRate(0.2, p)).message, /ten digits 0 to 9, each as likely/);
  assert.match(verdict((p) => checkGuessRate(undefined, p)).message, /^✏️ Your turn/);
});
