import { defineExercise } from "./exercises";
import { Print, check, near } from "./check";
import { FunctionExercise, checkFunction } from "./checkFunction";
import { exampleCost } from "../cost";
import { Random } from "../random";
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
  check<unknown>(
    {
      id: exampleCostExercise,
      what: `the cost of outputs [${output.join(", ")}] for a ${label}`,
      isRight: (x) => near(x, squares, 1e-9),
      mistakes: [
        {
          matches: (x) => near(x, squares / 2, 1e-9),
          hint: "no ½ here: the videos' cost is the plain sum of the squares",
        },
        {
          matches: (x) =>
            near(
              x,
              output.reduce((s, a, j) => s + Math.abs(a - y[j]), 0),
              1e-9,
            ),
          hint: "square each difference instead of taking its size",
        },
        {
          matches: (x) =>
            near(
              x,
              output.reduce((s, a) => s + a * a, 0),
              1e-9,
            ),
          hint: `the desired output is 1 for neuron ${label} and 0 for the others: subtract it before squaring`,
        },
        { matches: (x) => near(x, squares / output.length, 1e-9), hint: "add the squares up; do not average them" },
      ],
      otherwise: "for each output, subtract the desired value (1 for the label, 0 otherwise), square, and add them all",
    },
    answer,
    print,
  );
}

/** The inputs a cost exercise is tried on: the edge cases first (a perfect answer, all zeros, all ones), then random outputs. */
function outputsAndLabels(random: Random): [number[], number][] {
  const oneHot = (label: number, n: number) => Array.from({ length: n }, (_, j) => (j === label ? 1 : 0));
  const cases: [number[], number][] = [
    [[0.1, 0.8, 0.3], 1],
    [oneHot(3, 10), 3],
    [new Array(10).fill(0), 0],
    [new Array(10).fill(1), 9],
  ];
  while (cases.length < 24) {
    const n = random.uniform() < 0.5 ? 10 : 2 + random.int(8);
    cases.push([Array.from({ length: n }, () => Math.round(random.uniform() * 1000) / 1000), random.int(n)]);
  }
  return cases;
}

/**
 * Lesson 02, "Your turn": write `cost(output, label)`, the cost of one example, Σ_j (a_j − y_j)² with y the desired
 * output (1 for the label's neuron, 0 for the others). The answer key is the library's `exampleCost`.
 */
export const costExercise: FunctionExercise<[number[], number], number> = {
  id: defineExercise("02", "cost(output, label)"),
  what: "cost(output, label), the cost of one example",
  inputs: outputsAndLabels,
  reference: (output, label) => exampleCost(output, label),
  mistakes: [
    {
      wrong: (a, label) => exampleCost(a, label) / 2,
      hint: "no ½ here: the videos' cost is the plain sum of the squares",
    },
    {
      wrong: (a, label) => exampleCost(a, label) / a.length,
      hint: "add the squares up; do not average them over the neurons",
    },
    {
      wrong: (a, label) => a.reduce((s, x, j) => s + Math.abs(x - (j === label ? 1 : 0)), 0),
      hint: "square each difference instead of taking its size",
    },
    {
      wrong: (a) => a.reduce((s, x) => s + x * x, 0),
      hint: "the desired output is 1 for the label's neuron and 0 for the others: subtract it before squaring",
    },
    {
      wrong: (a, label) => a.reduce((s, x, j) => s + (j === label ? (x - 1) ** 2 : 0), 0),
      hint: "every neuron counts, not only the label's: the others should be 0, so add their squares too",
    },
  ],
  otherwise:
    "for each output neuron j, subtract the desired value y_j (1 for the label, 0 otherwise), square, and add them all",
  praise: "This is the library's exampleCost (src/cost.ts); the lesson calls it from here on.",
};

/** Checks the learner's `cost(output, label)` on seeded random inputs against the library's. */
export function checkCostFunction(cost: unknown, print: Print = console.log): void {
  checkFunction(costExercise, cost, print);
}
