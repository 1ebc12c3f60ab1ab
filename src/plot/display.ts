import { chartHtml, PLOTLY_MIME, plotlyLoaderHtml, roundForDisplay } from "./chartHtml";
import { placePlotly, plotlyFileName } from "./plotlyFile";

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
  newDisplay(): { html(s: string): void; markdown(s: string): void; text(s: string): void; raw(type: string, b: string): void };
}
/** tslab is loaded only inside a notebook, so the library also works from Node and in tests. */
const tslab = (): Tslab => require("tslab") as Tslab;

/** Sends a multi-mime bundle through tslab's kernel connection (falls back to the HTML alone). */
function sendBundle(bundle: Bundle, displayId?: string, update = false): void {
  try {
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: ((d: object, u: boolean) => void) | null };
    if (jupyter.lastWriteDisplayData) {
      jupyter.lastWriteDisplayData({ data: bundle, metadata: {}, transient: displayId ? { display_id: displayId } : {} }, update);
      return;
    }
  } catch {
    // not in a tslab kernel: fall through
  }
  tslab().display.html(String(bundle["text/html"] ?? bundle["text/plain"]));
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
    console.warn(`setupPlots could not write ${plotlyFileName} into ${process.cwd()} (${(error as Error).message}), so Notebook 6 ` +
      `cannot draw this lesson's charts; make that folder writable, or run the lesson from a copy in a folder you can write to.`);
  }
  sendBundle({ "text/html": plotlyLoaderHtml(), "text/plain": "(plotly.js loaded for the charts below)" });
}

let chartCount = 0;

/** The three renderings of one figure, its numbers rounded to what a chart can show (chartHtml.ts). */
export function figureBundle(figure: PlotlyFigure, description = "a chart"): Bundle {
  const id = `descent-chart-${process.pid}-${++chartCount}`;
  const height = (figure.layout as { height?: number })?.height ?? 420;
  return { [PLOTLY_MIME]: roundForDisplay(figure), "text/html": chartHtml(id, height), "text/plain": `[${description}]` };
}

/** Draws a figure in the notebook. */
export function show(figure: PlotlyFigure, description?: string): void {
  sendBundle(figureBundle(figure, description));
}

/** One output that can be redrawn in place (tslab's display ids), for live progress. */
export interface LiveOutput {
  html(html: string): void;
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
    figure: (figure, description) => send(figureBundle(figure, description)),
  };
}

/** Markdown (with $LaTeX$) as a cell output, e.g. a table of results. */
export function showMarkdown(markdown: string): void {
  tslab().display.markdown(markdown);
}
