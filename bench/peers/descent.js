"use strict";
/**
 * Descent's own worker, speaking the peers' protocol (serve.js): `node descent.js <shared dir> fast|readable`.
 * Trains with the library's trainer from dist/, exactly as a lesson or the CLI does; the seconds it reports
 * are the trainer's own timing of the minibatch steps, so evaluation is never counted.
 * Also answers {"cmd":"time","trainCount":n,"hidden":h,"batch":b} -> {"seconds": one epoch's steps},
 * for how the time grows with the training-set size and the hidden layers' width, and "grow" (below).
 */
const descent = require("../library");
const { start, serve, fail } = require("./serve");

const shared = start();
const engine = shared.variant;
const { meta } = shared;
const dataset = (set, name) => ({
  name,
  count: set.count,
  rows: meta.rows,
  cols: meta.cols,
  pixels: set.pixels,
  labels: set.labels,
});
const train = dataset(shared.train, "bench training set");
const test = dataset(shared.test, "bench test set");

function initialNetwork(sizes) {
  const net = descent.createNetwork(sizes, { seed: meta.seed });
  if (sizes.join() !== meta.sizes.join()) return net; // the width sweep starts from its own seeded weights
  net.weights.forEach((w, l) => {
    w.data.set(shared.weights[l]);
    net.biases[l].set(shared.biases[l]);
  });
  return net;
}

/** One network per batch size, trained for up to meta.epochs epochs; its shuffles are the shared orders. */
function makeTrainer(batchSize) {
  const net = initialNetwork(meta.sizes);
  const t = descent.trainer(net, train, {
    eta: meta.eta,
    batchSize,
    epochs: meta.epochs,
    seed: meta.seed,
    engine,
    evaluateTraining: false,
  });
  return {
    epoch: () => t.nextEpoch().seconds,
    accuracy: () => descent.evaluate(net, test).accuracy,
  };
}

/** The time of one epoch of a fresh 784-h-h-10 network on the first n training images. */
function time({ trainCount, hidden, batch }) {
  const sizes = [meta.sizes[0], hidden, hidden, meta.sizes[meta.sizes.length - 1]];
  const data = descent.take(train, trainCount);
  const [report] = descent.train(initialNetwork(sizes), data, {
    eta: meta.eta,
    batchSize: batch,
    epochs: 1,
    seed: meta.seed,
    engine,
    evaluateTraining: false,
  });
  return { seconds: report.seconds };
}

/**
 * The growth table's request: one epoch of `sizes` (a network kept between requests, from seeded scaled
 * weights) at `batch` and learning rate `eta` on the first `count` images, with `threads` worker threads, or the library's default
 * when none is given. -> {"seconds": the epoch's steps, "threads": the threads the engine used}
 */
const grown = new Map();
function grow({ sizes, batch, count, threads, eta }) {
  const key = `${sizes.join("-")}/${batch}/${threads ?? "default"}`;
  if (!grown.has(key)) {
    const net = descent.createNetwork(sizes, { seed: meta.seed, init: "scaled" });
    const options = { eta, batchSize: batch, epochs: 1e6, seed: meta.seed, engine, evaluateTraining: false };
    if (threads !== undefined) options.threads = threads;
    grown.set(key, descent.trainer(net, descent.take(train, count), options));
  }
  const t = grown.get(key);
  const report = t.nextEpoch();
  return { seconds: report.seconds, threads: t.threads ?? 1 };
}

try {
  makeTrainer(10); // refuses an engine the library does not have yet
} catch (error) {
  fail(error);
}
serve(shared, `Descent ${require("../../package.json").version}`, makeTrainer, { time, grow });
