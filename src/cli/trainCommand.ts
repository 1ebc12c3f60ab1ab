import * as fs from "fs";
import { Dataset, take } from "../data/dataset";
import { embeddedSplit } from "../data/embedded";
import { loadIdxDirectory } from "../data/idx";
import { mnistDirectory } from "../data/places";
import { loadModel } from "../io/model";
import { checkTrainingFits } from "../errors/memory";
import { DivergenceError } from "../training/divergence";
import { trainer } from "../training/trainer";
import { checkSavePath, saveOrFallBack } from "./savePath";
import { StopRequest, exitCodeOf, listenForStop } from "./stopSignals";
import { Network, createNetwork } from "../network";
import { TrainCommand, UsageError } from "./options";
import { progressBar } from "./progress";

/** The training and test sets a command names: the embedded split, data/mnist, or any IDX directory. */
export function loadData(command: Pick<TrainCommand, "data" | "seed" | "trainSize">): {
  train: Dataset;
  test: Dataset;
} {
  let sets: { train: Dataset; test: Dataset };
  if (command.data === "embedded") sets = embeddedSplit({ seed: command.seed });
  else sets = loadIdxDirectory(command.data === "mnist" ? mnistDirectory() : command.data.slice("idx:".length));
  if (command.trainSize !== undefined) {
    if (command.trainSize > sets.train.count) {
      throw new UsageError(
        `--train-size ${command.trainSize} is more than the ${sets.train.count} training images of ${sets.train.name}; use at most ${sets.train.count}`,
      );
    }
    sets = { train: take(sets.train, command.trainSize), test: sets.test };
  }
  return sets;
}

/** The network to start from: a saved model (--init, whose own layers and activation are used) or fresh random weights. */
function startingNetwork(command: TrainCommand, inputSize: number, note: (line: string) => void): Network {
  if (!command.init)
    return createNetwork(command.layers, {
      activation: command.activation,
      init: command.weightInit,
      seed: command.seed,
    });
  const net = loadModel(command.init);
  if (net.sizes[0] !== inputSize) {
    throw new UsageError(`${command.init} has ${net.sizes[0]} inputs but the images have ${inputSize} pixels`);
  }
  const ignored = ["--layers", "--activation", "--weight-init"].filter((flag) => command.given?.includes(flag));
  if (ignored.length) {
    note(
      `note: ${ignored.join(", ")} ${ignored.length > 1 ? "are" : "is"} not used with --init: training goes on from ${command.init}'s own ${net.sizes.join("-")} ${net.activation.name} network`,
    );
  }
  return net;
}

const percent = (x: number | null): string => (x === null ? "-" : `${(100 * x).toFixed(2)}%`);

/**
 * Trains as the command says, printing one line per epoch (or one JSON line with --json). Everything that can
 * be refused is refused before training (flags, data, memory, the --save path). Ctrl-C, SIGTERM or SIGHUP stop
 * training within a fraction of a second (it trains in slices of 200 ms and listens in between) and the last
 * finished epoch is saved. A run that diverges saves its last good epoch only where no model was saved before.
 */
export async function runTrain(
  command: TrainCommand,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const stop = listenForStop(err); // from the start: a signal while the data loads stops before training
  try {
    return await trainAndSave(command, stop, out, err);
  } finally {
    stop.release();
  }
}

async function trainAndSave(
  command: TrainCommand,
  stop: StopRequest,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (command.save !== undefined) checkSavePath(command.save);
  const { train: trainSet, test } = loadData(command);
  const pixels = trainSet.rows * trainSet.cols;
  if (command.batch > trainSet.count) {
    throw new UsageError(
      `--batch ${command.batch} is more than the ${trainSet.count} training images of ${trainSet.name}; use at most ${trainSet.count}`,
    );
  }
  if (!command.init) checkTrainingFits(command.layers, trainSet.count + test.count, pixels);
  const net = startingNetwork(command, pixels, err);
  checkTrainingFits(net.sizes, trainSet.count + test.count, pixels);
  const hadModel = command.save !== undefined && fs.existsSync(command.save);
  const bar = progressBar();
  if (!command.json) {
    out(
      `training ${net.sizes.join("-")} (${net.activation.name}, ${command.cost}) on ${trainSet.count} images of ${trainSet.name}, testing on ${test.count}`,
    );
  }
  const run = trainer(net, trainSet, {
    eta: command.eta,
    etaFinal: command.etaFinal,
    batchSize: command.batch,
    epochs: command.epochs,
    cost: command.cost,
    lambda: command.lambda,
    seed: command.seed,
    shuffle: command.shuffle,
    engine: command.engine,
    threads: command.threads,
    test,
    onBatch: (b) => {
      if (!command.json)
        bar.update(
          b.batch,
          b.batches,
          `epoch ${b.epoch}/${command.epochs}  batch ${b.batch}/${b.batches}  cost ${b.cost.toFixed(4)}`,
        );
    },
    onEpoch: (r) => {
      if (command.json) {
        out(
          JSON.stringify({
            epoch: r.epoch,
            cost: r.cost,
            trainAccuracy: r.trainAccuracy,
            testAccuracy: r.testAccuracy,
            examplesPerSecond: Math.round(r.examplesPerSecond),
          }),
        );
      } else {
        bar.done(
          `epoch ${r.epoch}: cost ${r.cost.toFixed(4)}, train ${percent(r.trainAccuracy)}, test ${percent(r.testAccuracy)}, ${Math.round(r.examplesPerSecond).toLocaleString("en-US")} examples/s`,
        );
      }
    },
  });
  let divergence: DivergenceError | null = null;
  try {
    // Slices of 200 ms with the event loop free in between: that is when a signal's handler runs.
    while (stop.signal === null && run.advance(200) !== null) await new Promise((resolve) => setImmediate(resolve));
  } catch (error) {
    if (!(error instanceof DivergenceError)) throw error;
    divergence = error;
  }
  const epochs = run.reports.length;
  const what = `the model of epoch ${epochs}`;
  if (divergence) {
    err(`descent: ${divergence.message}`);
    if (command.save !== undefined) {
      if (epochs === 0) err(`nothing was saved: no epoch finished before training diverged`);
      else if (hadModel) err(`nothing was saved: ${command.save} keeps the model it held before this run`);
      else err(saveOrFallBack(net, command.save, `${what}, the last good one,`));
    }
    return 1;
  }
  if (command.save !== undefined) {
    if (epochs === 0) err(`nothing was saved: no epoch finished`);
    else (stop.signal ? err : command.json ? err : out)(saveOrFallBack(net, command.save, what));
  }
  if (stop.signal) {
    err(
      `stopped by ${stop.signal === "SIGINT" ? "Ctrl-C" : stop.signal} after ${epochs} finished epoch${epochs === 1 ? "" : "s"}`,
    );
    return exitCodeOf(stop.signal);
  }
  return 0;
}
