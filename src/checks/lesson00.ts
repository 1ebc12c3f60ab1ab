import { defineExercise } from "./exercises";
import { Print, check, near } from "./check";
import { between, seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const guessRateExercise = defineExercise("00", "guess rate");

/**
 * Lesson 00's parameters cell: the ranges its values may take, and their defaults. Training 784-16-16-10 on the
 * 8,000 embedded digits takes well under a second per epoch, so 100 epochs stay quick. No rate in the range
 * made training raise a DivergenceError in our runs (the sigmoids saturate and every number stays finite): from
 * about 20 up, the first epoch wrecks the network and it stays near one digit in ten. The lesson still catches a
 * DivergenceError, and runs to its end either way.
 */
export const lesson00Parameters = {
  seed: seedParameter(1),
  epochs: wholeBetween(5, 1, 100),
  eta: between(3, 0.01, 100),
};

/** Lesson 00, "Your turn": the fraction of digits a uniform random guess among the ten gets right, 1/10. */
export function checkGuessRate(answer: unknown, print: Print = console.log): void {
  check<unknown>(
    {
      id: guessRateExercise,
      what: "the fraction of digits a random guess gets right",
      isRight: (x) => near(x, 0.1, 1e-9),
      mistakes: [
        {
          matches: (x) => typeof x !== "number" || !Number.isFinite(x),
          hint: "answer with a number between 0 and 1, such as 0.25",
        },
        {
          matches: (x) => near(x, 10, 1e-9),
          hint: "that is a percentage; write it as a fraction, a number between 0 and 1",
        },
        {
          matches: (x) => near(x, 0.5, 1e-9),
          hint: "a guess picks one of ten digits, not one of two: right or wrong is not fifty-fifty",
        },
        {
          matches: (x) => (x as number) <= 0,
          hint: "now and then a guess is right by luck, so the fraction is above 0",
        },
        { matches: (x) => (x as number) > 1, hint: "a fraction of the digits is at most 1 (all of them)" },
      ],
      otherwise: "a guess picks one of the ten digits 0 to 9, each as likely; how often is that the right one?",
      praise: "One time in ten: a network that reads far more than 10% of the digits right has learned something.",
    },
    answer,
    print,
  );
}
