import { Dataset } from "../data/dataset";
import { Network } from "../network";
import { EpochReport, TrainOptions, trainer } from "../sgd";
import { LiveOutput, PlotlyFigure, liveOutput } from "./display";

/**
 * Training in a notebook with one live output: a progress bar and the cost and accuracy curves, redrawn in
 * place a few times a second, never thousands of printed lines.
 *
 * Why it is built this way (tslab, checked on this machine): a cell's synchronous loop cannot send display
 * updates until it ends, and Kernel > Interrupt cannot stop a synchronous loop that follows an `await` in
 * the same cell, while an awaiting loop keeps running after the cell reports "Interrupted asynchronously".
 * So training advances in slices of ~100 ms, awaits between slices (the updates go out), and listens for
 * the interrupt signal itself: on Kernel > Interrupt it stops at the next slice, within a second, and
 * the network keeps its last finished epoch. The kernel stays usable.
 */
export interface LiveOptions extends TrainOptions {
  /** Shown above the bar. */
  title?: string;
}

export interface LiveResult {
  readonly reports: EpochReport[];
  /** True when Kernel > Interrupt stopped training early. */
  readonly interrupted: boolean;
}

export async function trainLive(net: Network, data: Dataset, options: LiveOptions): Promise<LiveResult> {
  const run = trainer(net, data, options);
  const out = { bar: liveOutput(), chart: liveOutput() };
  let interrupted = false;
  const onInterrupt = (): void => { interrupted = true; };
  // Listen only once the cell's synchronous part is over: a SIGINT listener added while tslab runs a cell's
  // code with breakOnSigint stops Kernel > Interrupt from reaching the kernel at all (seen here).
  await new Promise((resolve) => setTimeout(resolve, 0));
  process.on("SIGINT", onInterrupt);
  let lastDraw = 0;
  const started = performance.now();
  try {
    for (;;) {
      const result = run.advance(100);
      if (result === null) break;
      if (result !== "running" || performance.now() - lastDraw > 250) {
        draw(out, options, run.reports, (performance.now() - started) / 1000, false);
        lastDraw = performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (interrupted) break;
    }
  } finally {
    process.off("SIGINT", onInterrupt);
  }
  draw(out, options, run.reports, (performance.now() - started) / 1000, interrupted);
  if (interrupted) console.log(`Interrupted: the network keeps epoch ${run.reports.length} of ${options.epochs}.`);
  return { reports: [...run.reports], interrupted };
}

const percent = (x: number | null): string => (x === null ? "–" : `${(100 * x).toFixed(1)}%`);

function draw(out: { bar: LiveOutput; chart: LiveOutput }, options: LiveOptions, reports: readonly EpochReport[], seconds: number, interrupted: boolean): void {
  const done = reports.length;
  const last = reports[done - 1];
  const width = Math.round((100 * done) / options.epochs);
  const status = interrupted ? "interrupted" : done === options.epochs ? "done" : "training";
  const summary = last
    ? `epoch ${done}/${options.epochs}: cost ${last.cost.toFixed(4)}, train ${percent(last.trainAccuracy)}, test ${percent(last.testAccuracy)}`
    : `epoch 0/${options.epochs}`;
  out.bar.html(
    `<div class="descent-progress"><b>${options.title ?? "Training"}</b> (${status}, ${seconds.toFixed(1)} s)` +
    `<div style="background:#eee;width:100%;max-width:480px;height:10px"><div style="background:#4c78a8;width:${width}%;height:10px"></div></div>` +
    `<span>${summary}</span></div>`,
  );
  if (done > 0) out.chart.figure(curves(reports), "cost and accuracy per epoch");
}

function curves(reports: readonly EpochReport[]): PlotlyFigure {
  const epochs = reports.map((r) => r.epoch);
  const data: object[] = [
    { x: epochs, y: reports.map((r) => r.cost), name: "cost (training set)", mode: "lines+markers" },
    { x: epochs, y: reports.map((r) => r.trainAccuracy), name: "training accuracy", mode: "lines+markers", yaxis: "y2" },
  ];
  if (reports[0].testAccuracy !== null) {
    data.push({ x: epochs, y: reports.map((r) => r.testAccuracy), name: "test accuracy", mode: "lines+markers", yaxis: "y2" });
  }
  return {
    data,
    layout: {
      height: 320, margin: { t: 20, r: 60, b: 40, l: 60 },
      xaxis: { title: { text: "epoch" }, dtick: 1 }, yaxis: { title: { text: "cost" } },
      yaxis2: { title: { text: "accuracy" }, overlaying: "y", side: "right", range: [0, 1], tickformat: ".0%" },
      legend: { orientation: "h", y: -0.25 },
    },
  };
}
