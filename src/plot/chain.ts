import { PlotlyFigure } from "./display";

/**
 * The dependency graph of video 4 ("Backpropagation calculus"): a network with one neuron per layer, its last two
 * layers. The cost C₀ depends on the output a^L and the desired y; a^L on its weighted sum z^L; z^L on the weight
 * w^L, the bias b^L and the previous activation a^(L−1), which depends on w^(L−1), b^(L−1), a^(L−2) in the same way.
 * Each arrow is one factor of the chain rule. Given values, each node shows its number.
 */
export interface ChainValues {
  aBefore: number;
  wPrev: number;
  bPrev: number;
  zPrev: number;
  aPrev: number;
  w: number;
  b: number;
  z: number;
  a: number;
  y: number;
  cost: number;
}

type Node = { key: keyof ChainValues; label: string; x: number; y: number };
const nodes: Node[] = [
  { key: "wPrev", label: "w⁽ᴸ⁻¹⁾", x: 0, y: 2 },
  { key: "aBefore", label: "a⁽ᴸ⁻²⁾", x: 0, y: 1 },
  { key: "bPrev", label: "b⁽ᴸ⁻¹⁾", x: 0, y: 0 },
  { key: "zPrev", label: "z⁽ᴸ⁻¹⁾", x: 1, y: 1 },
  { key: "aPrev", label: "a⁽ᴸ⁻¹⁾", x: 2, y: 1 },
  { key: "w", label: "wᴸ", x: 2, y: 2 },
  { key: "b", label: "bᴸ", x: 2, y: 0 },
  { key: "z", label: "zᴸ", x: 3, y: 1 },
  { key: "a", label: "aᴸ", x: 4, y: 1 },
  { key: "y", label: "y", x: 4, y: 2 },
  { key: "cost", label: "C₀", x: 5, y: 1 },
];
/** Which quantity each one is computed from: [from, to]. */
export const chainEdges: readonly [keyof ChainValues, keyof ChainValues][] = [
  ["wPrev", "zPrev"],
  ["aBefore", "zPrev"],
  ["bPrev", "zPrev"],
  ["zPrev", "aPrev"],
  ["w", "z"],
  ["aPrev", "z"],
  ["b", "z"],
  ["z", "a"],
  ["a", "cost"],
  ["y", "cost"],
];

export function chainGraph(values?: ChainValues, options: { title?: string } = {}): PlotlyFigure {
  const at = (key: keyof ChainValues) => nodes.find((n) => n.key === key) as Node;
  const text = nodes.map((n) => (values ? `${n.label} = ${values[n.key].toFixed(3)}` : n.label));
  return {
    data: [
      {
        type: "scatter",
        mode: "markers+text",
        x: nodes.map((n) => n.x),
        y: nodes.map((n) => n.y),
        text,
        textposition: "bottom center",
        marker: {
          size: 26,
          color: nodes.map((n) =>
            n.key === "cost" ? "#e45756" : n.key.startsWith("w") || n.key.startsWith("b") ? "#f58518" : "#4c78a8",
          ),
        },
        hoverinfo: "text",
        showlegend: false,
      },
    ],
    layout: {
      height: 300,
      margin: { t: 40, b: 10, l: 10, r: 10 },
      title: { text: options.title ?? "what the cost depends on: each arrow is one factor of the chain rule" },
      xaxis: { visible: false, range: [-0.5, 5.5] },
      yaxis: { visible: false, range: [-0.6, 2.4] },
      annotations: chainEdges.map(([from, to]) => ({
        x: at(to).x,
        y: at(to).y,
        ax: at(from).x,
        ay: at(from).y,
        xref: "x",
        yref: "y",
        axref: "x",
        ayref: "y",
        showarrow: true,
        arrowhead: 2,
        arrowwidth: 1.5,
        standoff: 14,
        startstandoff: 14,
        text: "",
      })),
    },
  };
}
