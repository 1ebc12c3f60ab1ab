import { defineExercise } from "./exercises";
import { Print, check } from "./check";
import { seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const bestTweakExercise = defineExercise("09", "best tweak");

/** Lesson 09's parameters cell: the ranges its values may take, and their defaults. */
export const lesson09Parameters = {
  seed: seedParameter(1),
  epochs: wholeBetween(20, 1, 60),
  noiseCount: wholeBetween(100, 1, 10000),
  fullEpochs: wholeBetween(30, 1, 60),
};

/**
 * Lesson 09, "Your turn": which setting of the comparison table reached the highest validation accuracy?
 * `accuracies[i]` is the validation accuracy of `names[i]`; when several share the highest, each is right.
 */
export function checkBestTweak(
  names: readonly string[],
  accuracies: readonly number[],
  answer: unknown,
  print: Print = console.log,
): void {
  const highest = Math.max(...accuracies),
    lowest = Math.min(...accuracies);
  const scoreOf = (x: unknown) => accuracies[names.indexOf(x as string)];
  check<unknown>(
    {
      id: bestTweakExercise,
      what: "the setting with the highest validation accuracy",
      isRight: (x) => typeof x === "string" && names.includes(x) && scoreOf(x) === highest,
      mistakes: [
        {
          matches: (x) => typeof x !== "string" || !names.includes(x),
          hint: `answer with one of the names in the table's first column, in quotes, e.g. "${names[0]}"`,
        },
        {
          matches: (x) => scoreOf(x) === lowest,
          hint: "that one has the lowest validation accuracy in the table: look for the largest number",
        },
      ],
      otherwise: "compare the validation-accuracy column and pick the largest",
      praise: "That is the setting you would pick, and only now does it meet the test set.",
    },
    answer,
    print,
  );
}
