import { Cost, quadratic } from "../cost";
import { Dataset, imageOf } from "../data/dataset";
import { backpropInto, workspace, zeroGradient } from "../backprop";
import { Network, activationOfLayer } from "../network";

/**
 * Saturation and vanishing gradients (lesson 09). A sigmoid neuron whose weighted sum z is far from 0 is
 * saturated: σ'(z) is nearly 0, so BP2 multiplies its error δ by nearly 0 and its weights hardly learn. This
 * measures, over the first `examples` images of `data`, for each layer after the input:
 * - `saturated`: the share of (neuron, example) pairs with σ'(z) below `threshold` (default 0.01, |z| > 4.6);
 * - `deltaSize`: the average length ‖δ^l‖ of the layer's error, to see how it shrinks from the output backwards.
 */
export interface SaturationReport {
  readonly saturated: number[];
  readonly deltaSize: number[];
}

export function saturation(
  net: Network,
  data: Dataset,
  examples: number,
  cost: Cost = quadratic,
  threshold = 0.01,
): SaturationReport {
  const n = Math.min(examples, data.count);
  const layers = net.weights.length;
  const saturated = new Array<number>(layers).fill(0),
    deltaSize = new Array<number>(layers).fill(0);
  const ws = workspace(net.sizes),
    grad = zeroGradient(net.sizes);
  for (let i = 0; i < n; i++) {
    backpropInto(net, cost, imageOf(data, i, ws.input), data.labels[i], ws, grad);
    for (let l = 0; l < layers; l++) {
      const prime = activationOfLayer(net, l).prime;
      for (const z of ws.pass.zs[l]) if (prime(z) < threshold) saturated[l]++;
      deltaSize[l] += Math.hypot(...ws.deltas[l]);
    }
  }
  return {
    saturated: saturated.map((s, l) => (n ? s / (n * net.sizes[l + 1]) : 0)),
    deltaSize: deltaSize.map((s) => (n ? s / n : 0)),
  };
}
