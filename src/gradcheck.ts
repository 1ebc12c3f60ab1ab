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
  const slope = (values: Float64Array, i: number): number => {
    const saved = values[i];
    values[i] = saved + h;
    const up = costOf(net);
    values[i] = saved - h;
    const down = costOf(net);
    values[i] = saved;
    return (up - down) / (2 * h);
  };
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
  let diff = 0, nx = 0, ny = 0;
  for (let i = 0; i < x.length; i++) {
    diff += (x[i] - y[i]) ** 2;
    nx += x[i] ** 2;
    ny += y[i] ** 2;
  }
  return Math.sqrt(diff) / Math.max(Math.sqrt(nx), Math.sqrt(ny), 1e-300);
}
