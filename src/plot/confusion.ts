import { PlotlyFigure } from "./display";

/** A confusion matrix: how often a digit of each label (rows) got each answer (columns), counts written in. */
export function confusionPlot(confusion: number[][], title = "confusion matrix"): PlotlyFigure {
  const labels = confusion.map((_, i) => String(i));
  // Colour the mistakes, not the (much larger) diagonal: the diagonal would wash every mistake out.
  const mistakes = confusion.map((row, i) => row.map((n, j) => (i === j ? 0 : n)));
  return {
    data: [
      {
        type: "heatmap",
        x: labels,
        y: labels,
        z: mistakes,
        text: confusion.map((row) => row.map(String)),
        texttemplate: "%{text}",
        colorscale: "Reds",
        showscale: false,
        hovertemplate: "a %{y} answered as %{x}: %{text} times<extra></extra>",
      },
    ],
    layout: {
      // The answers read along the top, as in the videos; the title goes above their axis title, with room for both.
      title: { text: title, yref: "container", y: 1, yanchor: "top", pad: { t: 12 } },
      height: 500,
      width: 520,
      margin: { t: 100, l: 70, r: 20, b: 20 },
      xaxis: { title: { text: "predicted" }, type: "category", side: "top" },
      yaxis: { title: { text: "actual" }, type: "category", autorange: "reversed" },
    },
  };
}
