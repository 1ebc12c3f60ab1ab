import { InputError } from "./errors/learnerError";
import { DivergenceError, allFinite, diverged, isDestroyed, outputSpread } from "./training/divergence";
import { CostName, costNamed } from "./cost";
import { Dataset, checkDatasetFits } from "./data/dataset";
import { Engine, EngineName } from "./engines/engine";
import { readableEngine } from "./engines/readable";
import { evaluate } from "./evaluate";
import { fastEngine, fastEvaluate } from "./engines/fast";
import { minibatchBounds, minibatchCount } from "./minibatches";
import { Network, cloneNetwork } from "./network";
import { createRandom, shuffleInPlace } from "./random";
import { checkNonNegative, checkPositive, checkWholeNumber } from "./errors/validate";

/**
 * Minibatch stochastic gradient descent (lesson 07). The true gradient needs every training example;
 * SGD shuffles the examples, cuts them into minibatches, and takes one quick, slightly wrong step per
 * minibatch: the stumbling walker who gets downhill sooner than the careful one.
 */
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

export interface BatchReport {
  readonly epoch: number;
  readonly batch: number;
  readonly batches: number;
  /** The minibatch's average cost, from its forward pass before the step. */
  readonly cost: number;
  readonly accuracy: number;
}

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

type EngineOptions = Required<Pick<TrainOptions, "cost" | "batchSize">> & Pick<TrainOptions, "threads">;

const engines: Record<EngineName, ((net: Network, options: EngineOptions) => Engine) | undefined> = {
  readable: (net, o) => readableEngine(net, costNamed(o.cost)),
  fast: (net, o) => fastEngine(net, o),
};

