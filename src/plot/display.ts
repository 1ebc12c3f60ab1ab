import * as fs from "fs";
import { queueKernelSends } from "./kernelSends";

/**
 * The one thin layer between figures (plain data, see the other files of this folder) and the notebook.
 * A chart goes out as one display bundle with three renderings, and each front end picks the one it draws:
 *   application/vnd.plotly.v1+json  JupyterLab (with the Python plotly package) and VS Code draw it natively;
 *   text/html                       a <div> and a script that draws it once window.Plotly exists, for
 *                                   Notebook 6/7, nbconvert's HTML and the course site;
 *   text/plain                      a one-line description everywhere else.
 * `setupPlots()` sends plotly.js itself once per notebook (from the local plotly.js-dist package) for the
 * text/html renderings; plotly.js cannot run inside the kernel (it is a browser library).
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

let plotlyScript: string | undefined;

/** Sends plotly.js to the page once (run it in the lesson's first cell). */
export function setupPlots(): void {
  plotlyScript ??= fs.readFileSync(require.resolve("plotly.js-dist/plotly.js"), "utf8");
  sendBundle({
    "text/html": `<script type="text/javascript" data-descent="plotly">${plotlyScript.replace(/<\/script/gi, "<\\/script")}</script>`,
    "text/plain": "(plotly.js loaded for the charts below)",
  });
}

let chartCount = 0;

/** The three renderings of one figure. */
export function figureBundle(figure: PlotlyFigure, description = "a chart"): Bundle {
  const id = `descent-chart-${process.pid}-${++chartCount}`;
  const json = JSON.stringify(figure).replace(/<\//g, "<\\/");
  const html =
    `<div id="${id}" class="descent-chart" style="width:100%;min-height:${(figure.layout as { height?: number })?.height ?? 420}px"></div>\n` +
    `<script type="text/javascript">(function draw(tries){var el=document.getElementById("${id}");` +
    `if(window.Plotly&&el){var f=${json};window.Plotly.newPlot(el,f.data,f.layout||{},Object.assign({responsive:true},f.config||{}))` +
    `.then(function(){if(f.frames){window.Plotly.addFrames(el,f.frames);}});}` +
    `else if(tries<600){setTimeout(function(){draw(tries+1)},50);}})(0);</script>`;
  return { "application/vnd.plotly.v1+json": figure, "text/html": html, "text/plain": `[${description}]` };
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
      const { "text/html": html, "text/plain": plain } = figureBundle(figure, description);
      send({ "text/html": html, "text/plain": plain });
    },
    figure: (figure, description) => send(figureBundle(figure, description)),
  };
}

/** Markdown (with $LaTeX$) as a cell output, e.g. a table of results. */
export function showMarkdown(markdown: string): void {
  tslab().display.markdown(markdown);
}
