import * as fs from "fs";

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
