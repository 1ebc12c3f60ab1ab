import { PlotlyFigure } from "./display";

/** A confusion matrix: how often a digit of each label (rows) got each answer (columns), counts written in. */
export function confusionPlot(confusion: number[][], title = "confusion matrix"): PlotlyFigure {
  const labels = confusion.map((_, i) => String(i));
  // Colour the mistakes, not the (much larger) diagonal: the diagonal would wash every mistake out.
  const mistakes = confusion.map((row, i) => row.map((n, j) => (i === j ? 0 : n)));
  return {
    data: [{
      type: "heatmap", x: labels, y: labels, z: mistakes, text: confusion.map((row) => row.map(String)), texttemplate: "%{text}",
      colorscale: "Reds", showscale: false, hovertemplate: "a %{y} answered as %{x}: %{text} times<extra></extra>",
    }],
    layout: {
      title: { text: title }, height: 460, width: 520, margin: { t: 40 },
      xaxis: { title: { text: "predicted" }, type: "category", side: "top" },
      yaxis: { title: { text: "actual" }, type: "category", autorange: "reversed" },
    },
  };
}
