import { Point, ToyFunction } from "../toy/expression";
import { PlotlyFigure } from "./display";

/**
 * Figures of gradient descent on toy functions (lessons 03 and 04), as plain plotly data: the function, the
 * path of points descent visited, animations over the steps, and sliders over precomputed paths.
 */
export interface Path {
  readonly points: Point[];
  readonly values: number[];
}
export type Range = readonly [number, number];

const grid = (range: Range, n: number): number[] =>
  Array.from({ length: n }, (_, i) => range[0] + ((range[1] - range[0]) * i) / (n - 1));
/** Plotly cannot draw NaN or ±Infinity from JSON: undefined points become gaps (null). */
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const colors = ["#e45756", "#4c78a8", "#54a24b", "#f58518", "#b279a2", "#72b7b2"];

/**
 * Every figure stays a few MB whatever the number of steps: an animation has at most MAX_FRAMES frames (a long
 * descent plays in jumps of several steps) and a drawn path at most MAX_POINTS points, evenly spaced with the
 * first and the last kept. Without these, each frame carrying the path so far made 2,000 steps a 154 MB figure.
 */
export const MAX_FRAMES = 60;
export const MAX_POINTS = 400;

/** At most `most` indices out of 0..count-1, evenly spaced, always with the first and the last. */
export function sampleIndices(count: number, most: number): number[] {
  if (count <= most) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: most }, (_, i) => Math.round((i * (count - 1)) / (most - 1)));
}

/** The points of a path as drawn: at most MAX_POINTS of them. */
const thinned = <T>(items: readonly T[]): T[] => sampleIndices(items.length, MAX_POINTS).map((i) => items[i]);

/** The smallest and largest finite value (a loop: spreading 150,000 values into Math.min overflows the stack). */
function extent(values: readonly number[]): [number, number] {
  let low = Infinity,
    high = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return [low, high];
}

function curve(f: ToyFunction, range: Range): object {
  const xs = grid(range, 241);
  return {
    x: xs,
    y: xs.map((x) => finite(f.value([x]))),
    mode: "lines",
    name: `f(x) = ${f.expression}`,
    line: { color: "#888" },
  };
}

function pathTrace1d(path: Path, name = "descent", color = colors[0]) {
  return {
    x: thinned(path.points).map((p) => p[0]),
    y: thinned(path.values).map(finite),
    mode: "lines+markers",
    name,
    line: { color, width: 1 },
    marker: { color, size: 7 },
  };
}

/** A 1-D function over `range`, with a descent path on it when given. */
export function functionPlot1d(f: ToyFunction, range: Range, path?: Path): PlotlyFigure {
  return {
    data: path ? [curve(f, range), pathTrace1d(path)] : [curve(f, range)],
    layout: { height: 400, xaxis: { title: { text: "x" } }, yaxis: { title: { text: "f(x)" } }, margin: { t: 30 } },
  };
}

/**
 * Play and pause buttons plus a slider over the steps of an animated path, the path being trace 1 and `pathUpTo(n)`
 * its trace over the first n + 1 points. The frames travel inside the buttons and the slider, not in the figure's `frames`:
 * renderers that call only Plotly.newPlot(el, data, layout), as VS Code's does, still play and scrub.
 * Plotly moves a slider along with an animation only by frame name, and names only frames registered in the figure;
 * so each frame moves the slider itself (`sliders[0].active`), and its "step n" follows the path during play.
 */
function animationControls(
  steps: number,
  pathUpTo: (n: number) => { x: unknown[]; y: unknown[] },
  label: string,
): object {
  const frames = sampleIndices(steps, MAX_FRAMES).map((n, k) => ({
    name: String(n),
    data: [pathUpTo(n)],
    traces: [1],
    layout: { sliders: [{ active: k }] },
  }));
  return {
    updatemenus: [
      {
        type: "buttons",
        showactive: false,
        x: 0,
        y: -0.12,
        xanchor: "left",
        buttons: [
          {
            label: "▶ play",
            method: "animate",
            args: [frames, { mode: "immediate", frame: { duration: 250, redraw: true }, transition: { duration: 0 } }],
          },
          {
            label: "❚❚ pause",
            method: "animate",
            args: [[null], { mode: "immediate", frame: { duration: 0, redraw: false } }],
          },
        ],
      },
    ],
    sliders: [
      {
        active: 0,
        x: 0.18,
        len: 0.82,
        y: -0.08,
        currentvalue: { prefix: `${label} ` },
        steps: frames.map((frame) => ({
          label: frame.name,
          method: "restyle",
          args: [{ x: [frame.data[0].x], y: [frame.data[0].y] }, [1]],
        })),
      },
    ],
  };
}

/** A 1-D descent, animated: ▶ plays the steps, the slider scrubs through them. */
export function animatedPath1d(f: ToyFunction, range: Range, path: Path): PlotlyFigure {
  const upTo = (n: number): Path => ({ points: path.points.slice(0, n + 1), values: path.values.slice(0, n + 1) });
  const [pathLow] = extent(path.values);
  const [low, high] = curveRange(f, range);
  return {
    data: [curve(f, range), pathTrace1d(upTo(0))],
    layout: {
      height: 460,
      margin: { t: 30, b: 110 },
      xaxis: { title: { text: "x" }, range: [...range] },
      yaxis: { title: { text: "f(x)" }, range: [Math.min(pathLow, low) - 0.5, high + 0.5] },
      ...animationControls(path.points.length, (n) => pathTrace1d(upTo(n)), "step"),
    },
  };
}

