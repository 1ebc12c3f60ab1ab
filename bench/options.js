"use strict";
/** The bench's command line: `npm run bench -- [--quick] [--repeats N] [--peers a,b] [--json]`. */

/** Every peer the bench knows, by the name --peers takes; groups name several at once. */
const peerNames = ["numpy-f64", "numpy-f32", "torch-manual", "torch-nn", "tfjs-cpu", "tfjs-wasm"];
const peerGroups = { numpy: ["numpy-f64", "numpy-f32"], torch: ["torch-manual", "torch-nn"], tfjs: ["tfjs-cpu", "tfjs-wasm"] };

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

class UsageError extends Error {}

function parseOptions(argv) {
  const options = { quick: false, repeats: undefined, peers: peerNames, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === "--quick") options.quick = true;
    else if (arg === "--json") options.json = true;
    else if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--repeats") options.repeats = parseRepeats(value());
    else if (arg === "--peers") options.peers = parsePeers(value());
    else throw new UsageError(`unknown option "${arg}"`);
  }
  options.repeats ??= options.quick ? 2 : 5;
  return options;
}

function parseRepeats(text) {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 100) throw new UsageError(`--repeats must be a whole number from 1 to 100; got "${text}"`);
  return n;
}

function parsePeers(text) {
  if (text === "all") return peerNames;
  if (text === "none" || text === "") return [];
  const chosen = new Set();
  for (const name of text.split(",")) {
    const group = peerGroups[name] ?? (peerNames.includes(name) ? [name] : undefined);
    if (!group) throw new UsageError(`unknown peer "${name}" in --peers; use ${peerNames.join(", ")}, numpy, torch, tfjs, all or none`);
    group.forEach((peer) => chosen.add(peer));
  }
  return peerNames.filter((peer) => chosen.has(peer));
}

module.exports = { parseOptions, usage, UsageError, peerNames };
