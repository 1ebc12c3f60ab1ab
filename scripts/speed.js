#!/usr/bin/env node
// How fast the fast engine trains: examples per second on full MNIST, 784-16-16-10, sigmoid, quadratic cost,
// eta 3, batches of 10 and 100, best of several epochs (the workload). Not a test: timings vary.
//   npm run build && node scripts/speed.js [MNIST folder] [--epochs 5] [--batch 10] [--engine fast|readable]
// The folder holds the four IDX files (plain or .gz); by default data/mnist, then the shared copy.
const path = require("path");
const dist = path.join(__dirname, "..", "dist");
const { hasIdxFiles, loadIdxDirectory } = require(path.join(dist, "data", "idx"));
const { createNetwork } = require(path.join(dist, "network"));
const { train } = require(path.join(dist, "sgd"));
const { evaluate } = require(path.join(dist, "evaluate"));
const { fastEvaluate } = require(path.join(dist, "fast"));

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const folder = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")))
  ?? [path.join(__dirname, "..", "data", "mnist"), "/work/shared/datasets/mnist"].find(hasIdxFiles);
const epochs = Number(option("--epochs", 5));
const engine = option("--engine", "fast");
const batchSizes = args.includes("--batch") ? [Number(option("--batch"))] : [10, 100];
if (!folder) {
  console.error("speed: no MNIST found; pass the folder holding train-images-idx3-ubyte(.gz) and its three siblings (npm run data -- mnist)");
  process.exit(1);
}

const data = loadIdxDirectory(folder);
console.log(`${engine} engine, ${data.train.count} images, 784-16-16-10, sigmoid, quadratic cost, eta 3, ${epochs} epochs each; node ${process.version}`);
for (const batchSize of batchSizes) {
  const net = createNetwork([784, 16, 16, 10], { seed: 1 });
  const reports = train(net, data.train, { eta: 3, batchSize, epochs, seed: 1, engine, evaluateTraining: false });
  const best = reports.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const started = performance.now();
  const accuracy = (engine === "fast" ? fastEvaluate : evaluate)(net, data.test).accuracy;
  console.log(`batch ${String(batchSize).padStart(3)}: ${Math.round(best.examplesPerSecond / 1000)}k examples/s, best epoch ${best.seconds.toFixed(3)} s ` +
    `(epochs: ${reports.map((r) => r.seconds.toFixed(3)).join(" ")}); test accuracy ${(100 * accuracy).toFixed(2)}% ` +
    `(evaluated in ${(performance.now() - started).toFixed(0)} ms)`);
}
console.log(`peak memory (RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
