import { CostName } from "../cost";
import { Dataset } from "../data/dataset";
import { Network } from "../network";

/**
 * An engine carries out SGD steps. The readable engine (readable.ts) is the lesson's code, example by example;
 * the fast engine (fast.ts) does the same arithmetic in WebAssembly as matrix products over a batch.
 * Both keep their own copy of the parameters while they train and write it back with `store`, so the
 * network a learner holds is always the one from the last finished epoch. Every engine is made the same way,
 * from the network and `EngineOptions`, and listed by name in engines.ts.
 */
export interface Engine {
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
  /** How `net` does on `data` (accuracy and average cost), computed the engine's way: what training reports each epoch. */
  evaluate(net: Network, data: Dataset): { accuracy: number; cost: number };
  /** The threads the engine trains with. */
  readonly threads: number;
}

/** What every engine is made from, besides the network. */
export interface EngineOptions {
  cost: CostName;
  /** Examples per minibatch, so the engine can size its buffers once. */
  batchSize: number;
  /** Threads to train with, where the engine can use several (the fast engine); by default those that help. */
  threads?: number;
}

/** How an engine is made: `engines.ts` lists one of these per engine. */
export type MakeEngine = (net: Network, options: EngineOptions) => Engine;
