import { defineExercise } from "./exercises";
import { Print, check, near } from "./check";
import { seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const outputNudgeExercise = defineExercise("06", "output nudge");
const weightGradientExercise = defineExercise("06", "weight gradient");

/** Lesson 06's parameters cell: the ranges its values may take, and their defaults. */
export const lesson06Parameters = {
  seed: seedParameter(1),
  digit: wholeBetween(2, 0, 9),
  batchSize: wholeBetween(10, 1, 8000),
};

/** Lesson 06, "Your turn" 1: the desired nudge −∂C/∂a of an output neuron with activation a and desired value y. */
export function checkOutputNudge(a: number, y: number, answer: unknown, print: Print = console.log): void {
  check<unknown>({
    id: outputNudgeExercise,
    what: `the nudge of an output at ${a} that should be ${y}`,
    isRight: (x) => near(x, 2 * (y - a), 1e-9),
    mistakes: [
      { matches: (x) => near(x, y - a, 1e-9), hint: "close: the cost is (a − y)² with no ½ in front, so its derivative carries a factor 2" },
      { matches: (x) => near(x, 2 * (a - y), 1e-9), hint: "that is ∂C/∂a, which points uphill; the nudge is its opposite, −∂C/∂a" },
      { matches: (x) => near(x, (a - y) ** 2, 1e-9), hint: "that is the cost itself; the nudge is minus its derivative" },
    ],
    otherwise: "differentiate C = (a − y)² with respect to a, then take the opposite",
    praise: "Proportional to how far the output is from its target.",
  }, answer, print);
}

/** Lesson 06, "Your turn" 2: ∂C/∂w for a weight carrying activation aPrev into a neuron whose error is delta (BP4). */
export function checkWeightGradient(delta: number, aPrev: number, answer: unknown, print: Print = console.log): void {
  check<unknown>({
    id: weightGradientExercise,
    what: `∂C/∂w for a weight from an activation of ${aPrev} into a neuron with error δ = ${delta}`,
    isRight: (x) => near(x, delta * aPrev, 1e-9),
    mistakes: [
      { matches: (x) => near(x, delta, 1e-9), hint: "that is the bias's gradient (BP3); a weight's is scaled by the activation it carries (BP4)" },
      { matches: (x) => near(x, aPrev, 1e-9), hint: "multiply the activation by the neuron's error δ" },
      { matches: (x) => aPrev !== 0 && near(x, delta / aPrev, 1e-9), hint: "multiply, do not divide: a brighter input gives more bang for the buck" },
    ],
    otherwise: "BP4: ∂C/∂w = a(previous) · δ",
  }, answer, print);
}
