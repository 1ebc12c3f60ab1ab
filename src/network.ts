import { InputError } from "./errors/learnerError";
import { Activation, ActivationName, activationNamed, sigmoid } from "./activation";
import { Matrix, matVec, zeros } from "./matrix";
import { createRandom } from "./random";
import { checkNetworkFits } from "./errors/memory";

/**
 * A fully connected feed-forward network, as in 3Blue1Brown's videos and Nielsen's book.
 *
 * sizes[0] is the input layer (784 pixels for MNIST), sizes[sizes.length - 1] the output layer (10 digits).
 * weights[l] connects layer l to layer l+1: the weight from neuron k of layer l to neuron j of layer l+1 is
 * weights[l].data[j * cols + k] (one row per neuron of layer l+1, one column per neuron of layer l).
 * biases[l][j] is the bias of neuron j of layer l+1.
 *
 * Where the code's indexing differs from the lessons': the lessons (and Nielsen) number the weights and biases by
 * the layer they feed, with the input as layer 0, so a^l = σ(w^l a^{l−1} + b^l). The arrays here start at 0, and
 * the first matrix feeds layer 1, so
 *   weights[l] = w^{l+1},  biases[l] = b^{l+1},  zs[l] = z^{l+1},  deltas[l] = δ^{l+1},  but  activations[l] = a^l.
 * matrix.ts, backprop.ts and the engines use these names with this mapping.
 *
 * Hidden layers use `activation` (sigmoid or ReLU); the output layer is always a sigmoid, so each of the
 * ten outputs is a brightness between 0 and 1, as the videos draw it.
 */
export interface Network {
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly weights: Matrix[];
  readonly biases: Float64Array[];
}

/** How initial weights are drawn: "normal" is N(0, 1) (Nielsen chapter 1); "scaled" is N(0, 1/n_in)
 *  for sigmoid and N(0, 2/n_in) for ReLU (chapter 3 and He et al.), which keeps weighted sums small. */
export type InitName = "normal" | "scaled";

export interface NetworkOptions {
  activation?: ActivationName;
  init?: InitName;
  seed?: number;
}

export const defaultSizes: readonly number[] = [784, 16, 16, 10];

/** Checks layer sizes: at least two layers, each a whole number of at least 1. */
export function checkSizes(sizes: readonly number[]): void {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new InputError(`a network needs at least two layer sizes (input and output); got [${sizes}]`);
  }
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 1) {
      throw new InputError(`layer sizes must be whole numbers of at least 1; got ${n} in [${sizes.join(",")}]`);
    }
  }
}

/** A new network with random weights and biases drawn from `seed`. */
export function createNetwork(sizes: readonly number[] = defaultSizes, options: NetworkOptions = {}): Network {
  checkSizes(sizes);
  checkNetworkFits(sizes);
  const activation = activationNamed(options.activation ?? "sigmoid");
  const init = options.init ?? "normal";
  if (init !== "normal" && init !== "scaled") throw new InputError(`unknown init "${init}"; use "normal" or "scaled"`);
  const random = createRandom(options.seed ?? 1);
  const weights: Matrix[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const w = zeros(sizes[l + 1], sizes[l]);
    const hidden = l + 2 < sizes.length;
    const gain = activation.name === "relu" && hidden ? 2 : 1;
    const scale = init === "scaled" ? Math.sqrt(gain / sizes[l]) : 1;
    for (let i = 0; i < w.data.length; i++) w.data[i] = random.normal() * scale;
    const b = new Float64Array(sizes[l + 1]);
    for (let j = 0; j < b.length; j++) b[j] = random.normal();
    weights.push(w);
    biases.push(b);
  }
  return { sizes: [...sizes], activation, weights, biases };
}

/** The number of weights and biases: 13,002 for 784-16-16-10. */
export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 0; l + 1 < sizes.length; l++) count += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return count;
}

/** The activation function of the neurons of layer l+1 (the output layer is always a sigmoid). */
export function activationOfLayer(net: Network, l: number): Activation {
  return l + 2 < net.sizes.length ? net.activation : sigmoid;
}

/** Everything a forward pass computed: zs[l] are the weighted sums of layer l+1, activations[l] the
 *  activations of layer l (activations[0] is the input). */
export interface ForwardPass {
  readonly zs: Float64Array[];
  readonly activations: Float64Array[];
}

/** Buffers for a forward pass, made once and reused so the training loop allocates nothing. */
export function forwardBuffers(sizes: readonly number[]): ForwardPass {
  return {
    zs: sizes.slice(1).map((n) => new Float64Array(n)),
    activations: sizes.map((n) => new Float64Array(n)),
  };
}

/**
 * The forward pass, layer by layer, keeping every z and a: the lesson's a^{l+1} = σ(w^{l+1} a^l + b^{l+1}),
 * which reads activations[l + 1] = σ(weights[l] · activations[l] + biases[l]) here.
 * `input` holds one example's values (pixels in 0..1). Pass `into` to reuse buffers.
 */
export function feedforward(net: Network, input: ArrayLike<number>, into?: ForwardPass): ForwardPass {
  checkInput(net, input);
  const pass = into ?? forwardBuffers(net.sizes);
  pass.activations[0].set(input);
  for (let l = 0; l < net.weights.length; l++) {
    const z = matVec(net.weights[l], pass.activations[l], pass.zs[l]);
    const b = net.biases[l];
    const a = pass.activations[l + 1];
    const act = activationOfLayer(net, l);
    for (let j = 0; j < z.length; j++) {
      z[j] += b[j];
      a[j] = act.f(z[j]);
    }
  }
  return pass;
}

/** Refuses an input that is not one value per input neuron (784 grey values for a 28×28 digit), before any work. */
export function checkInput(net: Network, input: ArrayLike<number>): void {
  const length = input === null || input === undefined ? undefined : input.length;
  if (length !== net.sizes[0]) {
    const got = typeof length === "number" ? `${length} values` : String(input);
    throw new InputError(`the input must hold ${net.sizes[0]} numbers, one per input neuron; got ${got}`);
  }
}

/** The network's output activations for one input (a fresh array). */
export function outputOf(net: Network, input: ArrayLike<number>): Float64Array {
  const pass = feedforward(net, input);
  return pass.activations[pass.activations.length - 1].slice();
}

/** The index of the largest value: the network's answer is its brightest output neuron. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** A deep copy, so training one copy leaves the other as it was. */
export function cloneNetwork(net: Network): Network {
  return {
    sizes: [...net.sizes],
    activation: net.activation,
    weights: net.weights.map((w) => ({ rows: w.rows, cols: w.cols, data: w.data.slice() })),
    biases: net.biases.map((b) => b.slice()),
  };
}
