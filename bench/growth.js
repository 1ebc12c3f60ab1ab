"use strict";
/**
 * How the cost of training grows (issue 20): the course's networks at batch sizes 1, 10 and 100 (sigmoid,
 * quadratic cost, eta 0.5), Descent at one
 * thread and at its default against numpy float32 and PyTorch (hand-written and nn), each peer at one thread and
 * at every core. Every setting is one epoch over the first n training images (n below), asked of every trainer
 * in turn, round after round, and each keeps its best round; the peers' networks start from their own seeded
 * N(0, 1/n_in) weights, Descent's from its "scaled" ones (speed does not depend on the values).
 */
const os = require("os");
const path = require("path");
const { startWorker } = require("./workers");

const networks = [
  [784, 16, 16, 10],
  [784, 30, 10],
  [784, 100, 10],
  [784, 128, 128, 10],
];
const batches = [1, 10, 100];
/** Images per timed epoch: a tenth of a second or more for every trainer, so a round stays short. */
const imagesFor = (batch, quick) => Math.round({ 1: 3000, 10: 12000, 100: 30000 }[batch] / (quick ? 3 : 1));
const peerNames = ["numpy-f32", "torch-manual", "torch-nn"];
/** A learning rate every network here trains with at every batch size (3 destroys 784-16-16-10 at batch 1). */
const eta = 0.5;
const log = (text) => process.stderr.write(`bench: ${text}\n`);

/**
 * The growth trainers: Descent's fast worker asked for one thread and for its default, each peer's one-thread
 * worker from the main table, and a second worker of each peer with every core.
 */
async function growthTrainers(trainers, shared) {
  const cores = os.cpus().length;
  const main = trainers.find((t) => t.name === "descent-fast" && t.status === "ok");
  if (!main) return [];
  const list = [
    { name: "descent-1", label: "Descent, 1 thread", worker: main.worker, threads: 1, extra: { threads: 1 } },
    { name: "descent-default", label: "Descent, default threads", worker: main.worker, threads: "default", extra: {} },
  ];
  for (const name of peerNames) {
    const peer = trainers.find((t) => t.name === name && t.status === "ok");
    if (!peer) continue;
    list.push({
      name: `${name}-1`,
      peer: name,
      label: `${peer.label}, 1 thread`,
      worker: peer.worker,
      threads: 1,
      extra: {},
    });
    if (cores < 2) continue;
    try {
      const worker = await startWorker(peer.command, [...peer.args, shared, peer.variant], {
        name: `${name} (${cores} threads)`,
        threads: cores,
      });
      list.push({
        name: `${name}-${cores}`,
        peer: name,
        label: `${peer.label}, ${cores} threads`,
        worker,
        threads: cores,
        extra: {},
        own: true,
      });
    } catch (error) {
      log(`${name} with ${cores} threads could not start: ${error.message}`);
    }
  }
  return list;
}

/** Round after round, every network, batch size and trainer once; the best seconds of each are kept. */
async function measureGrowth(list, rounds, quick) {
  const rows = [];
  for (const sizes of networks)
    for (const batch of batches) rows.push({ sizes, batch, count: imagesFor(batch, quick), best: {}, threadsUsed: {} });
  for (let round = 0; round < rounds; round++) {
    for (const row of rows) {
      for (const t of list) {
        if (t.failed) continue;
        try {
          const answer = await t.worker.request({
            cmd: "grow",
            sizes: row.sizes,
            batch: row.batch,
            count: row.count,
            epoch: round,
            eta,
            ...t.extra,
          });
          row.best[t.name] = Math.min(row.best[t.name] ?? Infinity, answer.seconds);
          if (answer.threads !== undefined) row.threadsUsed[t.name] = answer.threads;
        } catch (error) {
          t.failed = error.message;
          log(`${t.label} failed in the growth table: ${error.message}`);
        }
      }
    }
    log(`growth round ${round + 1}/${rounds}`);
  }
  list.filter((t) => t.own).forEach((t) => t.worker.quit());
  return {
    rounds,
    eta,
    cores: os.cpus().length,
    trainers: list.map(({ name, label, peer, threads, failed }) => ({
      name,
      label,
      peer: peer ?? null,
      threads,
      failed: failed ?? null,
    })),
    rows: rows.map((r) => ({
      sizes: r.sizes,
      batch: r.batch,
      count: r.count,
      threadsUsed: r.threadsUsed,
      examplesPerSecond: Object.fromEntries(Object.entries(r.best).map(([name, s]) => [name, r.count / s])),
    })),
  };
}

/** The bench's kernel table: `node kernel.js --json` in a process of its own, after the rest. */
function kernelPeak() {
  const { execFileSync } = require("child_process");
  try {
    return JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, "kernel.js"), "--json"], { encoding: "utf8" })
        .trim()
        .split("\n")
        .pop(),
    );
  } catch (error) {
    return {
      error: String(error.stderr || error.message)
        .trim()
        .split("\n")
        .pop(),
    };
  }
}

module.exports = { growthTrainers, measureGrowth, kernelPeak, networks, batches };
