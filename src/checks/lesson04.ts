import { defineExercise } from "./exercises";
import { Print, allNear, check } from "./check";
import { toyFunction } from "../toy/expression";
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
  check<unknown>({
    id: gradientAtExercise,
    what: `the gradient of C(x, y) = 3/2 x² + 1/2 y² at (${x}, ${y})`,
    isRight: (a) => allNear(a, [3 * x, y], 1e-9),
    mistakes: [
      { matches: (a) => allNear(a, [y, 3 * x], 1e-9), hint: "the components are the wrong way round: first ∂C/∂x, then ∂C/∂y" },
      { matches: (a) => allNear(a, [1.5 * x, 0.5 * y], 1e-9), hint: "differentiate x² to 2x: ∂C/∂x = 3/2 · 2x = 3x" },
      { matches: (a) => allNear(a, [1.5 * x * x, 0.5 * y * y], 1e-9), hint: "those are the two terms' values; the gradient holds their derivatives" },
      { matches: (a) => !Array.isArray(a) || a.length !== 2, hint: "answer with two numbers in brackets, [∂C/∂x, ∂C/∂y]" },
    ],
    otherwise: "∂C/∂x = 3x and ∂C/∂y = y",
    praise: `[${3 * x}, ${y}]: here x is ${y === 0 ? "all that matters" : `${(3 * x) / y} times as steep as y`}.`,
  }, answer, print);
}

/** Lesson 04, "Your turn" 2: type a function of x and y whose symbolic and numeric gradients agree at (1, 2). */
export function checkOwnFunction(expression: unknown, print: Print = console.log): void {
  check<unknown>({
    id: ownFunctionExercise,
    what: "a function of x and y whose exact gradient the library can check at (1, 2)",
    isRight: (e) => {
      const f = toyFunction(String(e), 2);
      const exact = f.gradient([1, 2]), numeric = f.numericGradient([1, 2]);
      return f.variables.length === 2 && exact.every(Number.isFinite) && allNear(exact, numeric, 1e-5);
    },
    mistakes: [
      { matches: (e) => typeof e !== "string" || e.trim() === "", hint: 'write the function as text, like "x^2 + 3*x*y"' },
    ],
    otherwise: 'check the spelling: use x and y, powers as x^2, functions like sin(x) or exp(y)',
    praise: "mathjs differentiated it exactly, and the finite differences agree.",
  }, expression, print);
}
