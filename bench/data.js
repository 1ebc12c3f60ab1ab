"use strict";
/**
 * The bench's data: full MNIST when its IDX files are found, else the embedded digits; and the files every
 * trainer reads, so all of them train on the same bytes from the same initial weights in the same order.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const root = path.join(__dirname, "..");
const descent = require("./library");
const idxNames = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

/** The first directory holding the four MNIST IDX files (plain or .gz): $DESCENT_MNIST_DIR, data/mnist, the shared copy. */
function findMnist() {
  const candidates = [process.env.DESCENT_MNIST_DIR, path.join(root, "data", "mnist"), "/work/shared/datasets/mnist"];
  return candidates.find((dir) => dir && idxNames.every((name) => idxFile(dir, name)));
}

function idxFile(dir, name) {
  return [name, name + ".gz"].map((file) => path.join(dir, file)).find((file) => fs.existsSync(file));
}

/** { train, test, source }: Descent Datasets (pixels as bytes) from MNIST when found, else the embedded split. */
function loadData(seed) {
  const dir = findMnist();
  if (!dir) return { ...descent.embeddedSplit({ seed }), source: "embedded digits (full MNIST not found; set DESCENT_MNIST_DIR)" };
  return { ...loadIdx(dir), source: `MNIST from ${dir}`, dir };
}

/** The library's IDX reader once src/data/idx.ts has landed; until then a small one of our own. */
function loadIdx(dir) {
  const library = path.join(root, "dist", "data", "idx.js");
  if (fs.existsSync(library)) return require(library).loadIdxDirectory(dir);
  const read = (name, magic) => {
    const file = idxFile(dir, name);
    let bytes = fs.readFileSync(file);
    if (file.endsWith(".gz")) bytes = zlib.gunzipSync(bytes);
    if (bytes.readUInt32BE(0) !== magic) throw new Error(`${file} is not an IDX file (magic ${bytes.readUInt32BE(0)}, expected ${magic})`);
    return bytes;
  };
  const set = (images, labels, name) => {
    const pixels = read(images, 2051), labelBytes = read(labels, 2049);
    const count = pixels.readUInt32BE(4), rows = pixels.readUInt32BE(8), cols = pixels.readUInt32BE(12);
    // Views into the unzipped bytes, past the headers, so the 47 MB of training pixels are held once.
    const view = (bytes, offset, length) => new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length);
    return { name, count, rows, cols, pixels: view(pixels, 16, count * rows * cols), labels: view(labelBytes, 8, count) };
  };
  return { train: set(idxNames[0], idxNames[1], "MNIST training set"), test: set(idxNames[2], idxNames[3], "MNIST test set") };
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
    "train-pixels.u8": train.pixels, "train-labels.u8": train.labels,
    "test-pixels.u8": test.pixels, "test-labels.u8": test.labels,
    "init.f64": concatFloat64(init), "orders.u32": orders,
  };
  for (const [name, array] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), array);
  const meta = { sizes, eta, seed, epochs, trainCount: train.count, testCount: test.count, rows: train.rows, cols: train.cols, imageSize: train.rows * train.cols };
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta));
  return dir;
}

function concatFloat64(arrays) {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) { out.set(a, at); at += a.length; }
  return out;
}

module.exports = { loadData, writeShared, findMnist, loadIdx };
