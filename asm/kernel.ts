/**
 * Descent's fast kernel: minibatch SGD for a fully connected network, in WebAssembly SIMD (f32x4).
 * It is the lesson's backprop (src/backprop.ts) rewritten in the matrix form of lesson 07: instead of
 * one example at a time, each equation runs on the whole batch at once, as a product of matrices whose
 * rows are the batch's examples. src/engines/fast/kernel.ts lays out the memory (see layer.ts); src/engines/fast.ts calls
 * `train` once per minibatch, and `evaluate` for accuracy and cost over a data set.
 *
 *   input.ts     the same for the input layer w^0, on the 4-pixel groups with ink only (black pixels are 0)
 *   forward.ts   Z = A·wᵀ + b, A = σ(Z), layer by layer          (the forward pass)
 *   kernel.ts    Δ^L = ∂C/∂A ⊙ σ'(Z^L)                            (BP1, in outputError)
 *   backward.ts  Δ^l = (Δ^{l+1}·w) ⊙ σ'(Z^l)                      (BP2)
 *                ∇b = Σ_rows Δ, ∇w = Δᵀ·A, and the step           (BP3, BP4)
 */
import { Layer, layerAt } from "./layer";
import { forward } from "./forward";
import { addGradient, applyGradient, backward, update } from "./backward";
import { forwardInput, loadImages } from "./input";
import { flush, sum1 } from "./simd";
export { peak } from "./peak";

/** Cost functions, by number (src/engines/fast.ts passes the same numbers). */
const QUADRATIC = 0;

/** The first free byte of memory: src/engines/fast/kernel.ts places every buffer from here up. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Backprop on a minibatch of m examples: the images numbered indices[0..m) (u32) of the data set whose
 * pixels start at `images` (nIn bytes per image), with the desired digits labels[0..m) (bytes).
 * indices[m..m+upcoming) are the next batch's images, fetched into cache meanwhile.
 * `mode` says what to do with the gradient summed over the batch, times `scale` (backward.ts): STEP takes
 * the step (scale = −eta/m; weights also shrink by `decay`, 1 without L2), SET writes it to nablaW and
 * nablaB (scale = 1/m gives the average gradient), ADD adds it there (a batch in parts; see applyGradient).
 * results[0] gets the batch's summed cost and results[1] how many examples the network got right,
 * both from the forward pass before any step.
 */
export function train(
  table: usize, layers: i32, m: i32, images: usize, indices: usize, upcoming: i32, labels: usize,
  relu: bool, cost: i32, scale: f32, decay: f32, mode: i32, results: usize,
): void {
  prefetch(images, indices + (<usize>m << 2), upcoming, <usize>layerAt(table, 0).nIn);
  runForward(table, layers, m, images, indices, relu);
  outputError(layerAt(table, layers - 1), m, labels, cost, true, results);
  // From the last layer back: BP2 gives the previous layer's error using this layer's weights, which
  // may then take their step (BP3, BP4): no earlier layer needs them again.
  for (let l = layers - 1; l >= 0; l--) {
    const L = layerAt(table, l);
    if (l > 0) backward(L, m);
    update(L, m, scale, decay, mode, l == 0);
  }
}

/** The step after a batch's gradient was summed in parts with ADD: w ← decay · w + nablaW, b ← b + nablaB. */
export function step(table: usize, layers: i32, decay: f32): void {
  for (let l = 0; l < layers; l++) applyGradient(layerAt(table, l), decay);
}

/**
 * A batch split between threads (src/engines/fast/threads.ts): each thread's part of the gradient, in the nablaW and
 * nablaB of its own layer table, is added into those of `into`, so that step() can then take one step.
 */
export function accumulate(into: usize, from: usize, layers: i32): void {
  for (let l = 0; l < layers; l++) addGradient(layerAt(into, l), layerAt(from, l));
}

/** The forward pass only: results[0] gets the summed cost of the m examples, results[1] the number right. */
export function evaluate(
  table: usize, layers: i32, m: i32, images: usize, indices: usize, labels: usize, relu: bool, cost: i32, results: usize,
): void {
  runForward(table, layers, m, images, indices, relu);
  outputError(layerAt(table, layers - 1), m, labels, cost, false, results);
}

