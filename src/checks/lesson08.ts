import { Print, check, near } from "./check";

/** Lesson 08, "Your turn": the accuracy from a confusion matrix, the diagonal's share of all counts. */
export function checkAccuracyFromConfusion(confusion: number[][], answer: unknown, print: Print = console.log): void {
  const total = confusion.flat().reduce((s, n) => s + n, 0);
  const right = confusion.reduce((s, row, i) => s + row[i], 0);
  check<unknown>({
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
