import { Gradient, Workspace, backpropInto, clearGradient, workspace, zeroGradient } from "../backprop";
import { costNamed } from "../cost";
import { Dataset, imageOf } from "../data/dataset";
import { Network, argmax, cloneNetwork } from "../network";
import { evaluate } from "../evaluate";
import { Engine, EngineOptions } from "./engine";

/** The lesson's backprop, one example at a time, summed into one gradient per minibatch. */
export function readableEngine(net: Network, options: EngineOptions): Engine {
  const cost = costNamed(options.cost);
  let working: Network = cloneNetwork(net);
  const ws: Workspace = workspace(net.sizes);
  const grad: Gradient = zeroGradient(net.sizes);
  const outputLayer = net.sizes.length - 1;
  const batch = { cost: 0, correct: 0 };

  const step = (data: Dataset, order: Uint32Array, start: number, end: number, eta: number, decay: number): void => {
    clearGradient(grad);
    batch.cost = 0;
    batch.correct = 0;
    for (let n = start; n < end; n++) {
      const i = order[n];
      const label = data.labels[i];
      batch.cost += backpropInto(working, cost, imageOf(data, i, ws.input), label, ws, grad);
      if (argmax(ws.pass.activations[outputLayer]) === label) batch.correct++;
    }
    // #region step
    // The step: w ← decay · w − (η/m) Σ ∂C_x/∂w over the m examples of the minibatch; b ← b − (η/m) Σ ∂C_x/∂b.
    const rate = eta / (end - start);
    for (let l = 0; l < working.weights.length; l++) {
      const w = working.weights[l].data,
        nw = grad.nablaW[l].data;
      for (let i = 0; i < w.length; i++) w[i] = decay * w[i] - rate * nw[i];
      const b = working.biases[l],
        nb = grad.nablaB[l];
      for (let j = 0; j < b.length; j++) b[j] -= rate * nb[j];
    }
    // #endregion
  };

  return {
    batch,
    threads: 1,
    load: (from) => {
      working = cloneNetwork(from);
    },
    step,
    store: (into) => copyParameters(working, into),
    evaluate: (trained, data) => evaluate(trained, data, cost),
  };
}

/** Copies weights and biases from one network into another of the same sizes. */
export function copyParameters(from: Network, into: Network): void {
  for (let l = 0; l < from.weights.length; l++) {
    into.weights[l].data.set(from.weights[l].data);
    into.biases[l].set(from.biases[l]);
  }
}