/** The input layer's activations are the grey values byte / 255; then each layer in turn (the output layer
 *  always a sigmoid, hidden layers a ReLU when `relu`). */
function runForward(table: usize, layers: i32, m: i32, images: usize, indices: usize, relu: bool): void {
  loadImages(layerAt(table, 0), m, images, indices);
  forwardInput(layerAt(table, 0), m, relu && layers > 1);
  for (let l = 1; l < layers; l++) forward(layerAt(table, l), m, relu && l < layers - 1);
}

/**
 * Reads one byte of every 64-byte cache line of the given images. A shuffled batch's images are scattered
 * over the whole data set (47 MB for MNIST), so they are rarely in cache; touching all of the next batch's
 * images at once lets memory deliver them together, instead of one line at a time when they are needed.
 */
function prefetch(images: usize, indices: usize, count: i32, n: usize): void {
  let touched: u32 = 0;
  for (let i = 0; i < count; i++) {
    const image = images + <usize>load<u32>(indices + (<usize>i << 2)) * n;
    for (let p: usize = 0; p < n; p += 64) touched ^= load<u8>(image + p);
    touched ^= load<u8>(image + n - 1);
  }
  store<u32>(sink, touched); // so that the reads are not optimised away
}

/** Where prefetch leaves its unused result. */
const sink: usize = memory.data(16);

/**
 * The output layer against the desired outputs y (1 for the label's neuron, 0 for the others): adds up the
 * cost, counts the right answers (the brightest output neuron, the first one on a tie), and when `withDelta`
 * writes BP1's output error δ^L = ∂C/∂a ⊙ σ'(z): 2(a − y)·σ'(z) for the quadratic cost C = Σ (a − y)²
 * (σ'(z) waits in the error buffer, from the forward pass), and a − y for cross-entropy.
 */
function outputError(L: Layer, m: i32, labels: usize, cost: i32, withDelta: bool, results: usize): void {
  const outBytes = <usize>L.pOut << 2;
  let total: f64 = 0, correct = 0;
  for (let i = 0; i < m; i++) {
    const a = L.output + <usize>i * outBytes, delta = L.delta + <usize>i * outBytes;
    const label = <i32>load<u8>(labels + <usize>i);
    let best = 0;
    for (let j = 1; j < L.nOut; j++) if (load<f32>(a + (<usize>j << 2)) > load<f32>(a + (<usize>best << 2))) best = j;
    if (best == label) correct++;
    let squares = f32x4.splat(0);
    for (let j = 0; j < L.pOut; j += 4) {
      const aj = v128.load(a + (<usize>j << 2));
      const isLabel = i32x4.eq(i32x4.add(i32x4.splat(j), i32x4(0, 1, 2, 3)), i32x4.splat(label));
      const diff = f32x4.sub(aj, v128.and(isLabel, f32x4.splat(1))); // a − y
      squares = f32x4.add(squares, f32x4.mul(diff, diff));
      if (!withDelta) continue;
      v128.store(delta + (<usize>j << 2), cost == QUADRATIC
        ? flush(f32x4.mul(f32x4.add(diff, diff), v128.load(delta + (<usize>j << 2))))
        : diff);
    }
    if (cost == QUADRATIC) total += <f64>sum1(squares);
    else total += crossEntropy(a, L.nOut, label);
  }
  store<f64>(results, total);
  store<f64>(results, <f64>correct, 8);
}

/** C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)], with a kept within 1e-12 of 0 and 1 as src/cost.ts does. */
function crossEntropy(a: usize, n: i32, label: i32): f64 {
  let sum: f64 = 0;
  for (let j = 0; j < n; j++) {
    const p = Math.min(Math.max(<f64>load<f32>(a + (<usize>j << 2)), 1e-12), 1 - 1e-12);
    sum -= j == label ? Math.log(p) : Math.log(1 - p);
  }
  return sum;
}
