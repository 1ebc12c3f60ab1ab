import { defineExercise } from "./exercises";
import { Print, check } from "./check";
import { between, seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const stepsPerEpochExercise = defineExercise("07", "steps per epoch");

/** Lesson 07's parameters cell: the ranges its values may take, and their defaults. */
export const lesson07Parameters = {
  seed: seedParameter(1),
  batchSize: wholeBetween(100, 1, 8000),
  walkerBatch: wholeBetween(10, 1, 8000),
  eta: between(3, 0.01, 50),
  seconds: between(1.5, 0.2, 3),
};

/** Lesson 07, "Your turn": how many SGD steps one epoch over n examples takes with minibatches of batchSize. */
export function checkStepsPerEpoch(n: number, batchSize: number, answer: unknown, print: Print = console.log): void {
  const steps = Math.ceil(n / batchSize);
  check<unknown>({
    id: stepsPerEpochExercise,
    what: `the number of steps in one epoch of ${n} examples with minibatches of ${batchSize}`,
    isRight: (x) => x === steps,
    mistakes: [
      { matches: (x) => x === Math.floor(n / batchSize) && steps !== Math.floor(n / batchSize), hint: "almost: the examples left over make one last, smaller minibatch" },
      { matches: (x) => x === n, hint: "that is one step per example (batch size 1); a minibatch step uses a whole batch" },
      { matches: (x) => x === n * batchSize, hint: "divide the examples among the batches instead of multiplying" },
      { matches: (x) => typeof x === "number" && Math.abs(x - n / batchSize) < 1 && !Number.isInteger(x), hint: "steps are whole: round up, the last minibatch may be smaller" },
    ],
    otherwise: `one step per minibatch: ${n} ÷ ${batchSize}, rounded up`,
    praise: `Each looks at ${batchSize} examples instead of ${n}.`,
  }, answer, print);
}
