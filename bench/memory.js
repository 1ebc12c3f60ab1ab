"use strict";
/**
 * Peak memory of a Descent training run, measured in a process of its own: `node memory.js fast|readable`.
 * Loads MNIST from its IDX files as a learner's run does, trains 784-16-16-10 for one epoch at batch 10 with
 * the training and test sets evaluated after it, and prints {"maxRssMB": ...} (the OS's peak resident set).
 */
const { readArgsOrExit } = require("../scripts/lib/args");
const { loadData } = require("./data");
const descent = require("./library");

const { positionals } = readArgsOrExit("bench/memory.js", process.argv.slice(2), {}, { positionals: true });
if (positionals.length !== 1) {
  console.error("bench/memory.js: name one engine, as in `node bench/memory.js fast` (or readable)");
  process.exit(2);
}
const [engine] = positionals;
const { train, test } = loadData(1);
const net = descent.createNetwork([784, 16, 16, 10], { seed: 1 });
descent.train(net, train, { eta: 3, batchSize: 10, epochs: 1, engine, test });
console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, trainCount: train.count }));
