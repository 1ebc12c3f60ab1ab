import { Dataset, imageOf } from "../data/dataset";
import { Network } from "../network";
import { PlotlyFigure } from "./display";

/**
 * Pictures of 28x28 grids: a digit's pixels (grey, 0 = black background... drawn white-on-black as MNIST is)
 * and a hidden neuron's 784 incoming weights (blue negative, red positive, white 0).
 */

/** Rows of the image, top row first; plotly draws row 0 at the top because the y axis is reversed. */
function rowsOf(values: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => values[r * cols + c]));
}

const hidden = { visible: false, showgrid: false, zeroline: false };

function heatmap(values: ArrayLike<number>, rows: number, cols: number, extra: object): object {
  return {
    type: "heatmap",
    z: rowsOf(values, rows, cols),
    showscale: false,
    hovertemplate: "row %{y}, column %{x}: %{z:.2f}<extra></extra>",
    ...extra,
  };
}

const grey = { colorscale: "Greys", reversescale: true, zmin: 0, zmax: 1 };

/** One image (grey values 0..1, row by row) drawn upright. */
export function digitPlot(
  pixels: ArrayLike<number>,
  options: { title?: string; rows?: number; cols?: number; size?: number } = {},
): PlotlyFigure {
  const rows = options.rows ?? 28,
    cols = options.cols ?? 28;
  return {
    data: [heatmap(pixels, rows, cols, grey)],
    layout: {
      width: options.size ?? 260,
      height: (options.size ?? 260) + (options.title ? 30 : 0),
      margin: { t: options.title ? 30 : 5, b: 5, l: 5, r: 5 },
      ...(options.title ? { title: { text: options.title, font: { size: 13 } } } : {}),
      xaxis: { ...hidden, constrain: "domain" },
      yaxis: { ...hidden, autorange: "reversed", scaleanchor: "x" },
    },
  };
}

/** Image i of a data set. */
export function datasetDigit(data: Dataset, i: number, title?: string): PlotlyFigure {
  return digitPlot(imageOf(data, i), { title: title ?? `label ${data.labels[i]}`, rows: data.rows, cols: data.cols });
}

/** Several images side by side in a grid, each with its title (label, or label and prediction). */
export function digitGrid(
  images: ArrayLike<number>[],
  titles: string[],
  options: { columns?: number; rows?: number; cols?: number; colorscale?: "grey" | "weights" } = {},
): PlotlyFigure {
  const columns = Math.min(options.columns ?? 8, images.length),
    gridRows = Math.ceil(images.length / columns);
  const rows = options.rows ?? 28,
    cols = options.cols ?? 28;
  const gap = 0.02,
    w = (1 - gap * (columns - 1)) / columns,
    h = (1 - gap * (gridRows - 1)) / gridRows;
  const data: object[] = [],
    layout: Record<string, unknown> = {},
    annotations: object[] = [];
  const scale = options.colorscale === "weights" ? weightScale(images) : grey;
  images.forEach((image, n) => {
    const r = Math.floor(n / columns),
      c = n % columns,
      axis = n === 0 ? "" : String(n + 1);
    data.push(heatmap(image, rows, cols, { ...scale, xaxis: `x${axis}`, yaxis: `y${axis}` }));
    const x0 = c * (w + gap),
      y1 = 1 - r * (h + gap);
    layout[`xaxis${axis}`] = { ...hidden, domain: [x0, x0 + w], anchor: `y${axis}` };
    layout[`yaxis${axis}`] = {
      ...hidden,
      domain: [y1 - h * 0.85, y1 - h * 0.15 * 0.5],
      autorange: "reversed",
      anchor: `x${axis}`,
      scaleanchor: `x${axis}`,
    };
    annotations.push({
      text: titles[n] ?? "",
      x: x0 + w / 2,
      y: y1,
      xref: "paper",
      yref: "paper",
      showarrow: false,
      yanchor: "bottom",
      font: { size: 11 },
    });
  });
  return { data, layout: { ...layout, annotations, height: 110 * gridRows + 30, margin: { t: 25, b: 5, l: 5, r: 5 } } };
}

function weightScale(images: ArrayLike<number>[]): object {
  let max = 0;
  for (const image of images) for (let i = 0; i < image.length; i++) max = Math.max(max, Math.abs(image[i]));
  return { colorscale: "RdBu", reversescale: true, zmid: 0, zmin: -max, zmax: max };
}

/** The incoming weights of neuron j of the first hidden layer, as the 28x28 picture it "looks for". */
export function weightImage(net: Network, j: number): PlotlyFigure {
  const w = net.weights[0];
  const row = Array.from(w.data.subarray(j * w.cols, (j + 1) * w.cols));
  const side = Math.round(Math.sqrt(w.cols));
  const fig = digitPlot(row, { title: `hidden neuron ${j}`, rows: side, cols: side });
  Object.assign(fig.data[0], weightScale([row]), { showscale: true });
  return fig;
}

/** The incoming weights of every neuron of the first hidden layer, in a grid. */
export function weightGrid(net: Network, columns = 8): PlotlyFigure {
  const w = net.weights[0],
    side = Math.round(Math.sqrt(w.cols));
  const images = Array.from({ length: w.rows }, (_, j) => w.data.subarray(j * w.cols, (j + 1) * w.cols));
  return digitGrid(
    images,
    images.map((_, j) => `neuron ${j}`),
    { columns, rows: side, cols: side, colorscale: "weights" },
  );
}
