import { Dataset } from "../data/dataset";
import { Network } from "../network";

/**
 * An engine carries out SGD steps. The readable engine below is the lesson's code, example by example;
 * the fast engine (fast.ts) does the same arithmetic in WebAssembly as matrix products over a batch.
 * Both keep their own copy of the parameters while they train and write it back with `store`, so the
 * network a learner holds is always the one from the last finished epoch.
 */
export interface Engine {
  readonly name: EngineName;
  /** Takes the network's weights and biases as the starting point. */
  load(net: Network): void;
  /**
   * One gradient-descent step on the minibatch order[start..end) of `data`:
   *   w ← decay · w − (eta / m) Σ_x ∂C_x/∂w,   b ← b − (eta / m) Σ_x ∂C_x/∂b
   * (decay is 1 without L2 regularisation). Afterwards `batch` holds the summed cost of those examples
   * and how many the network got right, both from the forward pass before the step.
   */
  step(data: Dataset, order: Uint32Array, start: number, end: number, eta: number, decay: number): void;
  readonly batch: { cost: number; correct: number };
  /** Writes the engine's weights and biases into `net`. */
  store(net: Network): void;
}

export type EngineName = "fast" | "readable";
