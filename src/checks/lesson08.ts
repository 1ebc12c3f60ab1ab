import { defineExercise } from "./exercises";
import { Print } from "./check";
import { FunctionExercise, checkFunction } from "./checkFunction";
import { accuracyFromConfusion, accuracyOfEachDigit } from "../evaluate";
import { Random } from "../random";
import { between, listOf, seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const accuracyExerciseId = defineExercise("08", "accuracy from the confusion matrix");
const digitAccuraciesExerciseId = defineExercise("08", "accuracy of each digit");

/**
 * Lesson 08's parameters cell: the ranges its values may take, and their defaults. A learning rate of 100
 * saturates every sigmoid and leaves the network at chance (about 10%) without a NaN. The data experiment trains
 * up to seven more networks (three training sets, three shares of random labels, the smallest set for as many
 * epochs as the main run), each for as many minibatch steps as the main run; its slowest corner (50 epochs of
 * minibatches of 1, three sets of about 50 digits, so thousands of short epochs) bounds epochs, the smallest
 * set and the lists' lengths. 40 full-MNIST epochs keep that cell's two runs under about a minute.
 */
export const lesson08Parameters = {
  seed: seedParameter(1),
  epochs: wholeBetween(30, 1, 50),
  eta: between(3, 0.01, 100),
  batchSize: wholeBetween(10, 1, 8000),
  trainSizes: listOf([250, 1000, 8000], 50, 8000, { integer: true, minLength: 2, maxLength: 3 }),
  corruptShares: listOf([0, 0.2, 0.5], 0, 1, { minLength: 2, maxLength: 3 }),
  fullEpochs: wholeBetween(30, 1, 40),
};

type Confusion = number[][];

/** Confusion matrices to try: the edge cases first (all right, all wrong, one answer for everything), then random counts. */
function confusionCases(random: Random): [Confusion][] {
  const square = (n: number, count: (actual: number, predicted: number) => number): Confusion =>
    Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, p) => count(a, p)));
  const cases: [Confusion][] = [
    [
      [
        [8, 2],
        [1, 9],
      ],
    ],
    [
      [
        [30, 0, 0],
        [5, 10, 0],
        [20, 0, 1],
      ],
    ],
    [square(10, (a, p) => (a === p ? 7 + a : 0))],
    [square(3, (a, p) => (a === p ? 0 : 1 + a + p))],
    [square(4, (a, p) => (p === 2 ? 5 + a : 0))],
  ];
  while (cases.length < 24) {
    const n = random.uniform() < 0.5 ? 10 : 2 + random.int(8);
    // Mostly right, as a trained network's matrix is, with a few counts off the diagonal.
    cases.push([
      square(n, (a, p) => (a === p ? 20 + random.int(200) : random.uniform() < 0.4 ? 1 + random.int(15) : 0)),
    ]);
  }
  return cases;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const diagonal = (c: Confusion) => sum(c.map((row, i) => row[i]));
const all = (c: Confusion) => sum(c.map(sum));

/**
 * Lesson 08, "Your turn": write `accuracyFromConfusion(confusion)`, the share of examples read right: the
 * diagonal confusion[i][i] added up, over the sum of every count. The answer key is the library's
 * `accuracyFromConfusion` (src/evaluate.ts).
 */
export const accuracyExercise: FunctionExercise<[Confusion], number> = {
  id: accuracyExerciseId,
  what: "accuracyFromConfusion(confusion), the share of examples read right",
  inputs: confusionCases,
  reference: accuracyFromConfusion,
  mistakes: [
    {
      wrong: (c) => (all(c) - diagonal(c)) / all(c),
      hint: "that is the error rate, the share off the diagonal: the right answers are on the diagonal, confusion[i][i]",
    },
    {
      wrong: (c) => diagonal(c) / c.length,
      hint: "you divided by the number of classes; divide by the number of examples, the sum of every count in the matrix",
    },
    {
      wrong: (c) => (100 * diagonal(c)) / all(c),
      hint: "that is a percentage; the library gives the share, between 0 and 1",
    },
    {
      wrong: (c) => diagonal(c),
      hint: "that is the number read right; divide it by the number of examples, the sum of every count",
    },
    {
      wrong: (c) => sum(accuracyOfEachDigit(c)) / c.length,
      hint: "that averages each digit's own accuracy, so a rare digit counts as much as a common one; divide the diagonal's sum by the sum of every count instead",
    },
  ],
  otherwise: "add the diagonal confusion[i][i], then divide by the sum of every count in the matrix",
  praise: "This is the library's accuracyFromConfusion (src/evaluate.ts), the accuracy evaluate reports.",
};

/** Checks the learner's `accuracyFromConfusion(confusion)` against the library's. */
export function checkAccuracyFunction(learner: unknown, print: Print = console.log): void {
  checkFunction(accuracyExercise, learner, print);
}

/**
 * Lesson 08, "Your turn": write `accuracyOfEachDigit(confusion)`, for each digit d the share of the examples of
 * d read right: confusion[d][d] over the sum of row d (the examples whose label is d). The answer key is the
 * library's `accuracyOfEachDigit` (src/evaluate.ts). The inputs give every digit at least one example.
 */
export const digitAccuracyExercise: FunctionExercise<[Confusion], number[]> = {
  id: digitAccuraciesExerciseId,
  what: "accuracyOfEachDigit(confusion), each digit's share read right",
  inputs: (random) => confusionCases(random).filter(([c]) => c.every((row) => sum(row) > 0)),
  reference: accuracyOfEachDigit,
  mistakes: [
    {
      wrong: (c) => c.map((_, d) => c[d][d] / sum(c.map((row) => row[d]))),
      hint: "you divided by column d, the examples the network called d; the examples whose label is d are row d: confusion[actual][predicted]",
    },
    {
      wrong: (c) => c.map((row, d) => row[d] / all(c)),
      hint: "you divided by every example; divide by the examples of that digit only, the sum of its row",
    },
    {
      wrong: (c) => c.map((row, d) => (sum(row) - row[d]) / sum(row)),
      hint: "that is each digit's error rate: the right answers are on the diagonal, confusion[d][d]",
    },
    {
      wrong: (c) => c.map((row, d) => row[d]),
      hint: "those are the counts read right; divide each by the sum of its row",
    },
  ],
  otherwise: "for each row d: confusion[d][d] divided by the sum of row d",
  praise: "This is the library's accuracyOfEachDigit (src/evaluate.ts).",
};

/** Checks the learner's `accuracyOfEachDigit(confusion)` against the library's. */
export function checkDigitAccuracies(learner: unknown, print: Print = console.log): void {
  checkFunction(digitAccuracyExercise, learner, print);
}
