import { Dataset } from "../data/dataset";
import { Engine } from "../engines/engine";
import { Network } from "../network";

/** What training tells its `onBatch` callback after each minibatch. */
export interface BatchReport {
  readonly epoch: number;
  readonly batch: number;
  readonly batches: number;
  /** The minibatch's average cost, from its forward pass before the step. */
  readonly cost: number;
  readonly accuracy: number;
}

/** What training tells after each epoch (and keeps in `reports`). */
export interface EpochReport {
  readonly epoch: number;
  /** Average cost over the training set (after the epoch; during it, if evaluateTraining is false). */
  readonly cost: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number | null;
  readonly testCost: number | null;
  readonly examplesPerSecond: number;
  readonly seconds: number;
}

/**
 * The report of epoch `epoch`, whose network is `trained`: the training set's cost and accuracy measured again
 * after the epoch (or, with `evaluateTraining` false, as seen by its minibatches during it, `seen`), the test set's
 * when there is one, and the speed over the `seconds` its steps took.
 */
export function epochReport(
  engine: Engine,
  trained: Network,
  data: Dataset,
  epoch: number,
  seconds: number,
  seen: { cost: number; correct: number },
  options: { test?: Dataset; evaluateTraining?: boolean },
): EpochReport {
  const train = options.evaluateTraining === false ? null : engine.evaluate(trained, data);
  const test = options.test ? engine.evaluate(trained, options.test) : null;
  return {
    epoch,
    cost: train ? train.cost : seen.cost / data.count,
    trainAccuracy: train ? train.accuracy : seen.correct / data.count,
    testAccuracy: test ? test.accuracy : null,
    testCost: test ? test.cost : null,
    examplesPerSecond: data.count / Math.max(seconds, 1e-9),
    seconds,
  };
}
