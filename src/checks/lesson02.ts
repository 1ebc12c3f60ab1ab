import { Print, check, near } from "./check";

/** Lesson 02, "Your turn": the cost of one example, Σ (a_j − y_j)², for outputs a and the digit `label`. */
export function checkExampleCost(output: number[], label: number, answer: unknown, print: Print = console.log): void {
  const y = output.map((_, j) => (j === label ? 1 : 0));
  const squares = output.reduce((s, a, j) => s + (a - y[j]) ** 2, 0);
  check<unknown>({
    what: `the cost of outputs [${output.join(", ")}] for a ${label}`,
    isRight: (x) => near(x, squares, 1e-9),
    mistakes: [
      { matches: (x) => near(x, squares / 2, 1e-9), hint: "no ½ here: the videos' cost is the plain sum of the squares" },
      { matches: (x) => near(x, output.reduce((s, a, j) => s + Math.abs(a - y[j]), 0), 1e-9), hint: "square each difference instead of taking its size" },
      { matches: (x) => near(x, output.reduce((s, a) => s + a * a, 0), 1e-9), hint: `the desired output is 1 for neuron ${label} and 0 for the others: subtract it before squaring` },
      { matches: (x) => near(x, squares / output.length, 1e-9), hint: "add the squares up; do not average them" },
    ],
    otherwise: "for each output, subtract the desired value (1 for the label, 0 otherwise), square, and add them all",
  }, answer, print);
}
