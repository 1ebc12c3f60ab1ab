import { Dataset } from "../data/dataset";
import { makeEngine } from "../engines/engines";
import { Network, cloneNetwork } from "../network";
import { createRandom } from "../random";
import { Minibatch, epochSteps } from "../sgd";
import { DivergenceError, divergenceWatch } from "./divergence";
import { TrainOptions, checkTrainOptions, etaOfEpoch, weightDecay } from "./options";
import { EpochReport, epochReport } from "./reports";

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
  const cost = options.cost ?? "quadratic";
  const engine = makeEngine(options.engine ?? "fast", net, {
    cost,
    batchSize: options.batchSize,
    threads: options.threads,
  });
  const watch = divergenceWatch(net, data);
  const random = options.shuffle === false ? null : createRandom(options.seed ?? 1);
  const order = Uint32Array.from({ length: data.count }, (_, i) => i);
  const reports: EpochReport[] = [];
  let finished = false;
  // The epoch under way (null between epochs), its η, what its minibatches saw, and the milliseconds it trained.
  let epoch: Generator<Minibatch, void, void> | null = null;
  let eta = options.eta,
    seen = { cost: 0, correct: 0 },
    trainingMs = 0,
    batches = 0;

  const stop = <T>(value: T): T => {
    finished = true;
    engine.load(net); // forget the unfinished epoch
    return value;
  };

  const advance = (ms = Infinity): EpochReport | "running" | null => {
    const number = reports.length + 1;
    if (finished || number > options.epochs) return null;
    if (!epoch) {
      eta = etaOfEpoch(options, number);
      const decay = weightDecay(eta, options.lambda ?? 0, data.count);
      epoch = epochSteps(engine, data, order, { batchSize: options.batchSize, eta, decay, random });
      seen = { cost: 0, correct: 0 };
      trainingMs = 0;
    }
    const started = performance.now();
    for (let next = epoch.next(); !next.done; next = epoch.next()) {
      const minibatch = next.value;
      batches = minibatch.batches;
      const why = watch.afterStep(number, minibatch.batch, minibatch.cost, eta);
      if (why) throw stop(why);
      seen.cost += minibatch.cost;
      seen.correct += minibatch.correct;
      const report = {
        epoch: number,
        batch: minibatch.batch,
        batches,
        cost: minibatch.cost / minibatch.size,
        accuracy: minibatch.correct / minibatch.size,
      };
      if (options.onBatch?.(report) === "stop") return stop(null);
      if (minibatch.batch % 16 === 0 && performance.now() - started > ms) {
        trainingMs += performance.now() - started;
        return "running";
      }
    }
    epoch = null;
    const seconds = (trainingMs + performance.now() - started) / 1000;
    const trained = cloneNetwork(net);
    engine.store(trained);
    const wrecked = watch.afterEpochNetwork(number, batches, trained, eta);
    if (wrecked) throw stop(wrecked);
    const report = epochReport(engine, trained, data, number, seconds, seen, options);
    const rising = watch.afterEpochCost(number, batches, report.cost, eta);
    if (rising) throw stop(rising);
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
  return { advance, nextEpoch, reports, threads: engine.threads };
}

/** Trains `net` in place with minibatch SGD, all epochs at once, and returns one report per epoch. */
export function train(net: Network, data: Dataset, options: TrainOptions): EpochReport[] {
  const t = trainer(net, data, options);
  while (t.nextEpoch()) {
    /* each call trains one epoch */
  }
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
    while (t.nextEpoch()) {
      /* each call trains one epoch */
    }
  } catch (error) {
    if (!(error instanceof DivergenceError)) throw error;
    return { reports: [...t.reports], diverged: error.message };
  }
  return { reports: [...t.reports], diverged: null };
}
