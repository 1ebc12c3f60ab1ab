import { plotlyFileName } from "./plotlyFile";

/**
 * A chart's text/html rendering, for the front ends that have no plotly renderer of their own (Notebook 6 and
 * the course's pages): a <div> and a small script that draws the figure once plotly.js has loaded. The figure
 * is not repeated inside the HTML (the bundle's application/vnd.plotly.v1+json already holds it, and a saved
 * lesson would carry every chart twice): the script finds it
 *   - in Notebook 6, in the notebook's own outputs (Jupyter.notebook's cells keep every output's whole bundle);
 *   - on a page of the course, in `window.descentFigures`, which the page's renderer fills from the bundles
 *     (`figuresScript`, used by scripts/notebook/html.js).
 */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** The name of the page-level table of figures, by chart id. */
export const pageFiguresName = "descentFigures";

/** Charts are drawn a few hundred pixels wide: 6 significant digits are more than a pixel or a hover label shows. */
export const displayDigits = 6;

/**
 * The figure with every non-integer number rounded to `digits` significant digits, so a saved lesson does not
 * carry 17 digits per point of a landscape (integers, strings and everything else are kept as they are).
 */
export function roundForDisplay<T>(figure: T, digits = displayDigits): T {
  return JSON.parse(
    JSON.stringify(figure, (_key, value) =>
      typeof value === "number" && Number.isFinite(value) && !Number.isInteger(value)
        ? Number(value.toPrecision(digits))
        : value,
    ),
  ) as T;
}

/** The sentences a chart shows in its place when it cannot be drawn. */
export const notDrawn = {
  noPlotly: `This chart could not be drawn because plotly.js did not load: run the lesson's first code cell (its setupPlots() writes ${plotlyFileName} beside the notebook), then this cell again.`,
  noFigure:
    "This chart could not be drawn because this page does not hold its data: open the notebook in Jupyter or VS Code, or render it again with npm run lesson.",
  noRenderer:
    "This chart could not be drawn because this JupyterLab has no plotly renderer: install the Python plotly package into the Python that runs Jupyter (pip install plotly, as npm start does), restart Jupyter and reload the page.",
};

/**
 * JupyterLab and Notebook 7 pages carry this element (Notebook 6 and the course's pages do not). There the
 * plotly renderer draws the charts; plotly.js beside the notebook is not served at a URL the page could load.
 */
const inJupyterLab = `document.getElementById("jupyter-config-data")`;

/** The chart's id in a text/html rendering made by `chartHtml`, if it is one. */
export function chartIdOf(html: string): string | undefined {
  return /<div id="(descent-chart-[\w-]+)" class="descent-chart"/.exec(html)?.[1];
}

/** The <div> and the script of chart `id` (see the top of this file); `height` in pixels. */
export function chartHtml(id: string, height: number): string {
  const js = (s: string) => JSON.stringify(s).replace(/<\//g, "<\\/");
  return (
    `<div id="${id}" class="descent-chart" style="width:100%;min-height:${height}px"></div>\n` +
    `<script type="text/javascript">(function(){var id=${js(id)},mime=${js(PLOTLY_MIME)};` +
    // The figure: from the page's table, else from Notebook 6's own record of this output's bundle.
    `function figure(){var page=window.${pageFiguresName};if(page&&page[id])return page[id];` +
    `var nb=window.Jupyter&&window.Jupyter.notebook,cells=nb&&nb.get_cells?nb.get_cells():[];` +
    `for(var i=0;i<cells.length;i++){var outs=(cells[i].output_area||{}).outputs||[];` +
    `for(var j=0;j<outs.length;j++){var d=outs[j].data||{},h=d["text/html"];` +
    `if(d[mime]&&h&&[].concat(h).join("").indexOf('id="'+id+'"')>=0)return d[mime];}}}` +
    // Plotly and the figure may both arrive later (the script loads; Notebook 6 records the output after
    // showing it): try every 50 ms for 30 s, then say in the chart's place what is missing.
    `(function draw(tries){var el=document.getElementById(id),f=el&&figure();` +
    `if(el&&window.Plotly&&f){window.Plotly.newPlot(el,f.data,f.layout||{},Object.assign({responsive:true},f.config||{}))` +
    `.then(function(){if(f.frames){window.Plotly.addFrames(el,f.frames);}});}` +
    `else if(tries<600){setTimeout(function(){draw(tries+1)},50);}` +
    `else if(el){el.textContent=${inJupyterLab}?${js(notDrawn.noRenderer)}:window.Plotly?${js(notDrawn.noFigure)}:${js(notDrawn.noPlotly)};}})(0);})();</script>`
  );
}

/** The page-level script that gives every chart of a page its figure: `figures` maps chart ids to figures. */
export function figuresScript(figures: Record<string, unknown>): string {
  return `<script type="text/javascript">window.${pageFiguresName}=${JSON.stringify(figures).replace(/<\//g, "<\\/")};</script>`;
}

/**
 * The text/html of the setup cell: loads plotly.js from beside the notebook (or page), once per page, except
 * in JupyterLab and Notebook 7 (their plotly renderer draws the charts).
 */
export function plotlyLoaderHtml(): string {
  return (
    `<script type="text/javascript" data-descent="plotly">` +
    `if(!window.Plotly&&!${inJupyterLab}&&!document.querySelector("script[data-descent-plotly]")){` +
    `var s=document.createElement("script");s.setAttribute("data-descent-plotly","");s.src=${JSON.stringify(plotlyFileName)};document.head.appendChild(s);}</script>`
  );
}

/**
 * A chart that carries its own figure: for a live chart that is still growing. Its updates are never saved (the
 * finished chart replaces them with `chartHtml` and the figure once, in figureBundle), so it may repeat the
 * figure; JupyterLab's plotly renderer draws an output once and ignores its updates, so while training the
 * chart goes out as this HTML, which redraws at each update wherever plotly.js is on the page.
 */
export function growingChartHtml(id: string, figure: unknown, height: number): string {
  const json = JSON.stringify(figure).replace(/<\//g, "<\\/");
  return (
    `<div id="${id}" class="descent-chart" style="width:100%;min-height:${height}px"></div>\n` +
    `<script type="text/javascript">(function draw(tries){var el=document.getElementById(${JSON.stringify(id)});` +
    `if(window.Plotly&&el){var f=${json};window.Plotly.react(el,f.data,f.layout||{},Object.assign({responsive:true},f.config||{}));}` +
    `else if(tries<600){setTimeout(function(){draw(tries+1)},50);}})(0);</script>`
  );
}

/**
 * plotly.js itself, inline, sent once by the setup cell and at once replaced by `plotlyLoaderHtml` (same display):
 * running it puts window.Plotly on the live page, also in JupyterLab and Notebook 7, whose pages load nothing from
 * beside the notebook, so live charts can redraw there; the saved notebook keeps only the small loader.
 */
export function plotlyInlineHtml(source: string): string {
  return `<script type="text/javascript" data-descent="plotly-inline">if(!window.Plotly){${source.replace(/<\/script/gi, "<\\/script")}}</script>`;
}
