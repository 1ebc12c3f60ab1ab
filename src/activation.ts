import { InputError } from "./errors/learnerError";
/**
 * Activation functions: what a neuron does with its weighted sum z = w · a + b.
 * `f` is the function and `prime` its derivative, both of z. Each is plain data, safe to pass around.
 */
export interface Activation {
  readonly name: ActivationName;
  readonly f: (z: number) => number;
  readonly prime: (z: number) => number;
}

export type ActivationName = "sigmoid" | "relu";

/**
 * σ(z) = 1 / (1 + e^(−z)), squashing any z into (0, 1).
 * Written so that e^x never overflows: for z < 0 it uses the equal form e^z / (1 + e^z).
 */
export function sigmoidOf(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export const sigmoid: Activation = {
  name: "sigmoid",
  f: sigmoidOf,
  // σ'(z) = σ(z)(1 − σ(z))
  prime: (z) => {
    const s = sigmoidOf(z);
    return s * (1 - s);
  },
};

/** ReLU(z) = max(0, z): the "rectified linear unit" most modern networks use. */
export const relu: Activation = {
  name: "relu",
  f: (z) => (z > 0 ? z : 0),
  prime: (z) => (z > 0 ? 1 : 0),
};

export const activations: Readonly<Record<ActivationName, Activation>> = { sigmoid, relu };

export function activationNamed(name: string): Activation {
  if (name === "sigmoid" || name === "relu") return activations[name];
  throw new InputError(`unknown activation "${name}"; use "sigmoid" or "relu"`);
}
