/**
 * Descent's fast kernel: minibatch SGD for a fully connected network, in WebAssembly SIMD (f32x4).
 * It is the lesson's backprop (src/backprop.ts) rewritten in the matrix form of lesson 07: instead of
 * one example at a time, each equation runs on the whole batch at once, as a product of matrices whose
 * rows are the batch's examples. src/engines/fast/kernel.ts lays out the memory (see layer.ts); src/engines/fast.ts
 * calls `train` once per minibatch, and `evaluate` for accuracy and cost over a data set.
 *
 *   input.ts     the input layer w^0 on images: its groups of 4 pixels with ink only, as black pixels are 0
 *                (inputForward.ts, inputStep.ts)
 *   forward.ts   Z = A·wᵀ + b, A = σ(Z), layer by layer          (the forward pass)
 *   cost.ts      Δ^L = ∂C/∂A ⊙ σ'(Z^L)                            (BP1, in outputError)
 *   backward.ts  Δ^l = (Δ^{l+1}·w) ⊙ σ'(Z^l)                      (BP2)
 *                ∇b = Σ_rows Δ, ∇w = Δᵀ·A, and the step           (BP3, BP4; step.ts)
 *   together.ts  one batch shared by several threads, each a share of every layer's neurons
 */
import { layerAt } from "./layer";
import { forward } from "./forward";
import { applyGradient, backward, update } from "./backward";
import { listByGroup, loadImages } from "./input";
import { forwardInput } from "./inputForward";
import { updateInput } from "./inputStep";
import { addUp, outputError } from "./cost";
import { BARRIER, Batch, barrier, shareStart } from "./together";
import { scaleErrors, stepBiases } from "./step";
export { peak } from "./peak";

/** The first free byte of memory: src/engines/fast/kernel.ts places every buffer from here up. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Backprop on a minibatch of m examples: the images numbered indices[0..m) (u32) of the data set whose
 * pixels start at `images` (nIn bytes per image), with the desired digits labels[0..m) (bytes).
 * indices[m..m+upcoming) are images to fetch into cache meanwhile (src/engines/fast/copy.ts lists the batch after
 * next's: the next one's came in during the one before).
 * `mode` says what to do with the gradient summed over the batch, times `scale` (step.ts): STEP takes
 * the step (scale = −eta/m; weights also shrink by `decay`, 1 without L2), SET writes it to nablaW and
 * nablaB (scale = 1/m gives the average gradient), ADD adds it there (a batch in parts; see applyGradient).
 * results[0] gets the batch's summed cost and results[1] how many examples the network got right,
 * both from the forward pass before any step.
 */
export function train(
  table: usize, layers: i32, m: i32, images: usize, indices: usize, upcoming: i32, labels: usize,
  relu: bool, cost: i32, scale: f32, decay: f32, mode: i32, results: usize,
): void {
  backprop(table, layers, m, images, indices, upcoming, labels, relu, cost, scale, decay, mode, results, 0, 1, 0);
}

/** `train` by thread `thread` of the batch's threads (together.ts), with the arguments in the Batch record at `batch`. */
export function trainTogether(batch: usize, thread: i32): void {
  const b = changetype<Batch>(batch);
  backprop(b.table, b.layers, b.m, b.images, b.indices, b.upcoming, b.labels, b.relu != 0, b.cost, b.scale, b.decay, b.mode,
    b.results, thread, b.threads, batch + BARRIER);
}

/**
 * Backprop, thread t's share of it (together.ts); `sync` is the barrier (unused with one thread). The input
 * layer's weights, most of the network's, are shared by neurons: each thread computes and steps the same panels
 * of w^0 every batch, so they stay in its core's cache (shared by examples, each thread would read weights the
 * other had just written, and at small batches wait for them longer than the arithmetic takes). The rest goes
 * by examples, then by weights:
 *   1. its share of the examples' images into A^0 and their lists of groups with ink;
 *   2. (all images in) its share of the groups' lists of examples (for BP4), and z = w^0·a + b, σ, for its
 *      panels of neurons, for every example;
 *   3. (all of A^1 in) its share of the examples through the other layers' forward pass, BP1 and BP2, since one
 *      example's errors need no other example;
 *   4. (all errors in) BP3, BP4 and the step for its panels of w^0 and of every other layer, summing over every
 *      example.
 */
