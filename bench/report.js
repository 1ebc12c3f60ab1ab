"use strict";
/** The bench's results as a Markdown page: readable in a terminal, and shown by the README as bench/results.md. */

const thousands = (x) => Math.round(x).toLocaleString("en-US");
const percent = (x) => (x === null || x === undefined ? "-" : `${(100 * x).toFixed(2)}%`);
const ratio = (x) => `${x.toFixed(2)}×`;
const epochs = (n) => `${n} epoch${n === 1 ? "" : "s"}`;
const seconds = (x) => (x < 10 ? x.toFixed(3) : x.toFixed(1));

/** Floating-point operations to train on one example: the forward pass (2 per weight), BP4 (2 per weight)
 *  and BP2 (2 per weight of every layer but the first); 52,672 for 784-16-16-10. */
function flopsPerExample(sizes) {
  let flops = 0;
  for (let l = 0; l + 1 < sizes.length; l++) flops += (l === 0 ? 4 : 6) * sizes[l] * sizes[l + 1];
  return flops;
}

function renderMarkdown(results) {
  const { settings, data, machine } = results;
  const main = results.trainers.find((t) => t.name === results.main);
  const lines = [
    "## Training speed: Descent beside numpy, PyTorch and TensorFlow.js",
    "",
    `${settings.sizes.join("-")}, sigmoid, quadratic cost C = Σ (a − y)², eta ${settings.eta}, one thread, data in memory; ` +
      `${data.source}: ${thousands(data.trainCount)} training and ${thousands(data.testCount)} test images. ` +
      `Each trainer's best of ${epochs(settings.repeats)} per batch size, interleaved in one run; every trainer starts from ` +
      `Descent's initial weights (seed ${settings.seed}) and sees the examples in the same order; test accuracy after ` +
      `those ${epochs(settings.repeats)}. "Descent ÷" is ${main.label}'s examples/s over that trainer's.`,
    "",
    `Measured ${results.date.slice(0, 10)} with \`npm run bench\` on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, ${machine.platform}; ` +
      `1-minute load average before the run ${machine.loadAverage.toFixed(2)} (other work on the machine slows every trainer).`,
    "",
    ...speedTable(results, main),
    "",
    ...summary(results, main),
    "",
    ...scalingTables(results),
    ...growthSection(results),
  ];
  return lines.join("\n");
}