function curveRange(f: ToyFunction, range: Range): [number, number] {
  return extent(grid(range, 241).map((x) => f.value([x])));
}

/** Several precomputed 1-D paths (one per learning rate, say): a slider shows one at a time. */
export function pathsSlider1d(f: ToyFunction, range: Range, paths: Path[], labels: string[]): PlotlyFigure {
  const visible = (k: number) => [true, ...paths.map((_, i) => i === k)];
  const [low, high] = curveRange(f, range);
  return {
    data: [
      curve(f, range),
      ...paths.map((p, i) => ({ ...pathTrace1d(p, labels[i], colors[i % colors.length]), visible: i === 0 })),
    ],
    layout: {
      height: 460,
      margin: { t: 30, b: 90 },
      xaxis: { title: { text: "x" }, range: [...range] },
      yaxis: { title: { text: "f(x)" }, range: [low - 0.5, high + 0.5] },
      sliders: [
        {
          active: 0,
          y: -0.1,
          currentvalue: { prefix: "run: " },
          steps: labels.map((label, k) => ({ label, method: "restyle", args: ["visible", visible(k)] })),
        },
      ],
    },
  };
}

function surfaceGrid(f: ToyFunction, xRange: Range, yRange: Range, n = 61) {
  const xs = grid(xRange, n),
    ys = grid(yRange, n);
  return { x: xs, y: ys, z: ys.map((y) => xs.map((x) => finite(f.value([x, y])))) };
}

/** A 2-D function as a surface you can turn, with descent paths drawn on it. */
export function surfacePlot(
  f: ToyFunction,
  xRange: Range,
  yRange: Range,
  paths: { name: string; points: Point[] }[] = [],
): PlotlyFigure {
  return {
    data: [
      {
        type: "surface",
        ...surfaceGrid(f, xRange, yRange),
        colorscale: "Viridis",
        opacity: 0.9,
        showscale: false,
        name: f.expression,
      },
      ...paths.map((p, i) => ({
        type: "scatter3d",
        mode: "lines+markers",
        name: p.name,
        x: thinned(p.points).map((q) => q[0]),
        y: thinned(p.points).map((q) => q[1]),
        z: thinned(p.points).map((q) => finite(f.value(q))),
        line: { color: colors[i % colors.length], width: 4 },
        marker: { size: 3, color: colors[i % colors.length] },
      })),
    ],
    // A fixed box (plotly would stretch z to the data's units: a tall, narrow bowl) seen from far enough that
    // every tick label stays inside the chart.
    layout: {
      height: 480,
      margin: { t: 10, l: 10, r: 10, b: 10 },
      scene: {
        xaxis: { title: { text: f.variables[0] } },
        yaxis: { title: { text: f.variables[1] } },
        zaxis: { title: { text: `C(${f.variables.join(", ")})` } },
        aspectmode: "manual",
        aspectratio: { x: 1, y: 1, z: 0.8 },
        camera: { eye: { x: 1.35, y: 1.35, z: 0.85 }, center: { x: 0, y: 0, z: -0.2 } },
      },
    },
  };
}

function contours(f: ToyFunction, xRange: Range, yRange: Range): object {
  return {
    type: "contour",
    ...surfaceGrid(f, xRange, yRange, 81),
    colorscale: "Viridis",
    ncontours: 25,
    contours: { coloring: "lines" },
    showscale: false,
    name: f.expression,
    hoverinfo: "skip",
  };
}

function pathTrace2d(points: Point[], name: string, color: string) {
  points = thinned(points);
  return {
    type: "scatter",
    mode: "lines+markers",
    name,
    x: points.map((p) => p[0]),
    y: points.map((p) => p[1]),
    line: { color, width: 2 },
    marker: { color, size: 6 },
  };
}

/** Axes named for the function's own variables: x and y for a toy function, w and b for lesson 07's neuron. */
const planeLayout = (f: ToyFunction, xRange: Range, yRange: Range, extra: object = {}): object => ({
  height: 460,
  margin: { t: 30 },
  xaxis: { title: { text: f.variables[0] }, range: [...xRange] },
  yaxis: { title: { text: f.variables[1] }, range: [...yRange], scaleanchor: "x" },
  legend: { orientation: "h", y: -0.15 },
  ...extra,
});

/** Contour lines of a 2-D function, with any number of named paths on them (e.g. full-batch descent and SGD). */
export function contourPlot(
  f: ToyFunction,
  xRange: Range,
  yRange: Range,
  paths: { name: string; points: Point[] }[] = [],
): PlotlyFigure {
  return {
    data: [
      contours(f, xRange, yRange),
      ...paths.map((p, i) => pathTrace2d(p.points, p.name, colors[i % colors.length])),
    ],
    layout: planeLayout(f, xRange, yRange),
  };
}

/** A 2-D descent on contour lines, animated over its steps. */
export function animatedPath2d(f: ToyFunction, xRange: Range, yRange: Range, path: Path): PlotlyFigure {
  const upTo = (n: number) => pathTrace2d(path.points.slice(0, n + 1), "descent", colors[0]);
  return {
    data: [contours(f, xRange, yRange), upTo(0)],
    layout: planeLayout(f, xRange, yRange, {
      height: 500,
      margin: { t: 30, b: 110 },
      ...animationControls(path.points.length, upTo, "step"),
    }),
  };
}
