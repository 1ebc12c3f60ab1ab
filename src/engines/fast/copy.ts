import { Dataset, checkDatasetFits, checkImageIndex } from "../../data/dataset";
import { InputError } from "../../errors/learnerError";
import { Kernel, Part, reserve, useDenseInput } from "./kernel";
import { Network } from "../../network";

// Moving weights, biases and images between the library's arrays and the kernel's memory (kernel.ts).

/** Where weight w_jk of layer l's pOut × pIn matrix sits, in floats, in the kernel's layout (asm/layer.ts): the input
 *  layer's by groups of 4 inputs, every other layer's in panels of 4 rows. */
function weightIndex(l: number, j: number, k: number, pIn: number, pOut: number): number {
  if (l === 0) return (k - (k % 4)) * pOut + j * 4 + (k % 4);
  return (j - (j % 4)) * pIn + (k - (k % 4)) * 4 + (j % 4) * 4 + (k % 4);
}

/** Copies the network's weights and biases (f64) into the kernel (f32). */
export function loadParameters(k: Kernel, net: Pick<Network, "sizes" | "weights" | "biases">): void {
  checkSameSizes(k, net);
  for (let l = 0; l < net.weights.length; l++) {
    const { rows, cols, data } = net.weights[l];
    const at = k.layout.weights[l] / 4,
      pIn = k.layout.padded[l],
      pOut = k.layout.padded[l + 1];
    for (let j = 0; j < rows; j++)
      for (let c = 0; c < cols; c++) k.floats[at + weightIndex(l, j, c, pIn, pOut)] = data[j * cols + c];
    k.floats.set(net.biases[l], k.layout.biases[l] / 4);
  }
}

/** Copies the kernel's weights and biases (or, with `gradient`, its nablaW and nablaB) out into f64 arrays,
 *  row-major as in matrix.ts. */
export function storeParameters(k: Kernel, weights: Float64Array[], biases: Float64Array[], gradient = false): void {
  for (let l = 0; l + 1 < k.sizes.length; l++) {
    const at = (gradient ? k.layout.nablaW : k.layout.weights)[l] / 4,
      b = (gradient ? k.layout.nablaB : k.layout.biases)[l] / 4;
    const rows = k.sizes[l + 1],
      cols = k.sizes[l],
      pIn = k.layout.padded[l],
      pOut = k.layout.padded[l + 1];
    for (let j = 0; j < rows; j++)
      for (let c = 0; c < cols; c++) weights[l][j * cols + c] = k.floats[at + weightIndex(l, j, c, pIn, pOut)];
    biases[l].set(k.floats.subarray(b, b + rows));
  }
}

/**
 * Makes the kernel's image region hold all of data.pixels, copying them in once (47 MB for full MNIST) so
 * that each minibatch costs no copying. A data set is taken not to change while it is trained on.
 */
export function holdImages(k: Kernel, data: Dataset): void {
  // Called for every minibatch: the whole check (a pass over every label) runs only when a new set is copied in.
  if (k.held && k.held.pixels === data.pixels && k.held.count >= data.count) return;
  checkDatasetFits(k.sizes, data);
  k.held = null;
  const bytes = data.count * k.sizes[0];
  reserve(k, k.layout.images + bytes);
  k.bytes.set(data.pixels.subarray(0, bytes), k.layout.images);
  k.held = { pixels: data.pixels, count: data.count };
  useDenseInput(k, inkedNearlyEverywhere(data));
}

/**
 * Whether most of the 4-pixel groups of `data`'s images have ink (over 60%, from up to 500 images spread evenly):
 * then the kernel's input layer goes over every group (useDenseInput); MNIST's digits have ink in 28%.
 */
export function inkedNearlyEverywhere(data: Dataset): boolean {
  const size = data.rows * data.cols,
    images = Math.min(500, data.count);
  let inked = 0,
    groups = 0;
  for (let s = 0; s < images; s++) {
    const at = Math.floor((s * data.count) / images) * size;
    for (let k = 0; k < size; k += 4, groups++) {
      for (let q = k; q < Math.min(k + 4, size); q++)
        if (data.pixels[at + q] !== 0) {
          inked++;
          break;
        }
    }
  }
  return groups > 0 && inked / groups > 0.6;
}

/**
 * Puts the numbers and labels of images order[start..end) into the batch buffers (their pixels must be held),
 * followed by the numbers of the images of the batch after next, up to as many again, for the kernel to fetch
 * into cache while it trains (the next batch's were fetched during the one before), into the buffers of `part`
 * (the main thread's unless a worker thread's is given). Returns how many of those follow.
 */
export function setBatch(
  k: Kernel,
  data: Dataset,
  order: ArrayLike<number>,
  start: number,
  end: number,
  part: Part = k.layout,
): number {
  const { indices, labels } = part;
  const m = end - start,
    ahead = Math.min(end + m, order.length),
    upcoming = Math.min(m, order.length - ahead);
  for (let n = 0; n < m; n++) {
    const i = order[start + n];
    if (!(i >= 0 && i < data.count)) checkImageIndex(data, i); // the cheap look first: this runs for every example
    k.indices[indices / 4 + n] = i;
    k.bytes[labels + n] = data.labels[i];
  }
  // Only fetched, never read as images, so a number out of range is left out rather than refused.
  for (let n = 0; n < upcoming; n++) k.indices[indices / 4 + m + n] = Math.min(order[ahead + n] >>> 0, data.count - 1);
  return upcoming;
}

/**
 * Copies images start..end of `data` (at most `capacity`) into the image region, as images 0..m-1 of `part`
 * (the main thread's unless given); part number p takes the p-th slot of `capacity` images (reserve them).
 */
export function stageImages(k: Kernel, data: Dataset, start: number, end: number, p = 0): void {
  checkImageSize(k, data, start, end);
  const size = k.sizes[0],
    { indices, labels } = k.layout.parts[p],
    first = p * k.capacity;
  k.held = null;
  k.bytes.set(data.pixels.subarray(start * size, end * size), k.layout.images + first * size);
  k.bytes.set(data.labels.subarray(start, end), labels);
  for (let n = 0; n < end - start; n++) k.indices[indices / 4 + n] = first + n;
}

/**
 * Called for every chunk: a cheap look that images start..end are there at the input layer's size; only when
 * they are not, the whole check of the set (one sentence saying what is wrong with it).
 */
function checkImageSize(k: Kernel, data: Dataset, start: number, end: number): void {
  const size = k.sizes[0];
  if (data.rows * data.cols === size && data.pixels?.length >= end * size && data.labels?.length >= end && start >= 0)
    return;
  checkDatasetFits(k.sizes, data);
  throw new InputError(`images ${start}..${end} are not all in "${data.name}", which has ${data.count}`);
}

function checkSameSizes(k: Kernel, net: Pick<Network, "sizes">): void {
  if (net.sizes.length !== k.sizes.length || net.sizes.some((n, l) => n !== k.sizes[l])) {
    throw new InputError(
      `this fast engine was made for a ${k.sizes.join("-")} network and cannot take a ${net.sizes.join("-")} one; make a new engine for it`,
    );
  }
}
