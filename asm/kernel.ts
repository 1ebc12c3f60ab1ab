/**
 * Descent's fast kernel: minibatch SGD for a fully connected network, in WebAssembly SIMD (f32x4).
 * It is the lesson's backprop (src/backprop.ts) rewritten in the matrix form of lesson 07: instead of
 * one example at a time, each equation runs on the whole batch at once, as a product of matrices whose
 * rows are the batch's examples. src/engines/fast/kernel.ts lays out the memory (see layer.ts); src/engines/fast.ts
 * calls `train` once per minibatch, and `evaluate` for accuracy and cost over a data set.
 *
 *   input.ts     the input layer w^0 on images: its groups of 4 pixels with ink only (black pixels are 0)
 *   forward.ts   Z = A·wᵀ + b, A = σ(Z), layer by layer          (the forward pass)
 *   cost.ts      Δ^L = ∂C/∂A ⊙ σ'(Z^L)                            (BP1, in outputError)
 *   backward.ts  Δ^l = (Δ^{l+1}·w) ⊙ σ'(Z^l)                      (BP2)
 *                ∇b = Σ_rows Δ, ∇w = Δᵀ·A, and the step           (BP3, BP4; step.ts)
 *   together.ts  one batch shared by several threads, each a share of every layer's neurons
 */
import { layerAt } from "./layer";
import { forward } from "./forward";
import { applyGradient, backward, update } from "./backward";
import { forwardInput, listByGroup, loadImages, updateInput } from "./input";
import { outputError } from "./cost";
import { BARRIER, Batch, barrier, shareStart } from "./together";
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
 * Backprop, phase by phase, thread t's share of each (together.ts); `sync` is the barrier (unused with one thread).
 * Shares: the images by examples; the forward pass, BP2 and the steps by neurons, in panels of 4; the input
 * layer's lists by groups of 4 inputs. The output layer, small, is thread 0's alone, with BP1 and the cost.
 * The phases, between barriers: the images; the input layer's forward pass; each hidden layer's; the output
 * layer; then, from the last hidden layer down, its BP2, and its step with the BP2 of the one below.
 */
function backprop(
  table: usize, layers: i32, m: i32, images: usize, indices: usize, upcoming: i32, labels: usize,
  relu: bool, cost: i32, scale: f32, decay: f32, mode: i32, results: usize, t: i32, threads: i32, sync: usize,
): void {
  const first = layerAt(table, 0), out = layerAt(table, layers - 1), groups = first.pIn >> 2;
  let round = 0;
  prefetch(images, indices + (<usize>m << 2), shareStart(upcoming, t, threads), shareStart(upcoming, t + 1, threads), <usize>first.nIn);
  loadImages(first, images, indices, shareStart(m, t, threads), shareStart(m, t + 1, threads));
  barrier(sync, threads, ++round);
  listByGroup(first, m, shareStart(groups, t, threads), shareStart(groups, t + 1, threads));
  const panels = first.pOut >> 2;
  forwardInput(first, m, relu && layers > 1, shareStart(panels, t, threads), shareStart(panels, t + 1, threads));
  barrier(sync, threads, ++round);
  for (let l = 1; l < layers - 1; l++) {
    const L = layerAt(table, l), panels = L.pOut >> 2;
    forward(L, m, relu, shareStart(panels, t, threads), shareStart(panels, t + 1, threads));
    barrier(sync, threads, ++round);
  }
  // The output layer is small: thread 0 alone takes it through the forward pass, BP1, BP2 and its step.
  if (t == 0) {
    if (layers > 1) forward(out, m, false, 0, out.pOut >> 2);
    outputError(out, m, labels, cost, true, results);
    if (layers > 1) {
      backward(out, m, 0, out.pIn >> 2);
      update(out, m, scale, decay, mode, 0, out.pOut >> 2);
    }
  }
  barrier(sync, threads, ++round);
  // Back through the hidden layers: BP2 gives the previous layer's error using this layer's weights, which may
  // then take their step (BP3, BP4): no earlier layer needs them again.
  for (let l = layers - 2; l > 0; l--) {
    const L = layerAt(table, l), columns = L.pIn >> 2, panels = L.pOut >> 2;
    backward(L, m, shareStart(columns, t, threads), shareStart(columns, t + 1, threads));
    barrier(sync, threads, ++round);
    update(L, m, scale, decay, mode, shareStart(panels, t, threads), shareStart(panels, t + 1, threads));
  }
  updateInput(first, m, scale, decay, mode, shareStart(panels, t, threads), shareStart(panels, t + 1, threads));
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
  forwardInput(first, m, relu && layers > 1, 0, first.pOut >> 2);
  for (let l = 1; l < layers; l++) {
    const L = layerAt(table, l);
    forward(L, m, relu && l < layers - 1, 0, L.pOut >> 2);
  }
  outputError(layerAt(table, layers - 1), m, labels, cost, false, results);
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