/** The growth table (bench/growth.js), the kernel against the f32x4 peak, the 98% run and issue 20's targets. */
function growthSection(results) {
  const { growth, kernel, run98, run98Constant, machine } = results;
  if (!growth) return [];
  const k = (x) => (x === undefined ? "-" : thousands(x / 1000) + "k");
  const peers = [...new Set(growth.trainers.filter((t) => t.peer).map((t) => t.peer))];
  const labelOf = (name) => growth.trainers.find((t) => t.name === name)?.label ?? name;
  const fastest = (row, names) =>
    names
      .filter((n) => row.examplesPerSecond[n])
      .reduce((a, n) => (a && row.examplesPerSecond[a] >= row.examplesPerSecond[n] ? a : n), null);
  const oneThread = growth.trainers.filter((t) => t.peer && t.threads === 1).map((t) => t.name);
  const allPeers = growth.trainers.filter((t) => t.peer).map((t) => t.name);
  const peakGflops = kernel && !kernel.error ? kernel.peakGflops : null;
  const head = [
    "network",
    "batch",
    "Descent 1 thread",
    "Descent default",
    ...peers.map((p) => `${p} 1 / ${growth.cores} threads`),
    "÷ fastest peer, 1 thread each",
    "÷ fastest peer, best threads",
    "Descent GFLOP/s (1 thread)",
  ];
  const ratios = [];
  const rows = growth.rows.map((row) => {
    const e = row.examplesPerSecond,
      d1 = e["descent-1"],
      dd = e["descent-default"];
    const f1 = fastest(row, oneThread),
      fb = fastest(row, allPeers);
    const best = Math.max(d1 ?? 0, dd ?? 0); // Descent at its best thread count: one or its default
    const r1 = d1 && f1 ? d1 / e[f1] : null,
      rb = best && fb ? best / e[fb] : null;
    ratios.push({ sizes: row.sizes.join("-"), batch: row.batch, r1, rb, f1, fb });
    const gflops = d1 ? (d1 * flopsPerExample(row.sizes)) / 1e9 : null;
    return [
      row.sizes.join("-"),
      row.batch,
      k(d1),
      `${k(dd)} (${row.threadsUsed["descent-default"] ?? "?"})`,
      ...peers.map((p) => `${k(e[`${p}-1`])} / ${k(e[`${p}-${growth.cores}`])}`),
      r1 === null ? "-" : `${ratio(r1)} (${f1})`,
      rb === null ? "-" : `${ratio(rb)} (${fb})`,
      gflops === null ? "-" : gflops.toFixed(1) + (peakGflops ? ` (${Math.round((100 * gflops) / peakGflops)}%)` : ""),
    ];
  });
  const lines = [
    "",
    `### How the cost grows: the course's networks and batch sizes (examples/s, best of ${epochs(growth.rounds)}, interleaved)`,
    "",
    `Sigmoid, quadratic cost, eta ${growth.eta}; one epoch over the first n training images (n = ${growth.rows
      .filter((r) => r.sizes === growth.rows[0].sizes)
      .map((r) => `${thousands(r.count)} at batch ${r.batch}`)
      .join(", ")}). ` +
      `Descent's default is the threads that help at that size (in brackets); the peers run once with one thread and once with ${growth.cores}. ` +
      `"÷ fastest peer, best threads" sets Descent at the better of one thread and its default against every peer at either thread count. ` +
      `GFLOP/s counts 2 floating-point operations per weight for the forward pass and BP4 and 2 more for BP2 (not on the first layer); ` +
      `the percentage is of the f32x4 peak below. These are the dense network's operations: Descent's input layer ` +
      `skips the 4-pixel groups without ink (about 72% of MNIST's), which add exactly 0, so its effective rate can ` +
      `pass the peak.`,
    "",
    ...table(head, rows, ["l", "r", "r", "r", ...peers.map(() => "r"), "l", "l", "r"]),
  ];
  if (kernel && !kernel.error) {
    lines.push(
      "",
      `### The kernel against the machine's f32x4 peak (${kernel.build} build, Node ${kernel.node}, one thread, CPU time)`,
      "",
      `Peak: ${kernel.peakGflops.toFixed(1)} GFLOP/s, twelve independent ${kernel.build === "relaxed" ? "fused multiply-adds (f32x4.relaxed_madd)" : "multiplies and adds"} in a loop (asm/peak.ts). ` +
        "The kernel: one `train` call per minibatch on random images (bench/kernel.js); CPU time, so time the core spent on other processes does not count.",
      "",
      ...table(
        ["network", "batch", "examples/s", "GFLOP/s", "share of peak"],
        kernel.rows.map((r) => [
          r.sizes,
          r.batch,
          thousands(r.examplesPerSecond),
          r.gflops.toFixed(1),
          `${Math.round((100 * r.gflops) / kernel.peakGflops)}%`,
        ]),
        ["l", "r", "r", "r", "r"],
      ),
    );
  } else if (kernel) {
    lines.push("", `The kernel's peak table could not be measured: ${kernel.error}`);
  }
  const targets = [];
  const at = (sizes, batch) => ratios.find((r) => r.sizes === sizes && r.batch === batch);
  const target = (what, value, floor) =>
    targets.push([
      what,
      value === null || value === undefined ? "-" : ratio(value),
      value !== null && value !== undefined && value >= floor ? "yes" : "no",
    ]);
  target("784-16-16-10, batch 10: at least 3× the fastest peer", at("784-16-16-10", 10)?.rb, 3);
  target("784-16-16-10, batch 100: at least 1.3× the fastest peer", at("784-16-16-10", 100)?.rb, 1.3);
  for (const sizes of ["784-100-10", "784-128-128-10"]) {
    for (const batch of [10, 100]) {
      target(`${sizes}, batch ${batch}: at least 1.0× the fastest peer, best threads each`, at(sizes, batch)?.rb, 1.0);
      target(`${sizes}, batch ${batch}: at least 0.8× the fastest peer, one thread each`, at(sizes, batch)?.r1, 0.8);
    }
  }
  const k100 = kernel && !kernel.error ? kernel.rows.find((r) => r.sizes === "784-100-10" && r.batch === 100) : null;
  if (k100)
    targets.push([
      "kernel on 784-100-10 at batch 100: at least 70% of the f32x4 peak",
      `${((100 * k100.gflops) / kernel.peakGflops).toFixed(1)}%`,
      k100.gflops >= 0.7 * kernel.peakGflops ? "yes" : "no",
    ]);
  if (run98 && !run98.error) {
    lines.push(
      "",
      `Lesson 09's 98% run, \`${run98.command}\`, in a process of its own: **${run98.seconds.toFixed(1)} s** wall clock, ` +
        `test accuracy ${percent(run98.testAccuracy)} after ${epochs(run98.epochs)}, peak RSS ${run98.maxRssMB.toFixed(0)} MB.`,
    );
    targets.push([
      "lesson 09's 98% run under 20 s, accuracy unchanged (98.06%)",
      `${run98.seconds.toFixed(1)} s, ${percent(run98.testAccuracy)}`,
      run98.seconds < 20 && run98.testAccuracy >= 0.98 ? "yes" : "no",
    ]);
    targets.push([
      "peak RSS of that full-MNIST run under 200 MB",
      `${run98.maxRssMB.toFixed(0)} MB`,
      run98.maxRssMB < 200 ? "yes" : "no",
    ]);
  } else if (run98) {
    lines.push("", `Lesson 09's 98% run failed: ${run98.error}`);
  }
  if (run98Constant && !run98Constant.error) {
    lines.push(
      "",
      `The README's 98% run at a constant rate, \`${run98Constant.command}\`: **${run98Constant.seconds.toFixed(1)} s**, ` +
        `test accuracy ${percent(run98Constant.testAccuracy)} after ${epochs(run98Constant.epochs)}, peak RSS ${run98Constant.maxRssMB.toFixed(0)} MB.`,
    );
  }
  lines.push(
    "",
    `Issue 20's targets (1-minute load average ${machine.loadAverage.toFixed(2)} before the run and ${(machine.loadAverageEnd ?? machine.loadAverage).toFixed(2)} after it, on ${machine.cores} cores):`,
    "",
    ...table(["target", "measured", "met"], targets, ["l", "l", "l"]),
  );
  return lines;
}

