import { PlotlyFigure } from "./display";

/** Bar charts of one layer's neurons: the ten outputs, or the nudges backprop wants (lessons 01, 06, 08). */

const digits = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i));

/** The output activations as bars; the network's answer (the brightest) and the true label are marked. */
export function outputBars(
  activations: ArrayLike<number>,
  options: { label?: number; title?: string } = {},
): PlotlyFigure {
  const values = Array.from(activations);
  const answer = values.indexOf(Math.max(...values));
  const colors = values.map((_, i) =>
    i === answer
      ? options.label === undefined || i === options.label
        ? "#54a24b"
        : "#e45756"
      : i === options.label
        ? "#f58518"
        : "#9ecae9",
  );
  return {
    data: [
      {
        type: "bar",
        x: digits(values.length),
        y: values,
        marker: { color: colors },
        text: values.map((v) => v.toFixed(2)),
        textposition: "outside",
        name: "output",
      },
    ],
    layout: {
      height: 300,
      margin: { t: 40, b: 40 },
      yaxis: { range: [0, 1.15], title: { text: "activation" } },
      xaxis: { title: { text: "output neuron (digit)" }, type: "category" },
      title: {
        text: options.title ?? `answer ${answer}${options.label === undefined ? "" : `, label ${options.label}`}`,
      },
    },
  };
}

/** Desired nudges of a layer's activations (−∂C/∂a): up in green, down in red, length = how much it matters. */
export function nudgeBars(nudges: ArrayLike<number>, options: { title?: string; names?: string[] } = {}): PlotlyFigure {
  const values = Array.from(nudges);
  return {
    data: [
      {
        type: "bar",
        x: options.names ?? digits(values.length),
        y: values,
        marker: { color: values.map((v) => (v >= 0 ? "#54a24b" : "#e45756")) },
        name: "nudge",
      },
    ],
    layout: {
      height: 280,
      margin: { t: 40, b: 40 },
      title: { text: options.title ?? "desired nudges" },
      xaxis: { type: "category", title: { text: "neuron" } },
      yaxis: { title: { text: "nudge (−∂C/∂a)" }, zeroline: true },
    },
  };
}

/** Curves sharing one x axis: cost against step, epoch or seconds; accuracies. */
export function curvePlot(
  series: { name: string; x: number[]; y: number[] }[],
  options: { xTitle: string; yTitle: string; title?: string; logY?: boolean },
): PlotlyFigure {
  return {
    data: series.map((s) => ({
      type: "scatter",
      mode: "lines+markers",
      name: s.name,
      x: s.x,
      y: s.y,
      marker: { size: 4 },
    })),
    layout: {
      height: 360,
      margin: { t: options.title ? 40 : 20 },
      ...(options.title ? { title: { text: options.title } } : {}),
      xaxis: { title: { text: options.xTitle } },
      yaxis: { title: { text: options.yTitle }, type: options.logY ? "log" : "linear" },
      legend: { orientation: "h", y: -0.2 },
    },
  };
}

/** A histogram of many numbers (the 13,002 components of a gradient, say). */
export function histogram(
  values: ArrayLike<number>,
  options: { xTitle: string; title?: string; bins?: number },
): PlotlyFigure {
  return {
    data: [{ type: "histogram", x: Array.from(values), nbinsx: options.bins ?? 80, marker: { color: "#4c78a8" } }],
    layout: {
      height: 320,
      margin: { t: options.title ? 40 : 20 },
      ...(options.title ? { title: { text: options.title } } : {}),
      xaxis: { title: { text: options.xTitle } },
      yaxis: { title: { text: "count" }, type: "log" },
    },
  };
}
