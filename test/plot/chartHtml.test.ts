import { test } from "node:test";
import assert from "node:assert/strict";
import * as vm from "vm";
import {
  chartHtml,
  chartIdOf,
  figuresScript,
  notDrawn,
  PLOTLY_MIME,
  plotlyLoaderHtml,
  roundForDisplay,
} from "../../src/plot/chartHtml";
import { figureBundle } from "../../src/plot/display";

const figure = {
  data: [{ type: "scatter", x: [1, 2, 3], y: [0.1234567891, 2 / 3, -1e-9 / 3] }],
  layout: { height: 300, title: { text: "cost" } },
};

test("numbers are rounded to 6 significant digits for display; integers, strings and the input are kept", () => {
  const rounded = roundForDisplay(figure);
  assert.deepEqual(rounded.data[0].y, [0.123457, 0.666667, -3.33333e-10]);
  assert.deepEqual(rounded.data[0].x, [1, 2, 3]);
  assert.deepEqual(rounded.layout, figure.layout);
  assert.equal(figure.data[0].y[0], 0.1234567891, "the figure passed in is not changed");
  assert.equal(roundForDisplay({ big: 123456789.123 }).big, 123457000);
});

test("a chart's bundle holds the rounded figure once: its HTML carries no copy of the data", () => {
  const bundle = figureBundle(
    { data: [{ x: [1, 2], y: [0.123456789, 0.987654321] }], layout: { height: 300 } },
    "two points",
  );
  assert.deepEqual(bundle[PLOTLY_MIME], { data: [{ x: [1, 2], y: [0.123457, 0.987654] }], layout: { height: 300 } });
  const html = String(bundle["text/html"]);
  assert.ok(!html.includes("0.123457") && !html.includes("0.987654"), "the HTML does not repeat the figure");
  assert.match(html, /min-height:300px/);
  assert.ok(chartIdOf(html), "the HTML names its chart");
  assert.equal(bundle["text/plain"], "[two points]");
  assert.notEqual(chartIdOf(String(figureBundle(figure)["text/html"])), chartIdOf(html), "every chart has its own id");
});

/** Runs a chart's script in a fake page: `page` sets window's properties; timers run when `tick` is called. */
function runChart(html: string, page: Record<string, unknown>) {
  const element: { id: string; textContent: string } = { id: chartIdOf(html)!, textContent: "" };
  const timers: (() => void)[] = [];
  const drawn: { element: unknown; data: unknown; layout: unknown }[] = [];
  const window: Record<string, unknown> = {
    ...page,
    document: {
      getElementById: (id: string) =>
        id === element.id ? element : id === "jupyter-config-data" && page.jupyterLab ? {} : null,
    },
    setTimeout: (f: () => void) => timers.push(f),
  };
  window.window = window;
  const script = /<script type="text\/javascript">([\s\S]*)<\/script>/.exec(html)![1];
  vm.runInNewContext(script, window);
  return {
    element,
    drawn,
    plotlyArrives: () =>
      (window.Plotly = {
        newPlot: (element: unknown, data: unknown, layout: unknown) => (
          drawn.push({ element, data, layout }),
          Promise.resolve()
        ),
      }),
    tick: (n = 1) => {
      for (let i = 0; i < n && timers.length; i++) timers.shift()!();
    },
  };
}

test("on a page of the course a chart draws its figure from the page's table once plotly.js has loaded", () => {
  const html = chartHtml("descent-chart-1-1", 420);
  const chart = runChart(html, { descentFigures: { "descent-chart-1-1": figure } });
  assert.equal(chart.drawn.length, 0, "no plotly.js yet: nothing drawn, it waits");
  chart.plotlyArrives();
  chart.tick();
  assert.equal(chart.drawn.length, 1);
  assert.deepEqual(chart.drawn[0], { element: chart.element, data: figure.data, layout: figure.layout });
});

test("in Notebook 6 a chart finds its figure in the notebook's own record of its output", () => {
  const html = chartHtml("descent-chart-1-2", 420);
  const other = { data: { "text/html": chartHtml("descent-chart-1-3", 420), [PLOTLY_MIME]: { data: ["wrong one"] } } };
  const outputs: object[] = [other];
  const Jupyter = { notebook: { get_cells: () => [{ output_area: { outputs } }, {}] } };
  const chart = runChart(html, { Jupyter });
  chart.plotlyArrives();
  chart.tick(3);
  assert.equal(chart.drawn.length, 0, "Notebook 6 records an output after it shows it: the chart waits for it");
  outputs.push({ data: { "text/html": html.split("\n"), [PLOTLY_MIME]: figure } });
  chart.tick();
  assert.deepEqual(
    chart.drawn.map((d) => d.data),
    [figure.data],
  );
});

test("a chart that cannot draw says why in its place after 30 s: no plotly.js, or no figure on this page", () => {
  const noPlotly = runChart(chartHtml("descent-chart-1-4", 420), { descentFigures: { "descent-chart-1-4": figure } });
  noPlotly.tick(599);
  assert.equal(noPlotly.element.textContent, "", "it still waits after 599 tries of 50 ms");
  noPlotly.tick();
  assert.equal(noPlotly.element.textContent, notDrawn.noPlotly);
  assert.match(notDrawn.noPlotly, /run the lesson's first code cell/);
  const noFigure = runChart(chartHtml("descent-chart-1-5", 420), {});
  noFigure.plotlyArrives();
  noFigure.tick(600);
  assert.equal(noFigure.element.textContent, notDrawn.noFigure);
  assert.equal(noFigure.drawn.length, 0);
  const noRenderer = runChart(chartHtml("descent-chart-1-7", 420), { jupyterLab: true });
  noRenderer.tick(600);
  assert.equal(
    noRenderer.element.textContent,
    notDrawn.noRenderer,
    "in JupyterLab the missing piece is its plotly renderer",
  );
});

test("the page's table of figures cannot end its script early; the setup output loads plotly.js by a relative name", () => {
  const script = figuresScript({ "descent-chart-1-6": { layout: { title: { text: "</script><b>x</b>" } } } });
  assert.equal(script.match(/<\/script>/g)?.length, 1);
  const context: Record<string, unknown> = {};
  context.window = context;
  vm.runInNewContext(/<script[^>]*>([\s\S]*)<\/script>/.exec(script)![1], context);
  assert.deepEqual(JSON.parse(JSON.stringify(context.descentFigures)), {
    "descent-chart-1-6": { layout: { title: { text: "</script><b>x</b>" } } },
  });
  const load = (jupyterLab: boolean) => {
    const appended: { src: string }[] = [];
    const page = {
      Plotly: undefined,
      document: {
        getElementById: () => (jupyterLab ? {} : null),
        querySelector: () => null,
        createElement: () => ({ setAttribute() {}, src: "" }),
        head: { appendChild: (s: { src: string }) => appended.push(s) },
      },
    };
    vm.runInNewContext(/<script[^>]*>([\s\S]*)<\/script>/.exec(plotlyLoaderHtml())![1], { ...page, window: page });
    return appended.map((s) => s.src);
  };
  assert.deepEqual(load(false), ["plotly.js"]);
  assert.deepEqual(load(true), [], "JupyterLab and Notebook 7 draw with their plotly renderer and load nothing");
});
