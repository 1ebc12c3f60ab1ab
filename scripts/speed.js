#!/usr/bin/env node
// How fast the fast engine trains: examples per second on full MNIST, 784-16-16-10, sigmoid, quadratic cost,
// eta 3, batches of 10 and 100, best of several epochs (the workload). Not a test: timings vary.
//   npm run build && node scripts/speed.js [folder with the MNIST .gz IDX files] [--epochs N] [--engine readable]
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const descent = require("../dist");

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const folder = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")))
  ?? [path.join(__dirname, "..", "data", "mnist"), "/work/shared/datasets/mnist"].find((f) => fs.existsSync(path.join(f, "train-images-idx3-ubyte.gz")));
const epochs = Number(option("--epochs", 5));
const engine = option("--engine", "fast");
if (!folder) {
  console.error("speed: no MNIST found; pass the folder holding train-images-idx3-ubyte.gz and its three siblings");
  process.exit(1);
}

/** An IDX file (gzipped): images as one Uint8Array of bytes, or labels. */
function readIdx(file) {
  const bytes = zlib.gunzipSync(fs.readFileSync(path.join(folder, file)));
  const dims = bytes[3];
  const shape = Array.from({ length: dims }, (_, d) => bytes.readUInt32BE(4 + 4 * d));
  return { shape, values: new Uint8Array(bytes.buffer, bytes.byteOffset + 4 + 4 * dims, shape.reduce((a, b) => a * b, 1)) };
}
function dataset(name, images, labels) {
  const x = readIdx(images), y = readIdx(labels);
  return { name, count: x.shape[0], rows: x.shape[1], cols: x.shape[2], pixels: x.values, labels: y.values };
}
const train = dataset("MNIST training set", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
const test = dataset("MNIST test set", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

console.log(`${engine} engine, ${train.count} images, 784-16-16-10, sigmoid, quadratic cost, eta 3, ${epochs} epochs each; node ${process.version}`);
for (const batchSize of [10, 100]) {
  const net = descent.createNetwork([784, 16, 16, 10], { seed: 1 });
  const reports = descent.train(net, train, { eta: 3, batchSize, epochs, seed: 1, engine, evaluateTraining: false });
  const best = reports.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const accuracy = (engine === "fast" ? descent.fastEvaluate : descent.evaluate)(net, test).accuracy;
  console.log(`batch ${String(batchSize).padStart(3)}: ${Math.round(best.examplesPerSecond / 1000)}k examples/s, best epoch ${best.seconds.toFixed(3)} s ` +
    `(epochs: ${reports.map((r) => r.seconds.toFixed(3)).join(" ")}), test accuracy ${(100 * accuracy).toFixed(2)}%`);
}
console.log(`peak memory (RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
