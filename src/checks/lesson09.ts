import { Print, check } from "./check";

/** Lesson 09, "Your turn": which setting of the comparison table reached the highest test accuracy? */
export function checkBestTweak(names: string[], accuracies: number[], answer: unknown, print: Print = console.log): void {
  const best = names[accuracies.indexOf(Math.max(...accuracies))];
  const worst = names[accuracies.indexOf(Math.min(...accuracies))];
  check<unknown>({
    what: "the setting with the highest test accuracy",
    isRight: (x) => x === best,
    mistakes: [
      { matches: (x) => x === worst, hint: "that one has the lowest accuracy in the table: look for the largest number" },
      { matches: (x) => typeof x !== "string" || !names.includes(x), hint: `answer with one of the names in the table's first column, in quotes, e.g. "${names[0]}"` },
    ],
    otherwise: "compare the test-accuracy column and pick the largest",
  }, answer, print);
}
