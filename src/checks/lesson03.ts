import { defineExercise } from "./exercises";
import { Print, Exercise, check, near } from "./check";
import { gradientDescent } from "../toy/descent";
import { toyFunction } from "../toy/expression";
import { between, seedParameter, text, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const stepDirectionExercise = defineExercise("03", "step direction");
const nextPointExercise = defineExercise("03", "next point");
const learningRateExercise = defineExercise("03", "learning rate");

/** Lesson 03's parameters cell: the ranges its values may take, and their defaults. */
export const lesson03Parameters = {
  seed: seedParameter(1),
  expression: text("x^4 - 3x^2 + x"),
  start: between(2, -2, 2),
  eta: between(0.05, 0.001, 0.5),
  steps: wholeBetween(40, 1, 500),
};

/** Lesson 03, "Your turn" 1: which way does a gradient-descent step go where the slope is `slope`? */
export function checkStepDirection(slope: number, answer: unknown, print: Print = console.log): void {
  const right = slope > 0 ? "left" : "right";
  const exercise: Exercise<unknown> = {
    id: stepDirectionExercise,
    what: `the direction of a step where the slope is ${slope}`,
    isRight: (a) => a === right,
    mistakes: [
      { matches: (a) => a === (right === "left" ? "right" : "left"), hint: `a ${slope > 0 ? "positive" : "negative"} slope means the function ${slope > 0 ? "rises" : "falls"} to the right; step the other way, downhill` },
      { matches: (a) => a !== "left" && a !== "right", hint: `answer with the text "left" or "right"` },
    ],
    otherwise: `step against the slope`,
    praise: "Downhill is always against the slope.",
  };
  check(exercise, answer, print);
}

/** Lesson 03, "Your turn" 2: the point after one step x ← x − η·f'(x). */
export function checkNextPoint(x: number, eta: number, slope: number, answer: unknown, print: Print = console.log): void {
  const expected = x - eta * slope;
  check<unknown>({
    id: nextPointExercise,
    what: `the next point from x = ${x} with η = ${eta} and slope ${slope}`,
    isRight: (a) => near(a, expected, 1e-9),
    mistakes: [
      { matches: (a) => near(a, x + eta * slope, 1e-9), hint: "that steps uphill: subtract η times the slope, do not add it" },
      { matches: (a) => near(a, x - slope, 1e-9), hint: "the step is the slope times the learning rate η, not the slope alone" },
      { matches: (a) => near(a, -eta * slope, 1e-9), hint: "that is only the step; add it to where you are now, x" },
    ],
    otherwise: "use x − η · slope",
    praise: `x = ${expected}.`,
  }, answer, print);
}

/**
 * Lesson 03, "Your turn" 3: pick a learning rate that takes x^4 − 3x^2 + x from `start` to the bottom of a
 * valley within `steps` steps. From x = 2, rates from about 0.016 to 0.08 settle in the valley below the start
 * (the local minimum, x ≈ 1.131); about 0.09 to 0.13 leap over the hump on their first step and settle in the
 * deeper valley (the global minimum, x ≈ −1.301); larger ones bounce between two points or diverge.
 */
export function checkLearningRate(eta: unknown, start = 2, steps = 50, print: Print = console.log): void {
  const f = toyFunction("x^4 - 3x^2 + x", 1);
  const run = (e: unknown) => gradientDescent(f, { start: [start], eta: e as number, steps });
  const usable = typeof eta === "number" && eta > 0;
  const path = usable ? run(eta) : null;
  const end = path ? path.points[path.points.length - 1][0] : 0;
  check<unknown>({
    id: learningRateExercise,
    what: `a learning rate that takes x^4 − 3x^2 + x from x = ${start} to the bottom of a valley in ${steps} steps`,
    isRight: () => path !== null && !path.diverged && Math.abs(path.gradients[path.gradients.length - 1][0]) < 1e-3,
    mistakes: [
      { matches: () => !usable, hint: "the learning rate is a number greater than 0, such as 0.01" },
      { matches: () => path!.diverged !== null, hint: "that rate diverges: the steps overshoot further and further; try a smaller one" },
      { matches: (e) => (e as number) < 0.02, hint: `that rate is too small: after ${steps} steps you are still on the slope; try a larger one` },
    ],
    otherwise: "the steps bounce from wall to wall without settling; try a smaller rate, between 0.02 and 0.08",
    praise: end < 0
      ? `x ends at ${end.toFixed(3)}: your steps leapt over the hump into the deeper valley, the global minimum (luck of the step size, not design).`
      : `x ends at ${end.toFixed(3)}, in the valley below the start: a local minimum.`,
  }, eta, print);
}