/** Lets fast.ts plug in the WebAssembly engine without sgd.ts loading it for every lesson. */
export function registerEngine(name: EngineName, make: (net: Network, options: EngineOptions) => Engine): void {
  engines[name] = make;
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
    throw new InputError(`the L2 strength lambda = ${options.lambda} with eta = ${options.eta} and ${data.count} images would shrink every weight past zero at each step (ηλ/n = ${shrink.toPrecision(3)}, it must stay below 1); use lambda below ${most}`);
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

/**
 * Minibatch SGD that can pause: `advance(ms)` trains minibatches until an epoch ends or about `ms`
 * milliseconds have passed, so a notebook can redraw and notice Kernel > Interrupt in between.
 * It returns the epoch's report when one finished, "running" when it paused mid-epoch, and null once every
 * epoch is done or a callback said "stop" (a stopped epoch is thrown away).
 * The learner's network is updated only at the end of each finished epoch, so stopping early, or an
 * interrupt, leaves the last finished epoch's network. If training diverges advance throws a
 * DivergenceError and the network keeps the last good epoch.
 */
export interface Trainer {
  advance(ms?: number): EpochReport | "running" | null;
  /** Trains one whole epoch: advance() until it ends. */
  nextEpoch(): EpochReport | null;
  readonly reports: readonly EpochReport[];
  /** The threads the engine trains with. */
  readonly threads: number;
}

export function trainer(net: Network, data: Dataset, options: TrainOptions): Trainer {
  checkTrainOptions(net, data, options);
  const { batchSize, epochs } = options;
  const cost = options.cost ?? "quadratic";
  let eta = options.eta;
  let decay = 1;
  const make = engines[options.engine ?? "fast"];
  if (!make) throw new InputError(`the "${options.engine}" engine is not available; use engine: "readable"`);
  const engine = make(net, { cost, batchSize, threads: options.threads });
  engine.load(net);

  const startSpread = outputSpread(net, data);
  const random = createRandom(options.seed ?? 1);
  const order = new Uint32Array(data.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const batches = minibatchCount(data.count, batchSize);
  const reports: EpochReport[] = [];
  let rising = 0;
  let finished = false;
  // Where the current epoch stands (batch === 0: not started yet).
  let batch = 0, seenCost = 0, seenCorrect = 0, trainingMs = 0;

  const stop = <T>(value: T): T => {
    finished = true;
    engine.load(net); // forget the unfinished epoch
    return value;
  };

  const advance = (ms = Infinity): EpochReport | "running" | null => {
    const epoch = reports.length + 1;
    if (finished || epoch > epochs) return null;
    if (batch === 0) {
      eta = etaOfEpoch(options, epoch);
      // #region l2
      // L2: every step multiplies each weight by 1 − ηλ/n (n: the training images), then takes the gradient step:
      // w ← (1 − ηλ/n) w − η ∇C. The engine's step does both (decay); biases are not shrunk.
      decay = 1 - (eta * (options.lambda ?? 0)) / data.count;
      // #endregion
      if (options.shuffle !== false) shuffleInPlace(order, random);
      seenCost = 0;
      seenCorrect = 0;
      trainingMs = 0;
    }
    const started = performance.now();
    for (; batch < batches; batch++) {
      if (batch % 16 === 0 && performance.now() - started > ms) {
        trainingMs += performance.now() - started;
        return "running";
      }
      const [start, end] = minibatchBounds(batch, batchSize, data.count);
      engine.step(data, order, start, end, eta, decay);
      const batchCost = engine.batch.cost;
      if (!Number.isFinite(batchCost)) throw stop(diverged(epoch, batch + 1, "the cost became " + batchCost, eta));
      seenCost += batchCost;
      seenCorrect += engine.batch.correct;
      if (options.onBatch) {
        const m = end - start;
        if (options.onBatch({ epoch, batch: batch + 1, batches, cost: batchCost / m, accuracy: engine.batch.correct / m }) === "stop") return stop(null);
      }
    }
    batch = 0;
    const seconds = (trainingMs + performance.now() - started) / 1000;
    const trained = cloneNetwork(net);
    engine.store(trained);
    if (!allFinite(trained)) throw stop(diverged(epoch, batches, "a weight became infinite", eta));
    if (isDestroyed(trained, data, startSpread)) {
      throw stop(diverged(epoch, batches, "the network was destroyed: its outputs no longer depend on the image (its neurons saturated), so it gives every digit the same answer", eta));
    }
    // The fast engine also evaluates fast: 60,000 readable forward passes would take longer than the epoch.
    const measure = (set: Dataset) => (engine.name === "fast" ? fastEvaluate : evaluate)(trained, set, costNamed(cost));
    const train = options.evaluateTraining === false ? null : measure(data);
    const test = options.test ? measure(options.test) : null;
    const report: EpochReport = {
      epoch,
      cost: train ? train.cost : seenCost / data.count,
      trainAccuracy: train ? train.accuracy : seenCorrect / data.count,
      testAccuracy: test ? test.accuracy : null,
      testCost: test ? test.cost : null,
      examplesPerSecond: data.count / Math.max(seconds, 1e-9),
      seconds,
    };
    const previous = reports[reports.length - 1];
    rising = previous && report.cost > previous.cost * 1.05 ? rising + 1 : 0;
    if (!Number.isFinite(report.cost)) throw stop(diverged(epoch, batches, "the cost became " + report.cost, eta));
    if (rising >= 10) throw stop(diverged(epoch, batches, "the cost grew by over 5% in each of 10 epochs in a row", eta));
    engine.store(net); // only a good epoch reaches the learner's network
    reports.push(report);
    if (options.onEpoch?.(report) === "stop") finished = true;
    return report;
  };

  const nextEpoch = (): EpochReport | null => {
    let result = advance();
    while (result === "running") result = advance();
    return result;
  };
  return { advance, nextEpoch, reports, threads: (engine as { threads?: number }).threads ?? 1 };
}

/** Trains `net` in place with minibatch SGD, all epochs at once, and returns one report per epoch. */
export function train(net: Network, data: Dataset, options: TrainOptions): EpochReport[] {
  const t = trainer(net, data, options);
  while (t.nextEpoch()) { /* each call trains one epoch */ }
  return [...t.reports];
}

/** What `trainAsFarAsItGoes` returns: the finished epochs' reports, and the divergence sentence if it stopped on one. */
export interface TrainingRun {
  readonly reports: EpochReport[];
  readonly diverged: string | null;
}

/**
 * `train` for an experiment whose values may make training diverge (a lesson's learning rate at the edge of its
 * range): it stops where training diverged, the network keeping its last good epoch, and returns the epochs done
 * and the sentence saying what happened, instead of throwing it.
 */
export function trainAsFarAsItGoes(net: Network, data: Dataset, options: TrainOptions): TrainingRun {
  const t = trainer(net, data, options);
  try {
    while (t.nextEpoch()) { /* each call trains one epoch */ }
  } catch (error) {
    if (!(error instanceof DivergenceError)) throw error;
    return { reports: [...t.reports], diverged: error.message };
  }
  return { reports: [...t.reports], diverged: null };
}

export { DivergenceError } from "./training/divergence";
