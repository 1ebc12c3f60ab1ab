"use strict";
/**
 * `npm run bench`: how fast Descent trains, beside numpy, PyTorch and TensorFlow.js, on the same bytes.
 * Every trainer is a worker process (bench/peers/) holding its own network per batch size; the bench asks
 * each in turn for one timed epoch, round after round, so all are measured in the same conditions, and
 * keeps each one's best epoch. See bench/README.md.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const { parseOptions, usage, UsageError } = require("./options");
const { loadData, writeShared } = require("./data");
const { ensurePython, ensureTfjs } = require("./install");
const { startWorker } = require("./workers");
const { renderMarkdown } = require("./report");
const { growthTrainers, measureGrowth, kernelPeak } = require("./growth");
const { run98 } = require("./run98");

const settings = { sizes: [784, 16, 16, 10], eta: 3, seed: 1, batches: [10, 100] };
const log = (text) => process.stderr.write(`bench: ${text}\n`);

/** The trainers: Descent's engines first, then each peer, with the program that runs it. */
function trainerList(peers, python) {
  const node = (file, variant) => ({ command: process.execPath, args: [path.join(__dirname, "peers", file)], variant });
  const py = (file, variant) => ({ command: python, args: ["-B", path.join(__dirname, "peers", file)], variant }); // -B: no __pycache__
  const all = [
    { name: "descent-fast", label: "Descent, fast engine", needs: [], ...node("descent.js", "fast") },
    { name: "descent-readable", label: "Descent, readable engine", needs: [], ...node("descent.js", "readable") },
    { name: "numpy-f64", label: "numpy float64", needs: ["numpy"], ...py("numpy_peer.py", "f64") },
    { name: "numpy-f32", label: "numpy float32", needs: ["numpy"], ...py("numpy_peer.py", "f32") },
    {
      name: "torch-manual",
      label: "PyTorch, hand-written backprop",
      needs: ["numpy", "torch"],
      ...py("torch_peer.py", "manual"),
    },
    {
      name: "torch-nn",
      label: "PyTorch, nn.Linear + optim.SGD",
      needs: ["numpy", "torch"],
      ...py("torch_peer.py", "nn"),
    },
    { name: "tfjs-cpu", label: "TensorFlow.js, CPU backend", needs: ["tfjs"], ...node("tfjs.js", "cpu") },
    { name: "tfjs-wasm", label: "TensorFlow.js, WebAssembly backend", needs: ["tfjs"], ...node("tfjs.js", "wasm") },
  ];
  return all.filter((t) => t.name.startsWith("descent-") || peers.includes(t.name));
}

/** Why each needed package is missing, installing what can be installed. */
function installPeers(peers) {
  const wants = (prefix) => peers.some((name) => name.startsWith(prefix));
  const pythonModules = wants("torch") ? ["numpy", "torch"] : wants("numpy") ? ["numpy"] : [];
  const { python, missing } = pythonModules.length ? ensurePython(pythonModules) : { python: "python3", missing: {} };
  if (wants("tfjs")) {
    const reason = ensureTfjs();
    if (reason) missing.tfjs = reason;
  }
  return { python, missing };
}

async function startAll(trainers, shared, missing) {
  await Promise.all(
    trainers.map(async (t) => {
      const lacking = t.needs.find((need) => missing[need]);
      t.batches = {};
      if (lacking) return Object.assign(t, { status: "missing", reason: missing[lacking] });
      try {
        t.worker = await startWorker(t.command, [...t.args, shared, t.variant], { name: t.name });
        Object.assign(t, { status: "ok", version: t.worker.version });
      } catch (error) {
        Object.assign(t, { status: "missing", reason: error.message });
      }
    }),
  );
}

/** Round after round, one epoch per trainer and batch size; a trainer that fails is dropped with its reason. */
async function measure(trainers, repeats, trainCount) {
  for (let round = 0; round < repeats; round++) {
    for (const batch of settings.batches) {
      const line = [];
      for (const t of trainers.filter((t) => t.status === "ok")) {
        try {
          const { seconds } = await t.worker.request({ cmd: "epoch", batch, epoch: round });
          (t.batches[batch] ??= { seconds: [] }).seconds.push(seconds);
          line.push(`${t.name} ${seconds.toFixed(2)} s`);
        } catch (error) {
          Object.assign(t, { status: "failed", reason: error.message });
          t.worker.quit();
        }
      }
      log(`round ${round + 1}/${repeats}, batch ${batch}: ${line.join(", ")}`);
    }
  }
  for (const t of trainers.filter((t) => t.status === "ok")) {
    for (const batch of settings.batches) {
      const result = t.batches[batch];
      result.best = Math.min(...result.seconds);
      result.examplesPerSecond = trainCount / result.best;
      try {
        result.accuracy = (await t.worker.request({ cmd: "accuracy", batch })).accuracy;
      } catch (error) {
        result.accuracy = null;
        log(`${t.name} could not report its test accuracy: ${error.message}`);
      }
    }
  }
}

