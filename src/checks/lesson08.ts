import { defineExercise } from "./exercises";
import { Print, check, near } from "./check";
import { between, listOf, seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const accuracyFromConfusionExercise = defineExercise("08", "accuracy from the confusion matrix");

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

/** Lesson 08, "Your turn": the accuracy from a confusion matrix, the diagonal's share of all counts. */
export function checkAccuracyFromConfusion(confusion: number[][], answer: unknown, print: Print = console.log): void {
  const total = confusion.flat().reduce((s, n) => s + n, 0);
  const right = confusion.reduce((s, row, i) => s + row[i], 0);
  check<unknown>({
    id: accuracyFromConfusionExercise,
    what: "the accuracy from the confusion matrix",
    isRight: (x) => near(x, right / total, 1e-9),
    mistakes: [
      { matches: (x) => near(x, (100 * right) / total, 1e-9), hint: "that is a percentage; the library gives the share between 0 and 1" },
      { matches: (x) => near(x, right, 1e-9), hint: "that is the number right; divide by the number of test digits" },
      { matches: (x) => near(x, (total - right) / total, 1e-9), hint: "that is the error rate: the right answers are on the diagonal, confusion[i][i]" },
    ],
    otherwise: "add the diagonal confusion[i][i] and divide by the sum of all counts",
  }, answer, print);
}
