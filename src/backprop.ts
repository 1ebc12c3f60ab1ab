import { InputError } from "./errors/learnerError";
import { Cost, quadratic } from "./cost";
import {
  Dataset,
  checkAtLeastOneExample,
  checkDatasetFits,
  checkImageIndices,
  checkLabel,
  imageOf,
} from "./data/dataset";
import { Activation, sigmoid } from "./activation";
import { Matrix, matTVec, zeros } from "./matrix";
import { ForwardPass, Network, activationOfLayer, checkInput, feedforward, forwardBuffers } from "./network";

/**
 * Backpropagation: how one training example wants every weight and bias nudged.
 *
 * With δ^l = ∂C/∂z^l the "error" of a layer's weighted sums, the four equations (Nielsen, chapter 2) are
 *   BP1  δ^L = ∂C/∂a^L ⊙ σ'(z^L)                 the output layer's error
 *   BP2  δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ σ'(z^l)      each earlier layer's error, from the one after it
 *   BP3  ∂C/∂b^l_j  = δ^l_j                        a bias moves the sum directly
 *   BP4  ∂C/∂w^l_jk = a^{l−1}_k δ^l_j              a weight matters in proportion to the activation it carries
 * Here, as in network.ts, weights[l] and deltas[l] belong to layer l+1, so BP4 reads a^l_k · deltas[l][j].
 */

/** The gradient of the cost: one matrix per weights[l] and one vector per biases[l]. */
export interface Gradient {
  readonly nablaW: Matrix[];
  readonly nablaB: Float64Array[];
}

export function zeroGradient(sizes: readonly number[]): Gradient {
  const nablaW: Matrix[] = [];
  const nablaB: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    nablaW.push(zeros(sizes[l + 1], sizes[l]));
    nablaB.push(new Float64Array(sizes[l + 1]));
  }
  return { nablaW, nablaB };
}

export function clearGradient(grad: Gradient): void {
  for (const w of grad.nablaW) w.data.fill(0);
  for (const b of grad.nablaB) b.fill(0);
}

/** Buffers for backprop on one network, made once, so training allocates nothing per example. */
export interface Workspace {
  readonly pass: ForwardPass;
  readonly deltas: Float64Array[];
  /** dCdA[l] = ∂C/∂a^l, the opposite of the nudge each activation of layer l wants. */
  readonly dCdA: Float64Array[];
  readonly input: Float64Array;
}

export function workspace(sizes: readonly number[]): Workspace {
  return {
    pass: forwardBuffers(sizes),
    deltas: sizes.slice(1).map((n) => new Float64Array(n)),
    dCdA: sizes.map((n) => new Float64Array(n)),
    input: new Float64Array(sizes[0]),
  };
}

/**
 * Backprop for one example: adds scale · ∂C_x/∂w and scale · ∂C_x/∂b into `grad` (so a minibatch can sum
 * into one gradient) and returns the example's cost C_x. The forward pass, the errors δ and ∂C/∂a stay in `ws`.
 */
export function backpropInto(
  net: Network,
  cost: Cost,
  input: ArrayLike<number>,
  label: number,
  ws: Workspace,
  grad: Gradient,
  scale = 1,
): number {
  const { zs, activations } = feedforward(net, input, ws.pass);
  const last = net.weights.length - 1;
  const output = activations[last + 1];

  // #region bp
  // BP1: the output error, from how far each output is from its desired value (1 for the label, 0 otherwise).
  let exampleCost = 0;
  for (let j = 0; j < output.length; j++) {
    const y = j === label ? 1 : 0;
    exampleCost += cost.term(output[j], y);
    ws.dCdA[last + 1][j] = cost.derivative(output[j], y);
    ws.deltas[last][j] = cost.delta(output[j], y);
  }

  for (let l = last; l >= 0; l--) {
    const delta = ws.deltas[l];
    const aPrev = activations[l];
    const nablaW = grad.nablaW[l];
    const nablaB = grad.nablaB[l];
    // BP3 and BP4: this layer's biases and weights.
    for (let j = 0; j < delta.length; j++) {
      const d = scale * delta[j];
      nablaB[j] += d;
      const row = j * nablaW.cols;
      for (let k = 0; k < aPrev.length; k++) nablaW.data[row + k] += d * aPrev[k];
    }
    // How the previous layer's activations should move: the weights carry every neuron's wish back, summed.
    matTVec(net.weights[l], delta, ws.dCdA[l]);
    // BP2: the previous layer's error, these summed wishes ⊙ σ'(z) (layer 0 is the input: it has no weighted sums).
    if (l > 0) errorFromWishes(ws.dCdA[l], zs[l - 1], activationOfLayer(net, l - 1), ws.deltas[l - 1]);
  }
  // #endregion
  return exampleCost;
}

