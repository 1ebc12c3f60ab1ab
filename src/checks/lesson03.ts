import { defineExercise } from "./exercises";
import { Print, Exercise, check, near } from "./check";
import { FunctionExercise, checkFunction } from "./checkFunction";
import { descentStep, gradientDescent } from "../toy/descent";
import { ToyFunction, toyFunction } from "../toy/expression";
import { Random } from "../random";
import { plural } from "../text/format";
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
      {
        matches: (a) => a === (right === "left" ? "right" : "left"),
        hint: `a ${slope > 0 ? "positive" : "negative"} slope means the function ${slope > 0 ? "rises" : "falls"} to the right; step the other way, downhill`,
      },
      { matches: (a) => a !== "left" && a !== "right", hint: `answer with the text "left" or "right"` },
    ],
    otherwise: `step against the slope`,
    praise: "Downhill is always against the slope.",
  };
  check(exercise, answer, print);
}

/** Lesson 03, "Your turn" 2: the point after one step x ← x − η·f'(x). */
export function checkNextPoint(
  x: number,
  eta: number,
  slope: number,
  answer: unknown,
  print: Print = console.log,
): void {
  const expected = x - eta * slope;
  check<unknown>(
    {
      id: nextPointExercise,
      what: `the next point from x = ${x} with η = ${eta} and slope ${slope}`,
      isRight: (a) => near(a, expected, 1e-9),
      mistakes: [
        {
          matches: (a) => near(a, x + eta * slope, 1e-9),
          hint: "that steps uphill: subtract η times the slope, do not add it",
        },
        {
          matches: (a) => near(a, x - slope, 1e-9),
          hint: "the step is the slope times the learning rate η, not the slope alone",
        },
        { matches: (a) => near(a, -eta * slope, 1e-9), hint: "that is only the step; add it to where you are now, x" },
      ],
      otherwise: "use x − η · slope",
      praise: `x = ${expected}.`,
    },
    answer,
    print,
  );
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
  check<unknown>(
    {
      id: learningRateExercise,
      what: `a learning rate that takes x^4 − 3x^2 + x from x = ${start} to the bottom of a valley in ${steps} steps`,
      isRight: () => path !== null && !path.diverged && Math.abs(path.gradients[path.gradients.length - 1][0]) < 1e-3,
      mistakes: [
        { matches: () => !usable, hint: "the learning rate is a number greater than 0, such as 0.01" },
        {
          matches: () => path!.diverged !== null,
          hint: "that rate diverges: the steps overshoot further and further; try a smaller one",
        },
        {
          matches: (e) => (e as number) < 0.02,
          hint: `that rate is too small: after ${steps} steps you are still on the slope; try a larger one`,
        },
      ],
      otherwise: "the steps bounce from wall to wall without settling; try a smaller rate, between 0.02 and 0.08",
      praise:
        end < 0
          ? `x ends at ${end.toFixed(3)}: your steps leapt over the hump into the deeper valley, the global minimum (luck of the step size, not design).`
          : `x ends at ${end.toFixed(3)}, in the valley below the start: a local minimum.`,
    },
    eta,
    print,
  );
}

/** Random numbers rounded to a few digits, so that an input reads well in a message. */
const rounded = (x: number, digits = 3): number => Number(x.toFixed(digits));

/**
 * Lesson 03, "Your turn": write `step(x, eta, slope)`, one step of gradient descent, x − η·slope. The answer key
 * is the library's `descentStep` (src/toy/descent.ts), which gradientDescent takes at every step.
 */
export const stepExercise: FunctionExercise<[number, number, number], number> = {
  id: defineExercise("03", "step(x, eta, slope)"),
  what: "step(x, eta, slope), one step of gradient descent",
  inputs: (random: Random) => {
    // Edge cases first: a zero slope (no move), a negative slope (move right), a tiny rate; then random ones.
    const cases: [number, number, number][] = [
      [2, 0.1, 4],
      [1.5, 0.05, 0],
      [-1, 0.1, -3],
      [2, 0.001, 21],
    ];
    while (cases.length < 24)
      cases.push([
        rounded(4 * random.uniform() - 2),
        rounded(0.5 * random.uniform() + 0.001),
        rounded(40 * random.uniform() - 20),
      ]);
    return cases;
  },
  reference: (x, eta, slope) => descentStep([x], eta, [slope])[0],
  mistakes: [
    { wrong: (x, eta, slope) => x + eta * slope, hint: "that steps uphill: subtract η times the slope, do not add it" },
    {
      wrong: (x, _eta, slope) => x - slope,
      hint: "the step is the slope times the learning rate η, not the slope alone",
    },
    {
      wrong: (_x, eta, slope) => -eta * slope,
      hint: "that is only the step, −η·slope; add it to where you are now, x",
    },
    {
      wrong: (x, eta, slope) => x - eta / slope,
      hint: "multiply by the slope, do not divide: a steeper slope makes a longer step",
    },
  ],
  otherwise: "return x − eta · slope",
  praise: "This is the library's descentStep (src/toy/descent.ts), the step gradientDescent takes.",
};

/** Checks the learner's `step(x, eta, slope)` against the library's descentStep. */
export function checkStep(step: unknown, print: Print = console.log): void {
  checkFunction(stepExercise, step, print);
}

type DescendArgs = [f: ToyFunction, start: number, eta: number, steps: number];

/**
 * Wrong versions of the descent loop, for the hints: `keep` says what happens to a point that ran off or is not a
 * number, `growingRule` whether ten rising values in a row stop it, `sign` which way it steps.
 */