function backprop(
  table: usize, layers: i32, m: i32, images: usize, indices: usize, upcoming: i32, labels: usize,
  relu: bool, cost: i32, scale: f32, decay: f32, mode: i32, results: usize, t: i32, threads: i32, sync: usize,
): void {
  const first = layerAt(table, 0), out = layerAt(table, layers - 1);
  const i0 = shareStart(m, t, threads), i1 = shareStart(m, t + 1, threads);
  const firstPanels = first.pOut >> 2;
  const j0 = <usize>shareStart(firstPanels, t, threads) << 2, j1 = <usize>shareStart(firstPanels, t + 1, threads) << 2;
  prefetch(images, indices + (<usize>m << 2), shareStart(upcoming, t, threads), shareStart(upcoming, t + 1, threads), <usize>first.nIn);
  loadImages(first, images, indices, i0, i1);
  barrier(sync, threads, 1);
  if (first.dense == 0) listByGroup(first, m, t, threads); // images with ink nearly everywhere go without the lists
  forwardInput(first, 0, m, j0, j1, relu && layers > 1);
  barrier(sync, threads, 2);
  for (let l = 1; l < layers; l++) forward(layerAt(table, l), i0, i1, relu && l < layers - 1);
  outputError(out, i0, i1, labels, cost, true, results);
  // From the last layer back, BP2 gives each layer's errors from the next one's, which are then no longer needed
  // as they are: they are multiplied by c (step.ts), for the sums of BP3 and BP4.
  for (let l = layers - 1; l > 0; l--) {
    const L = layerAt(table, l);
    backward(L, i0, i1, t);
    scaleErrors(L, i0, i1, scale);
  }
  scaleErrors(first, i0, i1, scale);
  barrier(sync, threads, 3);
  if (t == 0) addUp(results, m);
  updateInput(first, m, decay, mode, j0, j1);
  stepBiases(first, m, mode, j0, j1);
  for (let l = 1; l < layers; l++) {
    const L = layerAt(table, l), panels = L.pOut >> 2, p0 = shareStart(panels, t, threads), p1 = shareStart(panels, t + 1, threads);
    update(L, m, decay, mode, p0, p1);
  }
  // No barrier at the end: the caller waits until every thread has returned (src/engines/fast/split.ts).
}

/** The step after a batch's gradient was summed in parts with ADD: w ← decay · w + nablaW, b ← b + nablaB. */
export function step(table: usize, layers: i32, decay: f32): void {
  for (let l = 0; l < layers; l++) applyGradient(layerAt(table, l), decay);
}

/** The forward pass only: results[0] gets the summed cost of the m examples, results[1] the number right.
 *  The input layer's activations are the grey values byte / 255; hidden layers are sigmoids, or ReLUs with
 *  `relu`; the output layer always sigmoids. */
export function evaluate(
  table: usize, layers: i32, m: i32, images: usize, indices: usize, labels: usize, relu: bool, cost: i32, results: usize,
): void {
  const first = layerAt(table, 0);
  loadImages(first, images, indices, 0, m);
  forwardInput(first, 0, m, 0, <usize>first.pOut, relu && layers > 1);
  for (let l = 1; l < layers; l++) forward(layerAt(table, l), 0, m, relu && l < layers - 1);
  outputError(layerAt(table, layers - 1), 0, m, labels, cost, false, results);
  addUp(results, m);
}

/**
 * Reads one byte of every 64-byte cache line of images from..to of the list at `indices`. A shuffled batch's
 * images are scattered over the whole data set (47 MB for MNIST), so they are rarely in cache; touching all of
 * the next batch's images at once lets memory deliver them together, instead of one line at a time when needed.
 */
function prefetch(images: usize, indices: usize, from: i32, to: i32, n: usize): void {
  let touched: u32 = 0;
  for (let i = from; i < to; i++) {
    const image = images + <usize>load<u32>(indices + (<usize>i << 2)) * n;
    for (let p: usize = 0; p < n; p += 64) touched ^= load<u8>(image + p);
    touched ^= load<u8>(image + n - 1);
  }
  store<u32>(sink, touched); // so that the reads are not optimised away
}

/** Where prefetch leaves its unused result. */
const sink: usize = memory.data(16);