/** δ = ∂C/∂a ⊙ σ'(z): a layer's error from how the cost depends on its activations, into `out`. */
function errorFromWishes(
  dCdA: ArrayLike<number>,
  z: ArrayLike<number>,
  act: Activation,
  out: Float64Array,
): Float64Array {
  for (let k = 0; k < z.length; k++) out[k] = dCdA[k] * act.prime(z[k]);
  return out;
}

/**
 * BP2 for one layer, in fresh arrays (lesson 06's exercise): δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ σ'(z^l), the error
 * of a layer from the next one's. `nextWeights` is the matrix from this layer into the next (weights[l] here).
 */
export function layerError(
  nextWeights: Matrix,
  nextDelta: ArrayLike<number>,
  z: ArrayLike<number>,
  act: Activation = sigmoid,
): Float64Array {
  if (nextDelta.length !== nextWeights.rows || z.length !== nextWeights.cols) {
    throw new InputError(
      `layerError needs the weights from this layer into the next (${nextWeights.rows}×${nextWeights.cols}: one row per neuron ` +
        `of the next layer, one column per neuron of this one), the next layer's δ (${nextWeights.rows} values; got ${nextDelta.length}) ` +
        `and this layer's z (${nextWeights.cols} values; got ${z.length}); pass the z of the layer whose error you compute`,
    );
  }
  const dCdA = matTVec(nextWeights, nextDelta, new Float64Array(nextWeights.cols));
  return errorFromWishes(dCdA, z, act, new Float64Array(z.length));
}

/** Everything backprop learns from one example, for the lessons to draw. */
export interface Backprop extends Gradient {
  readonly cost: number;
  readonly zs: Float64Array[];
  readonly activations: Float64Array[];
  /** δ^l = ∂C/∂z for each layer after the input. */
  readonly deltas: Float64Array[];
  /** The "desired nudges" of every layer's activations: −∂C/∂a^l (nudges[0] is the input layer). */
  readonly nudges: Float64Array[];
}

/** Backprop for one example, in fresh arrays (for lessons; training uses backpropInto). */
export function backprop(net: Network, input: ArrayLike<number>, label: number, cost: Cost = quadratic): Backprop {
  checkLabel(label, net.sizes[net.sizes.length - 1]);
  checkInput(net, input);
  const ws = workspace(net.sizes);
  const grad = zeroGradient(net.sizes);
  const c = backpropInto(net, cost, input, label, ws, grad);
  return {
    ...grad,
    cost: c,
    zs: ws.pass.zs,
    activations: ws.pass.activations,
    deltas: ws.deltas,
    nudges: ws.dCdA.map((d) => d.map((v) => -v)),
  };
}

/**
 * The gradient of the average cost over some examples of `data` (all of them by default): backprop for each,
 * averaged. With every training example this is the true gradient; with a minibatch, SGD's estimate of it.
 * Returns the gradient and the average cost.
 */
export function averageGradient(
  net: Network,
  data: Dataset,
  indices?: ArrayLike<number>,
  cost: Cost = quadratic,
): { gradient: Gradient; cost: number } {
  checkDatasetFits(net.sizes, data);
  if (indices) {
    checkImageIndices(data, indices);
    checkAtLeastOneExample("averageGradient", indices.length);
  }
  const count = indices ? indices.length : data.count;
  const ws = workspace(net.sizes);
  const gradient = zeroGradient(net.sizes);
  let total = 0;
  for (let n = 0; n < count; n++) {
    const i = indices ? indices[n] : n;
    total += backpropInto(net, cost, imageOf(data, i, ws.input), data.labels[i], ws, gradient, 1 / count);
  }
  return { gradient, cost: total / count };
}
