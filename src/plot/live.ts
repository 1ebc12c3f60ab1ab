import { Dataset } from "../data/dataset";
import { Network } from "../network";
import { TrainOptions } from "../training/options";
import { EpochReport } from "../training/reports";
import { trainer } from "../training/trainer";
import { LiveOutput, PlotlyFigure, liveOutput } from "./display";

/**
 * Training in a notebook with one live output: a progress bar and the cost and accuracy curves, redrawn in
 * place a few times a second, never thousands of printed lines.
 *
 * Why it is built this way (tslab, checked on this machine): a cell's synchronous loop cannot send display
 * updates until it ends, and Kernel > Interrupt cannot stop a synchronous loop that follows an `await` in
 * the same cell. So training advances in slices of ~100 ms and awaits between slices (the updates go out).
 * While it trains, Kernel > Interrupt is trainLive's alone: tslab's own listener would end the cell at once
 * with "Interrupted asynchronously" and a stack, drop the cell's declarations, and leave training running.
 * Instead training stops at the next slice, within a second, the cell ends normally with one sentence, the
 * network keeps its last finished epoch, and the next cell goes on from there.
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

/**
 * How long to wait between redraws with `shown` epochs on the chart: each redraw sends and draws the whole chart
 * so far, so at most four a second, and fewer as it grows (2 ms per epoch: every 2 s at 1,000 epochs). Measured
 * in headless Chromium: redrawing 1,000 epochs with markers took about 380 ms, and four a second left
 * JupyterLab minutes behind the kernel until it lost its connection.
 */
export const redrawInterval = (shown: number): number => Math.max(250, 2 * shown);

export async function trainLive(net: Network, data: Dataset, options: LiveOptions): Promise<LiveResult> {
  const run = trainer(net, data, options);
  const out = { bar: liveOutput(), chart: liveOutput() };
  let interrupted = false;
  // Listen only once the cell's synchronous part is over: a SIGINT listener added while tslab runs a cell's
  // code with breakOnSigint stops Kernel > Interrupt from reaching the kernel at all (seen here).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const giveBack = takeInterrupts(() => {
    interrupted = true;
  });
  let lastDraw = -Infinity;
  const started = performance.now();
  try {
    for (;;) {
      const result = run.advance(100);
      if (result === null) break;
      if (performance.now() - lastDraw > redrawInterval(run.reports.length)) {
        draw(out, options, run.reports, (performance.now() - started) / 1000, "training");
        lastDraw = performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (interrupted) break;
    }
  } finally {
    giveBack();
  }
  const status = interrupted ? "interrupted" : run.reports.length === options.epochs ? "done" : "stopped";
  draw(out, options, run.reports, (performance.now() - started) / 1000, status);
  if (interrupted)
    console.log(
      `Interrupted: the network keeps epoch ${run.reports.length} of ${options.epochs}, its last finished one.`,
    );
  return { reports: [...run.reports], interrupted };
}

/**
 * Makes `onInterrupt` the only SIGINT listener until the returned function gives the others back (tslab's,
 * in a kernel), so an interrupt stops training instead of failing the cell.
 */
export function takeInterrupts(onInterrupt: () => void): () => void {
  const others = process.listeners("SIGINT");
  for (const listener of others) process.off("SIGINT", listener);
  process.on("SIGINT", onInterrupt);
  return () => {
    process.off("SIGINT", onInterrupt);
    for (const listener of others) process.on("SIGINT", listener);
  };
}

const percent = (x: number | null): string => (x === null ? "–" : `${(100 * x).toFixed(1)}%`);

type Status = "training" | "done" | "stopped" | "interrupted";

function draw(
  out: { bar: LiveOutput; chart: LiveOutput },
  options: LiveOptions,
  reports: readonly EpochReport[],
  seconds: number,
  status: Status,
): void {
  const done = reports.length;
  const last = reports[done - 1];
  const width = Math.round((100 * done) / options.epochs);
  const summary = last
    ? `epoch ${done}/${options.epochs}: cost ${last.cost.toFixed(4)}, train ${percent(last.trainAccuracy)}, test ${percent(last.testAccuracy)}`
    : `epoch 0/${options.epochs}`;
  out.bar.html(
    `<div class="descent-progress"><b>${options.title ?? "Training"}</b> (${status}, ${seconds.toFixed(1)} s)` +
      `<div style="background:#eee;width:100%;max-width:480px;height:10px"><div style="background:#4c78a8;width:${width}%;height:10px"></div></div>` +
      `<span>${summary}</span></div>`,
  );
  if (done === 0) return;
  if (status === "training") out.chart.figureSoFar(liveCurves(reports, options.epochs), "cost and accuracy per epoch");
  else out.chart.figure(liveCurves(reports, options.epochs), "cost and accuracy per epoch");
}

/** The live chart: cost (left axis) and accuracies (right axis, ticks at round percentages) per epoch. */
export function liveCurves(reports: readonly EpochReport[], epochs: number): PlotlyFigure {
  const x = reports.map((r) => r.epoch);
  const mode = epochs <= 50 ? "lines+markers" : "lines"; // markers on hundreds of points cost the browser 6 times more
  const data: object[] = [
    { x, y: reports.map((r) => r.cost), name: "cost (training set)", mode },
    { x, y: reports.map((r) => r.trainAccuracy), name: "training accuracy", mode, yaxis: "y2" },
  ];
  if (reports[0]?.testAccuracy != null) {
    data.push({ x, y: reports.map((r) => r.testAccuracy), name: "test accuracy", mode, yaxis: "y2" });
  }
  return {
    data,
    layout: {
      height: 320,
      margin: { t: 20, r: 60, b: 40, l: 60 },
      xaxis: { title: { text: "epoch" }, tick0: 0, dtick: epochTicks(epochs) },
      yaxis: { title: { text: "cost" } },
      // Fixed ticks: left to itself, an overlaying axis lines its ticks up with the cost axis's (12%, 37%, ...).
      yaxis2: {
        title: { text: "accuracy" },
        overlaying: "y",
        side: "right",
        range: [0, 1],
        tickmode: "array",
        tickvals: [0, 0.2, 0.4, 0.6, 0.8, 1],
        tickformat: ".0%",
      },
      legend: { orientation: "h", y: -0.25 },
    },
  };
}

/** A round step between epoch ticks (1, 2, 5, 10, 20, 50, ...) giving at most about ten ticks. */
export function epochTicks(epochs: number): number {
  for (let step = 1; ; step *= 10) {
    for (const m of [1, 2, 5]) if (epochs / (m * step) <= 10) return m * step;
  }
}
