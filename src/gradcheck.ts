import { Gradient, zeroGradient } from "./backprop";
import { Network } from "./network";

/**
 * The oracle for backprop: the gradient by finite differences. Nudge one parameter up by h and down by h,
 * and the slope of the cost between the two is (C(p + h) − C(p − h)) / 2h ("central differences").
 * It needs two full cost evaluations per parameter, 26,004 for 784-16-16-10: that is why backprop exists.
 *
 * `costOf` evaluates the cost of the network as it is now; it is called with parameters nudged in place
 * and each one is put back exactly afterwards.
 */
export function numericGradient(net: Network, costOf: (net: Network) => number, h = 1e-5): Gradient {
  const grad = zeroGradient(net.sizes);
  const slope = (values: Float64Array, index: number): number =>
    numericPartial(net, { name: "", values, index }, costOf, h);
  for (let l = 0; l < net.weights.length; l++) {
    const w = net.weights[l].data;
    for (let i = 0; i < w.length; i++) grad.nablaW[l].data[i] = slope(w, i);
    const b = net.biases[l];
    for (let j = 0; j < b.length; j++) grad.nablaB[l][j] = slope(b, j);
  }
  return grad;
}

/** All of a gradient's numbers in one flat array: weights layer by layer (row-major), then that layer's biases. */
export function flattenGradient(grad: Gradient): Float64Array {
  let length = 0;
  for (let l = 0; l < grad.nablaW.length; l++) length += grad.nablaW[l].data.length + grad.nablaB[l].length;
  const flat = new Float64Array(length);
  let at = 0;
  for (let l = 0; l < grad.nablaW.length; l++) {
    flat.set(grad.nablaW[l].data, at);
    at += grad.nablaW[l].data.length;
    flat.set(grad.nablaB[l], at);
    at += grad.nablaB[l].length;
  }
  return flat;
}

/**
 * How far apart two gradients are, relative to their size: ‖a − b‖ / max(‖a‖, ‖b‖, tiny).
 * Below about 1e-6 in double precision means backprop and finite differences agree.
 */
export function relativeError(a: Gradient, b: Gradient): number {
  const x = flattenGradient(a);
  const y = flattenGradient(b);
  let diff = 0,
    nx = 0,
    ny = 0;
  for (let i = 0; i < x.length; i++) {
    diff += (x[i] - y[i]) ** 2;
    nx += x[i] ** 2;
    ny += y[i] ** 2;
  }
  return Math.sqrt(diff) / Math.max(Math.sqrt(nx), Math.sqrt(ny), 1e-300);
}

/** One weight or bias of a network, by name: "w[l][j][k]" or "b[l][j]", and where its value lives. */
export interface ParameterRef {
  readonly name: string;
  readonly values: Float64Array;
  readonly index: number;
}

/** Every parameter of the network, in the order of flattenGradient (weights layer by layer, then biases). */
export function parameterRefs(net: Network): ParameterRef[] {
  const refs: ParameterRef[] = [];
  for (let l = 0; l < net.weights.length; l++) {
    const { rows, cols, data } = net.weights[l];
    for (let j = 0; j < rows; j++)
      for (let k = 0; k < cols; k++) refs.push({ name: `w[${l}][${j}][${k}]`, values: data, index: j * cols + k });
    for (let j = 0; j < rows; j++) refs.push({ name: `b[${l}][${j}]`, values: net.biases[l], index: j });
  }
  return refs;
}

/** The slope of the cost in one parameter, by central differences (the parameter is put back exactly). */
export function numericPartial(net: Network, ref: ParameterRef, costOf: (net: Network) => number, h = 1e-5): number {
  const saved = ref.values[ref.index];
  ref.values[ref.index] = saved + h;
  const up = costOf(net);
  ref.values[ref.index] = saved - h;
  const down = costOf(net);
  ref.values[ref.index] = saved;
  return (up - down) / (2 * h);
}
