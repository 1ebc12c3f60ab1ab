"use strict";
/**
 * The 98% runs of 784-100-10 on full MNIST, timed as a learner runs them: `npx descent train` (cross-entropy,
 * scaled initialisation, L2 λ = 5, batch 10) in a process of its own. `lesson09` is lesson 09's run (η annealed
 * from 0.5 to 0.05 over 30 epochs, its fullOptions); `constantRate` the README's 60 epochs at Nielsen's η = 0.1.
 * The CLI also measures the training set after every epoch, which the lesson skips. Returns the wall-clock
 * seconds, last test accuracy and peak RSS.
 */
const path = require("path");
const { spawnSync } = require("child_process");

const common = ["--layers", "784,100,10", "--cost", "cross-entropy", "--weight-init", "scaled", "--lambda", "5"];
const settings = {
  lesson09: [...common, "--eta", "0.5", "--eta-final", "0.05", "--epochs", "30"],
  constantRate: [...common, "--eta", "0.1", "--epochs", "60"],
};

function run98(mnistDir, which = "lesson09") {
  const args = settings[which];
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
