import { defineExercise } from "./exercises";
import { Print, check, near } from "./check";
import { seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const exampleCostExercise = defineExercise("02", "example cost");

/**
 * Lesson 02's parameters cell: the ranges its values may take, and their defaults. An epoch on the 8,000 digits
 * and a step on the single 2 each take well under a second, so 100 epochs and 1,000 steps stay quick. Even one
 * step at the lesson's η = 3 made the network answer 2 to 98.6% to 100% of the test digits (seeds 0, 1, 2^32 − 1).
 */
export const lesson02Parameters = {
  seed: seedParameter(1),
  epochs: wholeBetween(5, 1, 100),
  oneExampleSteps: wholeBetween(300, 1, 1000),
};

/** Lesson 02, "Your turn": the cost of one example, Σ (a_j − y_j)², for outputs a and the digit `label`. */
export function checkExampleCost(output: number[], label: number, answer: unknown, print: Print = console.log): void {
  const y = output.map((_, j) => (j === label ? 1 : 0));
  const squares = output.reduce((s, a, j) => s + (a - y[j]) ** 2, 0);
  check<unknown>({
    id: exampleCostExercise,
    what: `the cost of outputs [${output.join(", ")}] for a ${label}`,
    isRight: (x) => near(x, squares, 1e-9),
    mistakes: [
      { matches: (x) => near(x, squares / 2, 1e-9), hint: "no ½ here: the videos' cost is the plain sum of the squares" },
      { matches: (x) => near(x, output.reduce((s, a, j) => s + Math.abs(a - y[j]), 0), 1e-9), hint: "square each difference instead of taking its size" },
      { matches: (x) => near(x, output.reduce((s, a) => s + a * a, 0), 1e-9), hint: `the desired output is 1 for neuron ${label} and 0 for the others: subtract it before squaring` },
      { matches: (x) => near(x, squares / output.length, 1e-9), hint: "add the squares up; do not average them" },
    ],
    otherwise: "for each output, subtract the desired value (1 for the label, 0 otherwise), square, and add them all",
  }, answer, print);
}
