"use strict";
/** The bench's command line: `npm run bench -- [--quick] [--repeats N] [--peers a,b] [--json]`. */
const { readArgs, UsageError } = require("../scripts/lib/args");

/** Every peer the bench knows, by the name --peers takes; groups name several at once. */
const peerNames = ["numpy-f64", "numpy-f32", "torch-manual", "torch-nn", "tfjs-cpu", "tfjs-wasm"];
const peerGroups = {
  numpy: ["numpy-f64", "numpy-f32"],
  torch: ["torch-manual", "torch-nn"],
  tfjs: ["tfjs-cpu", "tfjs-wasm"],
};

const usage = `usage: npm run bench -- [options]

Trains 784-16-16-10 (sigmoid, quadratic cost, eta 3) with Descent and with each peer on the same bytes,
one thread each, and prints examples per second at batch sizes 10 and 100, Descent's ratio to each peer,
and each trainer's test accuracy. Then how the cost grows: 784-16-16-10, 784-30-10, 784-100-10 and
784-128-128-10 at batch sizes 1, 10 and 100 against numpy float32 and PyTorch at one thread and at every
core; the kernel against the machine's f32x4 peak; and lesson 09's 98% run (full run only).

  --quick           two repeats, short scaling and growth sweeps, no 98% run, for a smoke run (does not
                    rewrite bench/results.md)
  --repeats N       timed epochs per trainer and batch size, interleaved; the best counts (default 5)
  --peers LIST      comma-separated, from: ${peerNames.join(", ")},
                    or the groups numpy, torch, tfjs; "all" (default) or "none"
  --json            print the results as one JSON object instead of tables
  --help            this text`;

const flags = {
  quick: { type: "boolean" },
  repeats: { type: "string", value: "N", needs: "a whole number from 1 to 100" },
  peers: { type: "string", value: "LIST", needs: "a list of peers, as in --peers numpy,torch-nn (or all, or none)" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

/** The bench's options; a UsageError (one sentence) for a command line it cannot run. */
function parseOptions(argv) {
  const { values } = readArgs(argv, flags);
  const options = {
    quick: Boolean(values.quick),
    repeats: values.repeats === undefined ? undefined : parseRepeats(values.repeats),
    peers: values.peers === undefined ? peerNames : parsePeers(values.peers),
    json: Boolean(values.json),
    help: Boolean(values.help),
  };
  options.repeats ??= options.quick ? 2 : 5;
  return options;
}

function parseRepeats(text) {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 100)
    throw new UsageError(`--repeats must be a whole number from 1 to 100; got "${text}"`);
  return n;
}

function parsePeers(text) {
  if (text === "all") return peerNames;
  if (text === "none" || text === "") return [];
  const chosen = new Set();
  for (const name of text.split(",")) {
    const group = peerGroups[name] ?? (peerNames.includes(name) ? [name] : undefined);
    if (!group)
      throw new UsageError(
        `unknown peer "${name}" in --peers; use ${peerNames.join(", ")}, numpy, torch, tfjs, all or none`,
      );
    group.forEach((peer) => chosen.add(peer));
  }
  return peerNames.filter((peer) => chosen.has(peer));
}

module.exports = { parseOptions, usage, UsageError, peerNames };
