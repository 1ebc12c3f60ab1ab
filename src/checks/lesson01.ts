import { defineExercise } from "./exercises";
import { Print, check } from "./check";
import { parameterCount } from "../network";
import { seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const parameterCountExercise = defineExercise("01", "parameter count");

/** Lesson 01's parameters cell: the ranges its values may take, and their defaults (2,000 test digits: 0 to 1,999). */
export const lesson01Parameters = {
  seed: seedParameter(1),
  example: wholeBetween(0, 0, 1999),
};

/** Lesson 01, "Your turn": the number of weights and biases of a network with these layer sizes. */
export function checkParameterCount(sizes: number[], answer: unknown, print: Print = console.log): void {
  let weights = 0,
    biases = 0,
    neurons = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    weights += sizes[l] * sizes[l + 1];
    biases += sizes[l + 1];
  }
  for (const n of sizes) neurons += n;
  check<unknown>(
    {
      id: parameterCountExercise,
      what: `the number of weights and biases of ${sizes.join("-")}`,
      isRight: (x) => x === parameterCount(sizes),
      mistakes: [
        {
          matches: (x) => x === weights,
          hint: "those are only the weights; every neuron after the input layer also has a bias",
        },
        { matches: (x) => x === weights + neurons, hint: "the input neurons have no bias: they just hold the pixels" },
        {
          matches: (x) => x === neurons,
          hint: "that counts neurons; count the connections between neighbouring layers, plus the biases",
        },
      ],
      otherwise:
        "a weight for every pair of neurons in neighbouring layers, and a bias for every neuron after the input layer",
      praise: "Every one of them is a knob that training turns.",
    },
    answer,
    print,
  );
}
