"use strict";
/**
 * How close the fast engine's kernel comes to the machine's f32x4 peak: `node bench/kernel.js [--json]`.
 * The peak is asm/peak.ts, twelve independent multiply-adds in a loop (96 flops a round); the kernel's rate
 * is one `train` call per minibatch (forward pass, BP1-BP4 and the step) on random images, for each of the
 * course's networks and batch sizes, best of several timed spells. FLOPs per example as in report.js.
 */
const path = require("path");
const { readArgsOrExit } = require("../scripts/lib/args");
const { flopsPerExample } = require("./report");
const dist = path.join(__dirname, "..", "dist");
const { createKernel, STEP } = require(path.join(dist, "engines", "fast", "kernel"));
const { holdImages, loadParameters, setBatch } = require(path.join(dist, "engines", "fast", "copy"));
const { kernelBuild } = require(path.join(dist, "engines", "fast", "wasmModule"));
const descent = require("./library");

/** This process's CPU time in ms: unlike the wall clock, it does not count time other processes had the core. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU seconds per call of fn, best of `spells` spells of about `ms` milliseconds each. */
function bestTime(fn, spells = 5, ms = 150) {
  let best = Infinity;
  for (let s = 0; s < spells; s++) {
    let calls = 0;
    const started = cpuMs();
    do {
      fn();
      calls++;
    } while (cpuMs() - started < ms);
    best = Math.min(best, (cpuMs() - started) / 1000 / calls);
  }
  return best;
}

/** GFLOP/s of the peak loop, in its own kernel instance. */
function peakGflops() {
  const k = createKernel([4, 4], false, 1);
  const rounds = 1e6;
  return (rounds * 96) / bestTime(() => k.calls.peak(rounds, 1), 5, 100) / 1e9;
}

/** GFLOP/s and examples/s of training `sizes` at batch m, on 2,000 random images. */
function kernelRate(sizes, m) {
  const count = 2000;
  const random = descent.createRandom(7);
  const pixels = new Uint8Array(count * sizes[0]).map(() => random.int(256));
  const labels = new Uint8Array(count).map(() => random.int(sizes.at(-1)));
  const set = { name: "random", count, rows: 1, cols: sizes[0], pixels, labels };
  const net = descent.createNetwork(sizes, { seed: 1, init: "scaled" });
  const k = createKernel(sizes, false, m);
  loadParameters(k, net);
  holdImages(k, set);
  const order = Uint32Array.from({ length: count }, (_, i) => (i * 7919) % count);
  let at = 0;
  const seconds = bestTime(() => {
    if (at + m > count) at = 0;
    const upcoming = setBatch(k, set, order, at, at + m);
    const { layout } = k;
    k.calls.train(
      layout.table,
      sizes.length - 1,
      m,
      layout.images,
      layout.indices,
      upcoming,
      layout.labels,
      0,
      0,
      -0.01 / m,
      1,
      STEP,
      layout.results,
    );
    at += m;
  });
  const examplesPerSecond = m / seconds;
  return { examplesPerSecond, gflops: (examplesPerSecond * flopsPerExample(sizes)) / 1e9 };
}

const networks = [
  [784, 16, 16, 10],
  [784, 30, 10],
  [784, 100, 10],
  [784, 128, 128, 10],
];
const batches = [1, 10, 100];

function main() {
  const { json } = readArgsOrExit("bench/kernel.js", process.argv.slice(2), { json: { type: "boolean" } }).values;
  const peak = peakGflops();
  const rows = [];
  for (const sizes of networks)
    for (const m of batches) rows.push({ sizes: sizes.join("-"), batch: m, ...kernelRate(sizes, m) });
  const result = { build: kernelBuild(), node: process.version, peakGflops: peak, rows };
  if (json) return console.log(JSON.stringify(result));
  console.log(`${result.build} kernel, Node ${process.version}: f32x4 peak ${peak.toFixed(1)} GFLOP/s (one core)`);
  for (const r of rows) {
    console.log(
      `${r.sizes.padEnd(15)} batch ${String(r.batch).padStart(3)}: ${Math.round(r.examplesPerSecond / 1000)
        .toString()
        .padStart(5)}k examples/s, ` +
        `${r.gflops.toFixed(1).padStart(5)} GFLOP/s, ${((100 * r.gflops) / peak).toFixed(0).padStart(3)}% of peak`,
    );
  }
}

if (require.main === module) main();
module.exports = { peakGflops, kernelRate, networks, batches };
