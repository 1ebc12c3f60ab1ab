import * as fs from "fs";
import {
  chartHtml,
  growingChartHtml,
  PLOTLY_MIME,
  plotlyInlineHtml,
  plotlyLoaderHtml,
  roundForDisplay,
} from "./chartHtml";
import { placePlotly, plotlyFileName, plotlySource } from "./plotlyFile";
import { queueKernelSends } from "./kernelSends";

/**
 * The one thin layer between figures (plain data, see the other files of this folder) and the notebook.
 * A chart goes out as one display bundle with three renderings, and each front end picks the one it draws:
 *   application/vnd.plotly.v1+json  JupyterLab and Notebook 7 (with the Python plotly package) and VS Code draw it;
 *   text/html                       a <div> and a script that draws it once window.Plotly exists, for
 *                                   Notebook 6, nbconvert's HTML and the course site (chartHtml.ts);
 *   text/plain                      a one-line description everywhere else.
 * `setupPlots()` puts plotly.js (from the local plotly.js-dist package) beside the notebook and loads it from
 * there once per page, for the text/html renderings; the saved lesson holds only that small loader (see
 * plotlyFile.ts and chartHtml.ts). plotly.js cannot run inside the kernel (it is a browser library).
 */
export interface PlotlyFigure {
  data: object[];
  layout?: object;
  frames?: object[];
  config?: object;
}

type Bundle = Record<string, unknown>;
interface Tslab {
  display: { html(s: string): void; markdown(s: string): void; text(s: string): void };
  newDisplay(): {
    html(s: string): void;
    markdown(s: string): void;
    text(s: string): void;
    raw(type: string, b: string): void;
  };
}
/** tslab is loaded only inside a notebook, so the library also works from Node and in tests. */
const tslab = (): Tslab => require("tslab") as Tslab;

/** Sends a multi-mime bundle through tslab's kernel connection (outside a tslab cell, the HTML alone). */
function sendBundle(bundle: Bundle, displayId?: string, update = false): void {
  const write = kernelDisplayWriter();
  if (write) {
    write({ data: bundle, metadata: {}, transient: displayId ? { display_id: displayId } : {} }, update);
    return;
  }
  tslab().display.html(String(bundle["text/html"] ?? bundle["text/plain"]));
}

type DisplayWriter = (data: object, update: boolean) => void;

/**
 * tslab's writer of display messages while a tslab kernel runs a cell, else null (Node, the tests). Errors of
 * the send itself are not caught here: they are not "no kernel", and hiding one once hid the lost messages
 * that kernelSends.ts now prevents.
 */
function kernelDisplayWriter(): DisplayWriter | null {
  let jupyter: { lastWriteDisplayData: DisplayWriter | null };
  try {
    jupyter = require("tslab/dist/jupyter");
  } catch {
    return null;
  }
  if (!jupyter.lastWriteDisplayData) return null;
  queueKernelSends();
  return jupyter.lastWriteDisplayData;
}

/**
 * Puts plotly.js beside the notebook (the kernel's working directory) and loads it into the page (run it in
 * the lesson's first cell). Where the folder cannot be written, it says so and the lesson goes on: JupyterLab,
 * Notebook 7 and VS Code draw the charts with their own plotly renderer all the same.
 */
export function setupPlots(): void {
  try {
    placePlotly(process.cwd());
  } catch (error) {
    console.warn(
      `setupPlots could not write ${plotlyFileName} into ${process.cwd()} (${(error as Error).message}), so Notebook 6 ` +
        `cannot draw this lesson's charts; make that folder writable, or run the lesson from a copy in a folder you can write to.`,
    );
  }
  const loader = { "text/html": plotlyLoaderHtml(), "text/plain": "(plotly.js loaded for the charts below)" };
  if (!kernelDisplayWriter()) return sendBundle(loader);
  // In a kernel: plotly.js inline first, for the live page, then the small loader over it, for the saved notebook.
  const id = `descent-plotly-${process.pid}-${++chartCount}`;
  sendBundle(
    { "text/html": plotlyInlineHtml(fs.readFileSync(plotlySource(), "utf8")), "text/plain": "(loading plotly.js)" },
    id,
    false,
  );
  sendBundle(loader, id, true);
}

let chartCount = 0;

/** The three renderings of one figure, its numbers rounded to what a chart can show (chartHtml.ts). */
export function figureBundle(figure: PlotlyFigure, description = "a chart"): Bundle {
  const id = `descent-chart-${process.pid}-${++chartCount}`;
  const height = (figure.layout as { height?: number })?.height ?? 420;
  return {
    [PLOTLY_MIME]: roundForDisplay(figure),
    "text/html": chartHtml(id, height),
    "text/plain": `[${description}]`,
  };
}

/** Draws a figure in the notebook. */
export function show(figure: PlotlyFigure, description?: string): void {
  sendBundle(figureBundle(figure, description));
}

/** One output that can be redrawn in place (tslab's display ids), for live progress. */
export interface LiveOutput {
  html(html: string): void;
  /** A chart that is still growing: redrawn at each call, in every front end. */
  figureSoFar(figure: PlotlyFigure, description?: string): void;
  /** The finished chart, with all three renderings (see figureBundle). */
  figure(figure: PlotlyFigure, description?: string): void;
}

export function liveOutput(): LiveOutput {
  const id = `descent-live-${process.pid}-${++chartCount}`;
  let shown = false;
  const send = (bundle: Bundle): void => {
    sendBundle(bundle, id, shown);
    shown = true;
  };
  return {
    html: (html) => send({ "text/html": html, "text/plain": html.replace(/<[^>]+>/g, "") }),
    // Without application/vnd.plotly.v1+json: JupyterLab's plotly renderer (jupyterlab-plotly 7.1) draws an
    // output once and ignores its updates (its renderModel returns when a graph exists; measured: one point
    // per trace after 30 epochs), and JupyterLab keeps an output's renderer only while the preferred mime type
    // stays the same. So a growing chart goes out as HTML, whose script redraws it at each update, and the
    // finished one as the full bundle, which gives the output a fresh plotly renderer with every point.
    figureSoFar: (figure, description) => {
      const height = (figure.layout as { height?: number })?.height ?? 420;
      send({
        "text/html": growingChartHtml(id, roundForDisplay(figure), height),
        "text/plain": `[${description ?? "a chart"}]`,
      });
    },
    figure: (figure, description) => send(figureBundle(figure, description)),
  };
}

/** Markdown (with $LaTeX$) as a cell output, e.g. a table of results. */
export function showMarkdown(markdown: string): void {
  tslab().display.markdown(markdown);
}
