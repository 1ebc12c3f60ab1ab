"use strict";
/**
 * Lesson 09's 98% run, timed as a learner runs it: `npx descent train` on full MNIST, 784-100-10, cross-entropy,
 * scaled initialisation, L2 λ = 5, η = 0.1, batch 10, 60 epochs (the README's command), in a process of its
 * own. Returns its wall-clock seconds, last test accuracy, the threads it trained with and its peak RSS.
 */
const path = require("path");
const { spawnSync } = require("child_process");

const args = [
  "--layers",
  "784,100,10",
  "--cost",
  "cross-entropy",
  "--weight-init",
  "scaled",
  "--lambda",
  "5",
  "--eta",
  "0.1",
  "--epochs",
  "60",
];

function run98(mnistDir) {
  const bin = path.join(__dirname, "..", "bin", "descent.js");
  // Prints the process's peak RSS as it exits (the OS's figure, in kB).
  const preload = path.join(__dirname, "rss.js");
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ["-r", preload, bin, "train", "--data", `idx:${mnistDir}`, ...args, "--json"],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) return { error: (result.stderr || "").trim().split("\n").pop() };
  const epochs = result.stdout
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
  const rss = /RSS (\d+)/.exec(result.stderr);
  return {
    command: `npx descent train --data mnist ${args.join(" ")}`,
    seconds,
    epochs: epochs.length,
    testAccuracy: epochs.at(-1)?.testAccuracy ?? null,
    maxRssMB: rss ? Number(rss[1]) / 1024 : null,
  };
}

module.exports = { run98 };
