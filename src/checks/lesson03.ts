import { Print, Exercise, check, near } from "./check";
import { gradientDescent } from "../toy/descent";
import { toyFunction } from "../toy/expression";

/** Lesson 03, "Your turn" 1: which way does a gradient-descent step go where the slope is `slope`? */
export function checkStepDirection(slope: number, answer: unknown, print: Print = console.log): void {
  const right = slope > 0 ? "left" : "right";
  const exercise: Exercise<unknown> = {
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

/** Lesson 03, "Your turn" 3: pick a learning rate that takes x^4 − 3x^2 + x from `start` to a minimum in `steps` steps. */
export function checkLearningRate(eta: unknown, start = 2, steps = 50, print: Print = console.log): void {
  const f = toyFunction("x^4 - 3x^2 + x", 1);
  check<unknown>({
    what: `a learning rate reaching a minimum of x^4 − 3x^2 + x from x = ${start} in ${steps} steps`,
    isRight: (e) => {
      if (typeof e !== "number" || !(e > 0)) return false;
      const path = gradientDescent(f, { start: [start], eta: e, steps });
      return !path.diverged && Math.abs(path.gradients[path.gradients.length - 1][0]) < 1e-3;
    },
    mistakes: [
      { matches: (e) => typeof e !== "number" || !(e > 0), hint: "the learning rate is a number greater than 0, such as 0.01" },
      { matches: (e) => gradientDescent(f, { start: [start], eta: e as number, steps }).diverged !== null, hint: "that rate diverges: the steps overshoot further and further; try a smaller one" },
      { matches: (e) => (e as number) < 0.02, hint: "that rate is too small: after the steps you are still on the slope; try a larger one" },
    ],
    otherwise: "the steps bounce around without settling; try a rate between 0.01 and 0.1",
  }, eta, print);
}
