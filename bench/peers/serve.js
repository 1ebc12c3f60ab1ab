"use strict";
/**
 * The worker side of the bench's protocol, for the Node workers (Descent, TensorFlow.js); common.py is the
 * same for the Python peers. A worker trains one network per batch size, each starting from the shared
 * initial weights. It reads one JSON request per line on stdin and answers each with one line
 * "BENCH <json>" on stdout (any other output is ignored):
 *   {"cmd":"epoch","batch":10,"epoch":k}   trains epoch k in the shared order k   -> {"seconds":s}
 *   {"cmd":"accuracy","batch":10}          test accuracy of that network          -> {"accuracy":a}
 *   {"cmd":"quit"}
 * It first announces {"ready":true,"version":"..."} or {"error":"..."}.
 */
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const { readArgs } = require("../../scripts/lib/args");

/** The files bench/data.js wrote: pixels and labels as bytes, the initial parameters, the epoch orders. */
function readShared(dir) {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8"));
  const bytes = (name) => new Uint8Array(fs.readFileSync(path.join(dir, name)));
  const set = (part, count) => ({ count, pixels: bytes(`${part}-pixels.u8`), labels: bytes(`${part}-labels.u8`) });
  const initBytes = fs.readFileSync(path.join(dir, "init.f64"));
  const init = new Float64Array(initBytes.buffer.slice(initBytes.byteOffset, initBytes.byteOffset + initBytes.length));
  const weights = [],
    biases = [];
  let at = 0;
  for (let l = 0; l + 1 < meta.sizes.length; l++) {
    const rows = meta.sizes[l + 1],
      cols = meta.sizes[l];
    weights.push(init.slice(at, (at += rows * cols)));
    biases.push(init.slice(at, (at += rows)));
  }
  const orderBytes = fs.readFileSync(path.join(dir, "orders.u32"));
  const orders = new Uint32Array(
    orderBytes.buffer.slice(orderBytes.byteOffset, orderBytes.byteOffset + orderBytes.length),
  );
  const order = (k) => orders.subarray(k * meta.trainCount, (k + 1) * meta.trainCount);
  return { meta, train: set("train", meta.trainCount), test: set("test", meta.testCount), weights, biases, order };
}

const reply = (message) => process.stdout.write("BENCH " + JSON.stringify(message) + "\n");

/**
 * Answers requests about the `shared` files until "quit". makeTrainer(batch) returns { epoch(order, k), accuracy() }; epoch runs every
 * minibatch step of one epoch and may return its own measured seconds (Descent's trainer times only its steps).
 * `commands` adds requests of a worker's own, each a function of the request returning the reply.
 */
async function serve(shared, version, makeTrainer, commands = {}) {
  const trainers = new Map();
  const trainerFor = (batch) => {
    if (!trainers.has(batch)) trainers.set(batch, makeTrainer(batch));
    return trainers.get(batch);
  };
  reply({ ready: true, version });
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const request = JSON.parse(line);
    if (request.cmd === "quit") break;
    try {
      if (request.cmd === "epoch") {
        const trainer = trainerFor(request.batch);
        const started = performance.now();
        const own = await trainer.epoch(shared.order(request.epoch), request.epoch);
        reply({ seconds: typeof own === "number" ? own : (performance.now() - started) / 1000 });
      } else if (request.cmd === "accuracy") {
        reply({ accuracy: await trainerFor(request.batch).accuracy() });
      } else if (commands[request.cmd]) {
        reply(await commands[request.cmd](request));
      } else {
        reply({ error: `unknown request "${request.cmd}"` });
      }
    } catch (error) {
      reply({ error: String(error && error.message ? error.message : error) });
    }
  }
  process.exit(0);
}

/**
 * Reads the worker's command line, `<shared dir> <variant>`, and returns the shared files with `variant` (an
 * engine or a backend); a failure is announced, then the worker exits.
 */
function start() {
  try {
    const {
      positionals: [dir, variant, ...extra],
    } = readArgs(process.argv.slice(2), {}, { positionals: true });
    if (!dir || !variant || extra.length)
      throw new Error(`a worker takes the shared folder and a variant; got ${JSON.stringify(process.argv.slice(2))}`);
    return { ...readShared(dir), variant };
  } catch (error) {
    fail(error);
  }
}

function fail(error) {
  reply({ error: String(error && error.message ? error.message : error) });
  process.exit(1);
}

module.exports = { start, serve, fail };
