"use strict";
/**
 * The bench's data: full MNIST when its IDX files are found, else the embedded digits; and the files every
 * trainer reads, so all of them train on the same bytes from the same initial weights in the same order.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

const descent = require("./library");
const dist = path.join(__dirname, "..", "dist");
const { hasIdxFiles, loadIdxDirectory } = require(path.join(dist, "data", "idx"));
const { mnistDirectory } = require(path.join(dist, "data", "places"));

/** The folder of full MNIST: $DESCENT_MNIST_DIR when set, else data/mnist (npm run data -- mnist); null without its four IDX files. */
function findMnist() {
  const dir = process.env.DESCENT_MNIST_DIR || mnistDirectory();
  return hasIdxFiles(dir) ? dir : null;
}

/** { train, test, source }: Descent Datasets (pixels as bytes) from MNIST when found, else the embedded split. */
function loadData(seed) {
  const dir = findMnist();
  if (!dir)
    return {
      ...descent.embeddedSplit({ seed }),
      source: "embedded digits (full MNIST not found: npm run data -- mnist, or set DESCENT_MNIST_DIR)",
    };
  return {
    ...loadIdxDirectory(dir),
    source: `MNIST from ${process.env.DESCENT_MNIST_DIR ? "DESCENT_MNIST_DIR" : "data/mnist"}`,
    dir,
  };
}

/**
 * Writes the shared files into a new temporary directory and returns its path:
 *   meta.json                        sizes, eta, counts, epochs
 *   train-pixels.u8, train-labels.u8, test-pixels.u8, test-labels.u8   the bytes, image after image
 *   init.f64                         weights[0], biases[0], weights[1], ... (row-major [out][in], float64)
 *   orders.u32                       the training order of each epoch, epochs × trainCount
 * The orders are the shuffles Descent's trainer makes with the same seed (sgd.ts: one index array,
 * shuffled again before every epoch), so the peers see the examples in Descent's order.
 */
function writeShared({ train, test }, { sizes, eta, seed, epochs }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-bench-"));
  const net = descent.createNetwork(sizes, { seed });
  const init = [];
  net.weights.forEach((w, l) => init.push(w.data, net.biases[l]));
  const orders = new Uint32Array(epochs * train.count);
  const order = new Uint32Array(train.count).map((_, i) => i);
  const random = descent.createRandom(seed);
  for (let e = 0; e < epochs; e++) orders.set(descent.shuffleInPlace(order, random), e * train.count);
  const files = {
    "train-pixels.u8": train.pixels,
    "train-labels.u8": train.labels,
    "test-pixels.u8": test.pixels,
    "test-labels.u8": test.labels,
    "init.f64": concatFloat64(init),
    "orders.u32": orders,
  };
  for (const [name, array] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), array);
  const meta = {
    sizes,
    eta,
    seed,
    epochs,
    trainCount: train.count,
    testCount: test.count,
    rows: train.rows,
    cols: train.cols,
    imageSize: train.rows * train.cols,
  };
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta));
  return dir;
}

function concatFloat64(arrays) {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

module.exports = { loadData, writeShared };