/**
 * Descent's epoch time for growing training sets and widening hidden layers, at batch 10: every setting
 * once per round, so a slow spell of the machine does not land on one setting only; the best round counts.
 */
async function scaling(main, trainCount, rounds) {
  const counts =
    trainCount >= 60000 ? [7500, 15000, 30000, 60000] : [8, 4, 2, 1].map((d) => Math.round(trainCount / d));
  const settings = [
    ...counts.map((n) => ({ trainCount: n, hidden: 16 })),
    ...[32, 64, 128].map((hidden) => ({ trainCount, hidden })),
  ];
  for (let round = 0; round < rounds; round++) {
    for (const setting of settings) {
      const { seconds } = await main.worker.request({ cmd: "time", ...setting, batch: 10 });
      setting.seconds = Math.min(setting.seconds ?? Infinity, seconds);
    }
    log(`scaling round ${round + 1}/${rounds} (${main.label})`);
  }
  return {
    engine: main.name,
    rounds,
    size: settings.filter((s) => s.hidden === 16),
    width: settings.filter((s) => s.trainCount === trainCount),
  };
}

/** Peak RSS of a full-MNIST training run with each Descent engine, each in a fresh process. */
function memory(engines) {
  const result = {};
  for (const t of engines) {
    try {
      const out = execFileSync(process.execPath, [path.join(__dirname, "memory.js"), t.variant], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      result[t.name] = JSON.parse(out.trim().split("\n").pop()).maxRssMB;
    } catch (error) {
      result[t.name] = `failed: ${String(error.stderr || error.message)
        .trim()
        .split("\n")
        .pop()}`;
    }
  }
  return result;
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    process.exit(2);
  }
  if (options.help) return console.log(usage);

  const loadAtStart = os.loadavg()[0];
  if (loadAtStart > 0.5)
    log(
      `other processes keep the CPU busy (load average ${loadAtStart.toFixed(2)}); all trainers are slowed alike, but less than a quiet machine would show`,
    );
  const data = loadData(settings.seed);
  log(`data: ${data.source}`);
  const shared = writeShared(data, { ...settings, epochs: options.repeats });
  const { python, missing } = installPeers(options.peers);
  const trainers = trainerList(options.peers, python);
  await startAll(trainers, shared, missing);
  try {
    await measure(trainers, options.repeats, data.train.count);
    const descent = trainers.filter((t) => t.name.startsWith("descent-") && t.status === "ok");
    if (!descent.length)
      throw new Error(
        `Descent could not train: ${trainers.find((t) => t.name === "descent-readable").reason}; run npm run build and look at its errors`,
      );
    const main = descent[0];
    const results = {
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpu: os.cpus()[0]?.model ?? "unknown",
        cores: os.cpus().length,
        platform: `${os.type()} ${os.release()}`,
        loadAverage: loadAtStart,
      },
      data: {
        source: data.source,
        trainCount: data.train.count,
        testCount: data.test.count,
        full: data.train.count >= 60000,
      },
      settings: { ...settings, repeats: options.repeats },
      main: main.name,
      trainers: trainers.map(({ name, label, version, status, reason, batches }) => ({
        name,
        label,
        version,
        status,
        reason,
        batches,
      })),
      scaling: await scaling(main, data.train.count, options.quick ? 1 : 3),
    };
    const growthList = await growthTrainers(trainers, shared);
    results.growth = growthList.length ? await measureGrowth(growthList, options.quick ? 1 : 3, options.quick) : null;
    trainers.forEach((t) => t.worker?.quit());
    results.kernel = kernelPeak();
    if (results.data.full && !options.quick) {
      log("lesson 09's 98% run (30 epochs of 784-100-10 on full MNIST, η annealed)");
      results.run98 = run98(data.dir);
      log("the README's 98% run at a constant rate (60 epochs)");
      results.run98Constant = run98(data.dir, "constantRate");
    }
    results.machine.loadAverageEnd = os.loadavg()[0];
    results.memory = results.data.full ? memory(descent) : null;
    const markdown = renderMarkdown(results);
    if (options.json) console.log(JSON.stringify(results, null, 2));
    else console.log(markdown);
    if (!options.quick) fs.writeFileSync(path.join(__dirname, "results.md"), markdown + "\n");
    log(options.quick ? "bench/results.md left as it was (--quick)" : "wrote bench/results.md");
  } finally {
    trainers.forEach((t) => t.worker?.quit());
    fs.rmSync(shared, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exit(1);
});
