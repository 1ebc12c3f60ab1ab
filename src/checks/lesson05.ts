import { defineExercise } from "./exercises";
import { Print, check, near } from "./check";
import { seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const sensitivityRatioExercise = defineExercise("05", "sensitivity ratio");
const nudgeDirectionExercise = defineExercise("05", "nudge direction");

/** Lesson 05's parameters cell: the ranges its values may take, and their defaults. */
export const lesson05Parameters = {
  seed: seedParameter(1),
  examples: wholeBetween(100, 1, 500),
  probes: wholeBetween(200, 1, 250),
};

/** Lesson 05, "Your turn" 1: how many times more sensitive is the cost to a weight whose gradient component is a than to one whose component is b? */
export function checkSensitivityRatio(a: number, b: number, answer: unknown, print: Print = console.log): void {
  check<unknown>({
    id: sensitivityRatioExercise,
    what: `how many times more the cost reacts to the weight with component ${a} than to the one with ${b}`,
    isRight: (x) => near(x, a / b, 1e-6),
    mistakes: [
      { matches: (x) => near(x, a - b, 1e-6), hint: "that is the difference; sensitivity compares by ratio: how many times larger" },
      { matches: (x) => near(x, b / a, 1e-6), hint: "that is the ratio the wrong way up: divide the larger by the smaller" },
    ],
    otherwise: `divide the two components: ${a} ÷ ${b}`,
    praise: "The same small nudge changes the cost that many times more.",
  }, answer, print);
}

/** Lesson 05, "Your turn" 2: a parameter's gradient component is g; should descent nudge it up or down? */
export function checkNudgeDirection(g: number, answer: unknown, print: Print = console.log): void {
  const right = g < 0 ? "up" : "down";
  check<unknown>({
    id: nudgeDirectionExercise,
    what: `the nudge of a parameter whose gradient component is ${g}`,
    isRight: (x) => x === right,
    mistakes: [
      { matches: (x) => x === (right === "up" ? "down" : "up"), hint: `the gradient points uphill, towards more cost; descent goes against it, so a ${g < 0 ? "negative" : "positive"} component means ${right}` },
      { matches: (x) => x !== "up" && x !== "down", hint: 'answer with the text "up" or "down"' },
    ],
    otherwise: "go against the sign of the component",
  }, answer, print);
}
