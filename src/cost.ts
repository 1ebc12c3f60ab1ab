import { InputError } from "./errors/learnerError";
/**
 * Cost functions: how bad the network's output a is for one example whose desired output is y.
 *
 * The quadratic cost is the videos' definition: the sum of the squared differences, with NO factor 1/2,
 *   C = Σ_j (a_j − y_j)²,   so ∂C/∂a_j = 2 (a_j − y_j).
 * (Nielsen's book uses ½ Σ (a_j − y_j)²; its derivative is half of ours, so a learning rate eta here
 * takes the same steps as 2·eta in his code.)
 *
 * Cross-entropy is the first "tweak" of lesson 09: C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]. With a
 * sigmoid output its error δ = ∂C/∂z is simply a − y, so a saturated neuron that is wrong still learns fast.
 */
export interface Cost {
  readonly name: CostName;
  /** The cost of one output neuron with activation a and desired value y; summed over neurons for C. */
  readonly term: (a: number, y: number) => number;
  /** ∂C/∂a for one output neuron. */
  readonly derivative: (a: number, y: number) => number;
  /** δ = ∂C/∂z for one sigmoid output neuron, given its activation a = σ(z) (σ'(z) = a(1 − a)). */
  readonly delta: (a: number, y: number) => number;
}

export type CostName = "quadratic" | "cross-entropy";

export const quadratic: Cost = {
  name: "quadratic",
  term: (a, y) => (a - y) * (a - y),
  derivative: (a, y) => 2 * (a - y),
  delta: (a, y) => 2 * (a - y) * a * (1 - a),
};

// Keeps ln() away from 0 when a sigmoid rounds to exactly 0 or 1 in floating point.
const EPSILON = 1e-12;
const clampUnit = (a: number): number => (a < EPSILON ? EPSILON : a > 1 - EPSILON ? 1 - EPSILON : a);

export const crossEntropy: Cost = {
  name: "cross-entropy",
  term: (a, y) => {
    const p = clampUnit(a);
    return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
  },
  derivative: (a, y) => {
    const p = clampUnit(a);
    return (p - y) / (p * (1 - p));
  },
  delta: (a, y) => a - y,
};

export const costs: Readonly<Record<CostName, Cost>> = { quadratic, "cross-entropy": crossEntropy };

export function costNamed(name: string): Cost {
  if (name === "quadratic" || name === "cross-entropy") return costs[name];
  throw new InputError(`unknown cost "${name}"; use "quadratic" or "cross-entropy"`);
}

/** The desired output for a digit: 1 for its own neuron, 0 for the others ("one-hot"). */
export function desiredOutput(label: number, classes = 10): Float64Array {
  const y = new Float64Array(classes);
  y[label] = 1;
  return y;
}

/** The cost of one example: C = Σ_j term(a_j, y_j), with y the one-hot vector of `label`. */
export function exampleCost(output: ArrayLike<number>, label: number, cost: Cost = quadratic): number {
  let sum = 0;
  for (let j = 0; j < output.length; j++) sum += cost.term(output[j], j === label ? 1 : 0);
  return sum;
}
