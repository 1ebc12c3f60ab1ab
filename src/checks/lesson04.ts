import { defineExercise } from "./exercises";
import { Print, allNear, check } from "./check";
import { FunctionExercise, checkFunction } from "./checkFunction";
import { descentStep } from "../toy/descent";
import { ToyFunction, toyFunction } from "../toy/expression";
import { Random } from "../random";
import { between, listOf, seedParameter, text, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const gradientAtExercise = defineExercise("04", "gradient at a point");
const ownFunctionExercise = defineExercise("04", "your own function");

/** Lesson 04's parameters cell: the ranges its values may take, and their defaults. */
export const lesson04Parameters = {
  seed: seedParameter(1),
  expression: text("3/2 x^2 + 1/2 y^2"),
  start: listOf([1, 1], -2, 2, { minLength: 2, maxLength: 2 }),
  eta: between(0.2, 0.001, 1),
  steps: wholeBetween(30, 1, 500),
};

/** Lesson 04, "Your turn" 1: the gradient of C(x, y) = 3/2 x² + 1/2 y² at a point, by hand. */
export function checkGradientAt(point: [number, number], answer: unknown, print: Print = console.log): void {
  const [x, y] = point;
  check<unknown>(
    {
      id: gradientAtExercise,
      what: `the gradient of C(x, y) = 3/2 x² + 1/2 y² at (${x}, ${y})`,
      isRight: (a) => allNear(a, [3 * x, y], 1e-9),
      mistakes: [
        {
          matches: (a) => allNear(a, [y, 3 * x], 1e-9),
          hint: "the components are the wrong way round: first ∂C/∂x, then ∂C/∂y",
        },
        { matches: (a) => allNear(a, [1.5 * x, 0.5 * y], 1e-9), hint: "differentiate x² to 2x: ∂C/∂x = 3/2 · 2x = 3x" },
        {
          matches: (a) => allNear(a, [1.5 * x * x, 0.5 * y * y], 1e-9),
          hint: "those are the two terms' values; the gradient holds their derivatives",
        },
        {
          matches: (a) => !Array.isArray(a) || a.length !== 2,
          hint: "answer with two numbers in brackets, [∂C/∂x, ∂C/∂y]",
        },
      ],
      otherwise: "∂C/∂x = 3x and ∂C/∂y = y",
      praise: `[${3 * x}, ${y}]: here x is ${y === 0 ? "all that matters" : `${(3 * x) / y} times as steep as y`}.`,
    },
    answer,
    print,
  );
}

/** Lesson 04, "Your turn" 2: type a function of x and y whose symbolic and numeric gradients agree at (1, 2). */
export function checkOwnFunction(expression: unknown, print: Print = console.log): void {
  check<unknown>(
    {
      id: ownFunctionExercise,
      what: "a function of x and y whose exact gradient the library can check at (1, 2)",
      isRight: (e) => {
        const f = toyFunction(String(e), 2);
        const exact = f.gradient([1, 2]),
          numeric = f.numericGradient([1, 2]);
        return f.variables.length === 2 && exact.every(Number.isFinite) && allNear(exact, numeric, 1e-5);
      },
      mistakes: [
        {
          matches: (e) => typeof e !== "string" || e.trim() === "",
          hint: 'write the function as text, like "x^2 + 3*x*y"',
        },
      ],
      otherwise: "check the spelling: use x and y, powers as x^2, functions like sin(x) or exp(y)",
      praise: "mathjs differentiated it exactly, and the finite differences agree.",
    },
    expression,
    print,
  );
}

/** Random numbers rounded to a few digits, so that an input reads well in a message. */
const rounded = (x: number, digits = 3): number => Number(x.toFixed(digits));

type StepArgs = [point: number[], eta: number, gradient: number[]];

/**
 * Lesson 04, "Your turn": write `step(point, eta, gradient)`, one step of gradient descent in two dimensions,
 * point − η·gradient, as a new point. The answer key is the library's `descentStep` (src/toy/descent.ts).
 */
export const step2dExercise: FunctionExercise<StepArgs, number[]> = {
  id: defineExercise("04", "the 2-D step"),
  what: "step(point, eta, gradient), one step of gradient descent in 2-D",
  inputs: (random: Random) => {
    // Edge cases first: the lesson's (1, 1) with gradient (3, 1); a zero gradient; one zero component; then random.
    const cases: StepArgs[] = [
      [[1, 1], 0.2, [3, 1]],
      [[0.5, -1], 0.1, [0, 0]],
      [[-1.8, 0.5], 0.095, [-0.18, 10]],
      [[2, -2], 0.05, [0, -4]],
    ];
    const coordinate = () => rounded(4 * random.uniform() - 2);
    while (cases.length < 24)
      cases.push([
        [coordinate(), coordinate()],
        rounded(0.001 + random.uniform()),
        [rounded(20 * random.uniform() - 10), rounded(20 * random.uniform() - 10)],
      ]);
    return cases;
  },
  reference: (point, eta, gradient) => descentStep(point, eta, gradient),
  mistakes: [
    {
      wrong: (p, eta, g) => [p[0] + eta * g[0], p[1] + eta * g[1]],
      hint: "that steps uphill: the gradient points up, so subtract η times it",
    },
    {
      wrong: (p, eta, g) => [p[0] - eta * g[1], p[1] - eta * g[0]],
      hint: "the components are swapped: x moves by η·∂C/∂x (gradient[0]) and y by η·∂C/∂y (gradient[1])",
    },
    {
      wrong: (_p, eta, g) => [-eta * g[0], -eta * g[1]],
      hint: "that is only the step, −η·gradient; add it to the point",
    },
    {
      wrong: (p, _eta, g) => [p[0] - g[0], p[1] - g[1]],
      hint: "multiply the gradient by the learning rate η before subtracting it",
    },
  ],
  otherwise: "return [point[0] − eta · gradient[0], point[1] − eta · gradient[1]]",
  praise: "This is the library's descentStep (src/toy/descent.ts), the step gradientDescent takes.",
};

/** Checks the learner's 2-D `step(point, eta, gradient)` against the library's descentStep. */
export function checkStep2d(step: unknown, print: Print = console.log): void {
  checkFunction(step2dExercise, step, print);
}

type DifferencesArgs = [C: ToyFunction, point: number[], h: number];

/** A function's value one nudge of h away from `point` along `axis` (0 for x, 1 for y), for the wrong versions. */
const nudged = (C: ToyFunction, point: number[], axis: number, h: number): number =>
  C.value(point.map((v, i) => (i === axis ? v + h : v)));

/** The landscapes the differences are tried on: the lesson's bowl, the narrow valley, and curved, mixed ones. */
const landscapes = [
  "3/2 x^2 + 1/2 y^2",
  "1/20 x^2 + 10 y^2",
  "x^2 + 3*x*y",
  "sin(x) * cos(y)",
  "x^3 - y^2 * x",
  "exp(x/2) + y^4",
];

/**
 * Lesson 04, "Your turn": write `gradientByDifferences(C, point, h)`, the gradient by central differences,
 * [(C(x+h, y) − C(x−h, y)) / 2h, (C(x, y+h) − C(x, y−h)) / 2h]. The answer key is the library's
 * `numericGradient` (src/toy/expression.ts). The inputs use h from 0.001 to 0.1, large enough that a forward
 * difference or a missing 2 is far off, while the right formula agrees with the library's to rounding
 * (about 10^-16 · |C| / h, far below the tolerance of 10^-9).
 */
export const differencesExercise: FunctionExercise<DifferencesArgs, number[]> = {
  id: defineExercise("04", "the gradient by central differences"),
  what: "gradientByDifferences(C, point, h), the gradient by central differences",
  inputs: (random: Random) => {
    const functions = new Map<string, ToyFunction>();
    const fn = (expression: string) =>
      functions.get(expression) ?? functions.set(expression, toyFunction(expression, 2)).get(expression)!;
    // The lesson's point (1, 1) first, then the bottom of the bowl (a zero gradient), then random points and h.
    const cases: DifferencesArgs[] = [
      [fn(landscapes[0]), [1, 1], 0.01],
      [fn(landscapes[0]), [0, 0], 0.01],
      [fn("x^2 + 3*x*y"), [1, 2], 0.1],
    ];
    const coordinate = () => rounded(4 * random.uniform() - 2, 2);
    while (cases.length < 24)
      cases.push([
        fn(landscapes[random.int(landscapes.length)]),
        [coordinate(), coordinate()],
        [0.001, 0.01, 0.1][random.int(3)],
      ]);
    return cases;
  },
  reference: (C, point, h) => C.numericGradient(point, h),
  tolerance: 1e-9,
  mistakes: [
    {
      wrong: (C, p, h) => [0, 1].map((i) => (nudged(C, p, i, h) - C.value(p)) / h),
      hint: "that is a forward difference, (C(x+h) − C(x)) / h; nudge both ways, (C(x+h) − C(x−h)) / 2h, which is far more accurate",
    },
    {
      wrong: (C, p, h) => [0, 1].map((i) => (nudged(C, p, i, h) - nudged(C, p, i, -h)) / h),
      hint: "the two nudges are 2h apart: divide by 2h, not h",
    },
    {
      wrong: (C, p, h) => [1, 0].map((i) => (nudged(C, p, i, h) - nudged(C, p, i, -h)) / (2 * h)),
      hint: "the components are swapped: first nudge x for ∂C/∂x, then y for ∂C/∂y",
    },
    {
      wrong: (C, p, h) => [0, 1].map((i) => (nudged(C, p, i, -h) - nudged(C, p, i, h)) / (2 * h)),
      hint: "the sign is flipped: subtract C(x−h) from C(x+h), not the other way round",
    },
    {
      wrong: (C, p, h) => [0, 1].map(() => (C.value([p[0] + h, p[1] + h]) - C.value([p[0] - h, p[1] - h])) / (2 * h)),
      hint: "nudge one coordinate at a time: moving x and y together measures the slope along the diagonal",
    },
  ],
  describe: (C, point, h) => `C = ${C.expression} at (${point.join(", ")}), h = ${h}`,
  otherwise:
    "for each coordinate, nudge it by +h and by −h (the other one unchanged), subtract the two values of C and divide by 2h",
  praise:
    "This is the library's numericGradient (src/toy/expression.ts), which the lesson used above to confirm mathjs's exact gradient.",
};

/** Checks the learner's `gradientByDifferences(C, point, h)` against the library's numericGradient. */
export function checkGradientByDifferences(gradientByDifferences: unknown, print: Print = console.log): void {
  checkFunction(differencesExercise, gradientByDifferences, print);
}