function speedTable(results, main) {
  const head = ["trainer", "version"];
  for (const b of results.settings.batches) head.push(`batch ${b}: examples/s`, "Descent ÷", "test accuracy");
  const rows = results.trainers.map((t) => {
    if (t.status !== "ok")
      return [
        t.label,
        `${t.status}: ${t.reason}`.replace(/\|/g, "/"),
        ...results.settings.batches.flatMap(() => ["", "", ""]),
      ];
    return [
      t.label,
      t.version,
      ...results.settings.batches.flatMap((b) => {
        const r = t.batches[b];
        return [
          thousands(r.examplesPerSecond),
          ratio(main.batches[b].examplesPerSecond / r.examplesPerSecond),
          percent(r.accuracy),
        ];
      }),
    ];
  });
  return table(head, rows, ["l", "l", ...results.settings.batches.flatMap(() => ["r", "r", "r"])]);
}

/** The one-epoch time, peak memory and issue 10's targets. */
function summary(results, main) {
  const peers = results.trainers.filter((t) => !t.name.startsWith("descent-") && t.status === "ok");
  const rows = [];
  const targets = { 10: 2.5, 100: 1.0 };
  for (const b of results.settings.batches) {
    if (!peers.length) break;
    const fastest = peers.reduce((a, t) => (t.batches[b].examplesPerSecond > a.batches[b].examplesPerSecond ? t : a));
    const x = main.batches[b].examplesPerSecond / fastest.batches[b].examplesPerSecond;
    rows.push([
      `batch ${b}: at least ${targets[b]}× the fastest peer`,
      `${ratio(x)} (over ${fastest.label})`,
      x >= targets[b] ? "yes" : "no",
    ]);
  }
  const lines = [];
  if (results.data.full) {
    const epoch = results.data.trainCount / main.batches[10].examplesPerSecond;
    rows.push(["one full-MNIST epoch at batch 10 under 0.15 s", `${epoch.toFixed(3)} s`, epoch < 0.15 ? "yes" : "no"]);
    lines.push(
      `One full-MNIST epoch (${thousands(results.data.trainCount)} images) at batch 10 with ${main.label}: **${epoch.toFixed(3)} s**.`,
    );
    const memory = Object.entries(results.memory).map(([name, mb]) => {
      const label = results.trainers.find((t) => t.name === name).label;
      return `${label} ${typeof mb === "number" ? `**${mb.toFixed(0)} MB**` : mb}`;
    });
    lines.push(
      `Peak RSS of a full-MNIST training run (load the IDX files, one epoch at batch 10, evaluate training and test sets), in a process of its own: ${memory.join("; ")}.`,
    );
    const mb = results.memory[main.name];
    if (typeof mb === "number")
      rows.push(["peak RSS of a full-MNIST run under 200 MB", `${mb.toFixed(0)} MB`, mb < 200 ? "yes" : "no"]);
  } else {
    lines.push("Full MNIST was not found, so the one-epoch time and peak memory of a full-MNIST run are not measured.");
  }
  return [...lines, "", "Issue 10's targets:", "", ...table(["target", "measured", "met"], rows, ["l", "l", "l"])];
}