function wrongDescend(
  f: ToyFunction,
  start: number,
  eta: number,
  steps: number,
  {
    keepBadPoint = false,
    stopOnBadPoint = true,
    growingRule = true,
    sign = -1,
    withStart = true,
    stepCount = steps,
  } = {},
): number[] {
  const xs = [start];
  let growing = 0;
  for (let n = 1; n <= stepCount; n++) {
    const x = xs[xs.length - 1];
    const next = x + sign * eta * f.gradient([x])[0];
    const bad =
      !Number.isFinite(next) ||
      !Number.isFinite(f.value([next])) ||
      !Number.isFinite(f.gradient([next])[0]) ||
      Math.abs(next) > 1e8;
    if (bad && stopOnBadPoint && !keepBadPoint) break;
    growing = f.value([next]) > f.value([x]) ? growing + 1 : 0;
    xs.push(next);
    if (bad && keepBadPoint) break;
    if (growingRule && growing >= 10) break;
  }
  return withStart ? xs : xs.slice(1);
}

/** The functions the loop is tried on: the lesson's, plain bowls, a wavy one and one with no bottom at all. */
const loopFunctions = ["x^4 - 3x^2 + x", "x^2", "3x^2", "sin(3x) + x^2/2", "x^4"];

/**
 * Lesson 03, "Your turn": write `descend(f, start, eta, steps)`, the whole loop: the path [x0, x1, ...] from
 * x0 = start, one step x ← x − η f'(x) at a time, stopped as the library stops it when descent diverges. The
 * answer key is the library's gradientDescent (src/toy/descent.ts): the same points and the same last step.
 */
export const descendExercise: FunctionExercise<DescendArgs, number[]> = {
  id: defineExercise("03", "the descent loop"),
  what: "descend(f, start, eta, steps), the path of gradient descent",
  inputs: (random: Random) => {
    const functions = new Map<string, ToyFunction>();
    const fn = (expression: string) =>
      functions.get(expression) ?? functions.set(expression, toyFunction(expression, 1)).get(expression)!;
    const cases: DescendArgs[] = [
      // Edge cases first, in an order where each typical mistake first fails in its own way.
      [fn("x^4 - 3x^2 + x"), 2, 0.05, 1], // one step
      [fn("x^2"), 0, 0.1, 5], // a zero slope: descent stays where it is
      [fn("x^4 - 3x^2 + x"), 2, 0.05, 40], // the lesson's defaults: settles in the valley below the start
      [fn("x^4"), 3, 1, 50], // runs off past 10^8 at step 3
      [fn("-exp(x)"), 2, 100, 5], // no bottom: f(x) stops being a finite number at step 1
      [fn("x^2"), 1, 1.1, 40], // overshoots more each time: f grows 10 steps in a row
    ];
    while (cases.length < 24) {
      const expression = loopFunctions[random.int(loopFunctions.length)];
      cases.push([
        fn(expression),
        rounded(4 * random.uniform() - 2, 2),
        rounded(0.001 + 0.4 * random.uniform() ** 2),
        1 + random.int(60),
      ]);
    }
    return cases;
  },
  reference: (f, start, eta, steps) => gradientDescent(f, { start: [start], eta, steps }).points.map((p) => p[0]),
  mistakes: [
    {
      wrong: (f, start, eta, steps) => wrongDescend(f, start, eta, steps, { sign: +1 }),
      hint: "that walks uphill: each step is x − η·f'(x), against the slope",
    },
    {
      wrong: (f, start, eta, steps) => wrongDescend(f, start, eta, steps, { withStart: false }),
      hint: "the path begins with the start point itself, x0 = start, and then one point per step",
    },
    {
      wrong: (f, start, eta, steps) => wrongDescend(f, start, eta, steps, { stepCount: steps - 1 }),
      hint: "take `steps` steps: the path has steps + 1 points, the start and one per step",
    },
    {
      wrong: (f, start, eta, steps) => wrongDescend(f, start, eta, steps, { stepCount: steps + 1 }),
      hint: "take `steps` steps, not one more: the path has steps + 1 points, the start and one per step",
    },
    {
      wrong: (f, start, eta, steps) => wrongDescend(f, start, eta, steps, { keepBadPoint: true }),
      hint: "leave out the point that ran off: stop before adding a point beyond 10^8, or where f or f' is not a finite number",
    },
    {
      wrong: (f, start, eta, steps) => wrongDescend(f, start, eta, steps, { growingRule: false }),
      hint: "f grew for 10 steps in a row here: the library calls that divergence and stops after the tenth (keeping it)",
    },
    {
      wrong: (f, start, eta, steps) =>
        wrongDescend(f, start, eta, steps, { stopOnBadPoint: false, growingRule: false }),
      hint: "descent diverged here and your loop went on; stop as the library does (the rules above the cell)",
    },
  ],
  describe: (f, start, eta, steps) => `f(x) = ${f.expression}, start ${start}, eta ${eta}, ${plural(steps, "step")}`,
  otherwise:
    "start the path with [start]; then for each of `steps` steps compute next = step(x, eta, f'(x)), stop if it is not finite, beyond 10^8, or f or f' is not finite there, else add it; stop after f has grown 10 steps in a row",
  praise:
    "Your loop finds the same points as the library's gradientDescent (src/toy/descent.ts) and stops at the same step when descent diverges.",
};

/** Checks the learner's `descend(f, start, eta, steps)` against the library's gradientDescent. */
export function checkDescend(descend: unknown, print: Print = console.log): void {
  checkFunction(descendExercise, descend, print);
}
