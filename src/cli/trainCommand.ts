import * as path from "path";
import { Dataset, take } from "../data/dataset";
import { embeddedSplit } from "../data/embedded";
import { loadIdxDirectory } from "../data/idx";
import { loadModel, saveModel } from "../model";
import { Network, createNetwork } from "../network";
import { trainer } from "../sgd";
import { TrainCommand, UsageError } from "./options";
import { progressBar } from "./progress";

/** The training and test sets a command names: the embedded split, data/mnist, or any IDX directory. */
export function loadData(command: Pick<TrainCommand, "data" | "seed" | "trainSize">): { train: Dataset; test: Dataset } {
  let sets: { train: Dataset; test: Dataset };
  if (command.data === "embedded") sets = embeddedSplit({ seed: command.seed });
  else sets = loadIdxDirectory(command.data === "mnist" ? path.join("data", "mnist") : command.data.slice("idx:".length));
  if (command.trainSize !== undefined) {
    if (command.trainSize > sets.train.count) {
      throw new UsageError(`--train-size ${command.trainSize} is more than the ${sets.train.count} training images of ${sets.train.name}; use at most ${sets.train.count}`);
    }
    sets = { train: take(sets.train, command.trainSize), test: sets.test };
  }
  return sets;
}

/** The network to start from: a saved model (--init) or fresh random weights from the seed. */
function startingNetwork(command: TrainCommand, inputSize: number): Network {
  if (!command.init) return createNetwork(command.layers, { activation: command.activation, init: command.weightInit, seed: command.seed });
  const net = loadModel(command.init);
  if (net.sizes[0] !== inputSize) {
    throw new UsageError(`${command.init} has ${net.sizes[0]} inputs but the images have ${inputSize} pixels`);
  }
  return net;
}

const percent = (x: number | null): string => (x === null ? "-" : `${(100 * x).toFixed(2)}%`);

/**
 * Trains as the command says, printing one line per epoch (or one JSON line with --json). Ctrl-C stops
 * training at once; the model of the last finished epoch is then saved, as at the end. (Signals arrive
 * between epochs, when the loop lets the event loop run.)
 */
export async function runTrain(command: TrainCommand, out: (line: string) => void = console.log): Promise<number> {
  const { train: trainSet, test } = loadData(command);
  const net = startingNetwork(command, trainSet.rows * trainSet.cols);
  const bar = progressBar();
  let interrupted = false;
  const onSigint = (): void => { interrupted = true; };
  process.on("SIGINT", onSigint);
  if (!command.json) {
    out(`training ${net.sizes.join("-")} (${net.activation.name}, ${command.cost}) on ${trainSet.count} images of ${trainSet.name}, testing on ${test.count}`);
  }
  const run = trainer(net, trainSet, {
    eta: command.eta, etaFinal: command.etaFinal, batchSize: command.batch, epochs: command.epochs, cost: command.cost, lambda: command.lambda,
    seed: command.seed, shuffle: command.shuffle, engine: command.engine, test,
    onBatch: (b) => {
      if (!command.json) bar.update(b.batch, b.batches, `epoch ${b.epoch}/${command.epochs}  batch ${b.batch}/${b.batches}  cost ${b.cost.toFixed(4)}`);
    },
    onEpoch: (r) => {
      if (command.json) {
        out(JSON.stringify({ epoch: r.epoch, cost: r.cost, trainAccuracy: r.trainAccuracy, testAccuracy: r.testAccuracy, examplesPerSecond: Math.round(r.examplesPerSecond) }));
      } else {
        bar.done(`epoch ${r.epoch}: cost ${r.cost.toFixed(4)}, train ${percent(r.trainAccuracy)}, test ${percent(r.testAccuracy)}, ${Math.round(r.examplesPerSecond).toLocaleString("en-US")} examples/s`);
      }
    },
  });
  try {
    while (!interrupted && run.nextEpoch()) await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("SIGINT", onSigint);
  }
  const reports = run.reports;
  if (command.save && reports.length > 0) {
    saveModel(net, command.save);
    if (!command.json) out(`saved the model of epoch ${reports.length} to ${command.save}`);
  }
  if (interrupted) {
    if (!command.json) out(`stopped by Ctrl-C after ${reports.length} finished epoch(s)`);
    return 130;
  }
  return 0;
}
