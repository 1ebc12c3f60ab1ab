import { Dataset } from "./data/dataset";
import { Engine } from "./engines/engine";
import { minibatchBounds, minibatchCount } from "./minibatches";
import { Random, shuffleInPlace } from "./random";

/**
 * Minibatch stochastic gradient descent (lesson 07). The true gradient needs every training example;
 * SGD shuffles the examples, cuts them into minibatches, and takes one quick, slightly wrong step per
 * minibatch: the stumbling walker who gets downhill sooner than the careful one.
 * This file is that loop, one epoch of it; training/trainer.ts runs it epoch after epoch, with the
 * learning-rate schedule, the reports and the rules that stop a diverging run.
 */

/** What one step saw: its minibatch's summed cost and how many examples the network got right before the step. */
export interface Minibatch {
  readonly batch: number;
  readonly batches: number;
  /** Examples in this minibatch (the last one of an epoch may hold fewer). */
  readonly size: number;
  readonly cost: number;
  readonly correct: number;
}

// #region epoch
/**
 * One epoch: shuffle the order of the examples (unless `random` is null), cut it into minibatches of `batchSize`,
 * and take one gradient-descent step on each, w ← decay · w − (η/m) Σ_x ∇C_x. It yields after every step,
 * so that its caller can report, pause (a notebook redraws) or stop between two steps.
 */
export function* epochSteps(
  engine: Engine,
  data: Dataset,
  order: Uint32Array,
  { batchSize, eta, decay, random }: { batchSize: number; eta: number; decay: number; random: Random | null },
): Generator<Minibatch, void, void> {
  if (random) shuffleInPlace(order, random);
  const batches = minibatchCount(data.count, batchSize);
  for (let batch = 0; batch < batches; batch++) {
    const [start, end] = minibatchBounds(batch, batchSize, data.count);
    engine.step(data, order, start, end, eta, decay);
    yield { batch: batch + 1, batches, size: end - start, cost: engine.batch.cost, correct: engine.batch.correct };
  }
}
// #endregion
