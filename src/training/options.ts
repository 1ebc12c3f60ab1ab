import { CostName, costNamed } from "../cost";
import { Dataset, checkDatasetFits } from "../data/dataset";
import { EngineName } from "../engines/engines";
import { InputError } from "../errors/learnerError";
import { checkNonNegative, checkPositive, checkWholeNumber } from "../errors/validate";
import { Network } from "../network";
import { BatchReport, EpochReport } from "./reports";

/** How to train: the hyperparameters of minibatch SGD (lesson 07) and of its refinements (lesson 09). */
export interface TrainOptions {
  /** The learning rate η: how far each step moves against the gradient. */
  eta: number;
  /** When given, η shrinks geometrically from `eta` in the first epoch to `etaFinal` in the last ("annealing"):
   *  big steps while far from a minimum, small ones to settle into it. */
  etaFinal?: number;
  /** Examples per minibatch: 1, 10, 100, or the whole set for full-batch gradient descent. */
  batchSize: number;
  epochs: number;
  cost?: CostName;
  /** L2 regularisation λ: each step also shrinks weights by a factor 1 − η·λ/n. Default 0. */
  lambda?: number;
  /** Seeds the shuffles (the network's initial weights have their own seed). */
  seed?: number;
  /** Shuffle before each epoch (default true); false keeps the data's own order. */
  shuffle?: boolean;
  /** "fast" (the WebAssembly kernel, f32; the default) or "readable" (the lesson's code, f64). */
  engine?: EngineName;
  /** The fast engine's threads, each taking a share of every minibatch (1 to 64); by default as many of the
   *  cores as help at this network and batch size (one for small batches). The readable engine uses one. */
  threads?: number;
  /** Evaluated after every epoch when given. */
  test?: Dataset;
  /** Also evaluate the whole training set after each epoch (default true). */
  evaluateTraining?: boolean;
  /** Called after each minibatch; return "stop" to end training now (the unfinished epoch is dropped). */
  onBatch?: (report: BatchReport) => void | "stop";
  /** Called after each epoch; return "stop" to end training there. */
  onEpoch?: (report: EpochReport) => void | "stop";
}

/** Refuses bad hyperparameters up front, each with its allowed range. */
export function checkTrainOptions(net: Network, data: Dataset, options: TrainOptions): void {
  // The data first: a set of no images is a data problem, not a batch size that does not fit it.
  checkDatasetFits(net.sizes, data);
  if (options.test) checkDatasetFits(net.sizes, options.test);
  checkPositive("the learning rate eta", options.eta, " (try 0.1 to 3)");
  if (options.etaFinal !== undefined) checkPositive("the final learning rate etaFinal", options.etaFinal);
  checkWholeNumber("the batch size", options.batchSize, 1, Math.max(1, data.count));
  checkWholeNumber("the number of epochs", options.epochs, 1);
  checkNonNegative("the L2 strength lambda", options.lambda ?? 0);
  // L2 shrinks each weight by 1 − ηλ/n per step: at ηλ/n ≥ 1 it would flip every weight past zero.
  const shrink = (options.eta * (options.lambda ?? 0)) / data.count;
  if (shrink >= 1) {
    const most = Math.floor((data.count / options.eta) * 0.99 * 1000) / 1000;
    throw new InputError(
      `the L2 strength lambda = ${options.lambda} with eta = ${options.eta} and ${data.count} images would shrink every weight past zero at each step (ηλ/n = ${shrink.toPrecision(3)}, it must stay below 1); use lambda below ${most}`,
    );
  }
  costNamed(options.cost ?? "quadratic");
}

// #region anneal
/** η in epoch `epoch` (1 to epochs): constant, or annealed from `eta` in the first epoch to `etaFinal` in the last,
 *  shrinking by the same factor every epoch: η_e = η (η_final / η)^((e − 1) / (E − 1)). */
export function etaOfEpoch(options: Pick<TrainOptions, "eta" | "etaFinal" | "epochs">, epoch: number): number {
  const { eta, etaFinal, epochs } = options;
  return etaFinal === undefined || epochs === 1 ? eta : eta * (etaFinal / eta) ** ((epoch - 1) / (epochs - 1));
}
// #endregion

// #region l2
/** L2: every step multiplies each weight by 1 − ηλ/n (n: the training images), then takes the gradient step:
 *  w ← (1 − ηλ/n) w − η ∇C. The engine's step does both (decay); biases are not shrunk. */
export function weightDecay(eta: number, lambda: number, trainingImages: number): number {
  return 1 - (eta * lambda) / trainingImages;
}
// #endregion
