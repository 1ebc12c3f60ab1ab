import { defineExercise } from "./exercises";
import { Print, check } from "./check";
import { between, listOf, seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const fasterLabelsExercise = defineExercise("10", "faster labels");

/** Lesson 10's parameters cell: the ranges its values may take, and their defaults. The sizes bound the run
 *  time: at any one edge (5,000 shuffled images, 300 epochs, 512 hidden neurons, three sizes of 1,500 or 5,000
 *  epochs to fit) a run stays under about a minute. At least 10 images each: the minibatches hold 10. */
export const lesson10Parameters = {
  seed: seedParameter(1),
  zhangSize: wholeBetween(1000, 10, 5000),
  zhangEpochs: wholeBetween(150, 1, 300),
  hidden: wholeBetween(256, 1, 512),
  arpitSizes: listOf([250, 500, 1000], 10, 1500, { integer: true, minLength: 1, maxLength: 3 }),
  target: between(0.9, 0.1, 1),
  maxEpochs: wholeBetween(3000, 1, 5000),
};

/** Lesson 10, "Your turn": which labels did the network fit in fewer epochs, "real" or "random"? */
export function checkFasterLabels(answer: unknown, print: Print = console.log): void {
  check<unknown>(
    {
      id: fasterLabelsExercise,
      what: "which labels are fitted in fewer epochs",
      isRight: (x) => x === "real",
      mistakes: [
        {
          matches: (x) => x === "random",
          hint:
            "look at the table again: the random labels needed many more epochs to reach the same training " +
            "accuracy",
        },
        { matches: (x) => x !== "real" && x !== "random", hint: 'answer with the text "real" or "random"' },
      ],
      otherwise: 'answer "real" or "random"',
      praise: "Structure is found fast; memorising noise takes long, and longer the more there is to memorise.",
    },
    answer,
    print,
  );
}
