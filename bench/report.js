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
  ];
  return lines.join("\n");
}

function speedTable(results, main) {
  const head = ["trainer", "version"];
  for (const b of results.settings.batches) head.push(`batch ${b}: examples/s`, "Descent ÷", "test accuracy");
  const rows = results.trainers.map((t) => {
    if (t.status !== "ok") return [t.label, `${t.status}: ${t.reason}`.replace(/\|/g, "/"), ...results.settings.batches.flatMap(() => ["", "", ""])];
    return [t.label, t.version, ...results.settings.batches.flatMap((b) => {
      const r = t.batches[b];
      return [thousands(r.examplesPerSecond), ratio(main.batches[b].examplesPerSecond / r.examplesPerSecond), percent(r.accuracy)];
    })];
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
    rows.push([`batch ${b}: at least ${targets[b]}× the fastest peer`, `${ratio(x)} (over ${fastest.label})`, x >= targets[b] ? "yes" : "no"]);
  }
  const lines = [];
  if (results.data.full) {
    const epoch = results.data.trainCount / main.batches[10].examplesPerSecond;
    rows.push(["one full-MNIST epoch at batch 10 under 0.15 s", `${epoch.toFixed(3)} s`, epoch < 0.15 ? "yes" : "no"]);
    lines.push(`One full-MNIST epoch (${thousands(results.data.trainCount)} images) at batch 10 with ${main.label}: **${epoch.toFixed(3)} s**.`);
    const memory = Object.entries(results.memory).map(([name, mb]) => {
      const label = results.trainers.find((t) => t.name === name).label;
      return `${label} ${typeof mb === "number" ? `**${mb.toFixed(0)} MB**` : mb}`;
    });
    lines.push(`Peak RSS of a full-MNIST training run (load the IDX files, one epoch at batch 10, evaluate training and test sets), in a process of its own: ${memory.join("; ")}.`);
    const mb = results.memory[main.name];
    if (typeof mb === "number") rows.push(["peak RSS of a full-MNIST run under 200 MB", `${mb.toFixed(0)} MB`, mb < 200 ? "yes" : "no"]);
  } else {
    lines.push("Full MNIST was not found, so the one-epoch time and peak memory of a full-MNIST run are not measured.");
  }
  return [...lines, "", "Issue 10's targets:", "", ...table(["target", "measured", "met"], rows, ["l", "l", "l"])];
}

function scalingTables(results) {
  const { scaling } = results;
  const label = results.trainers.find((t) => t.name === scaling.engine).label;
  const sizeRows = scaling.size.map((r, i) => [thousands(r.trainCount), seconds(r.seconds), thousands(r.trainCount / r.seconds),
    `${(r.seconds / scaling.size[0].seconds).toFixed(2)}×`]);
  const widthRows = scaling.width.map((r, i) => {
    const sizes = [results.settings.sizes[0], r.hidden, r.hidden, results.settings.sizes.at(-1)];
    const perSecond = r.trainCount / r.seconds;
    return [sizes.join("-"), thousands(flopsPerExample(sizes)), seconds(r.seconds), thousands(perSecond), (perSecond * flopsPerExample(sizes) / 1e9).toFixed(2),
      `${(r.seconds / scaling.width[0].seconds).toFixed(2)}×`];
  });
  return [
    `### How the time grows (${label}, batch 10, best of ${epochs(scaling.rounds)}, interleaved)`,
    "",
    ...table(["training images", "seconds per epoch", "examples/s", "time ÷ first row"], sizeRows, ["r", "r", "r", "r"]),
    "",
    ...table(["network", "FLOPs per example", "seconds per epoch", "examples/s", "GFLOP/s", "time ÷ first row"], widthRows, ["l", "r", "r", "r", "r", "r"]),
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