function scalingTables(results) {
  const { scaling } = results;
  const label = results.trainers.find((t) => t.name === scaling.engine).label;
  const sizeRows = scaling.size.map((r, i) => [
    thousands(r.trainCount),
    seconds(r.seconds),
    thousands(r.trainCount / r.seconds),
    `${(r.seconds / scaling.size[0].seconds).toFixed(2)}×`,
  ]);
  const widthRows = scaling.width.map((r, i) => {
    const sizes = [results.settings.sizes[0], r.hidden, r.hidden, results.settings.sizes.at(-1)];
    const perSecond = r.trainCount / r.seconds;
    return [
      sizes.join("-"),
      thousands(flopsPerExample(sizes)),
      seconds(r.seconds),
      thousands(perSecond),
      ((perSecond * flopsPerExample(sizes)) / 1e9).toFixed(2),
      `${(r.seconds / scaling.width[0].seconds).toFixed(2)}×`,
    ];
  });
  return [
    `### How the time grows (${label}, batch 10, best of ${epochs(scaling.rounds)}, interleaved)`,
    "",
    ...table(["training images", "seconds per epoch", "examples/s", "time ÷ first row"], sizeRows, [
      "r",
      "r",
      "r",
      "r",
    ]),
    "",
    ...table(
      ["network", "FLOPs per example", "seconds per epoch", "examples/s", "GFLOP/s", "time ÷ first row"],
      widthRows,
      ["l", "r", "r", "r", "r", "r"],
    ),
  ];
}

/** A Markdown table with its columns padded, so it also reads as plain text. */
function table(head, rows, align) {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length), 3));
  const cell = (text, c) => (align[c] === "r" ? String(text).padStart(widths[c]) : String(text).padEnd(widths[c]));
  const line = (cells) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `| ${widths.map((w, c) => (align[c] === "r" ? "-".repeat(w - 1) + ":" : "-".repeat(w))).join(" | ")} |`;
  return [line(head), rule, ...rows.map(line)];
}

module.exports = { renderMarkdown, flopsPerExample };
