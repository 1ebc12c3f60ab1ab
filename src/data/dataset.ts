import { InputError } from "../errors/learnerError";
import { checkWholeNumber } from "../errors/validate";
/**
 * A labelled set of images. Pixels are kept as bytes (0..255), four times smaller than Float32 and eight
 * times smaller than numbers: full MNIST's 60,000 images take 47 MB. A pixel's value for the network is
 * byte / 255, a grey level in 0..1.
 * Image i's pixels are pixels[i * rows * cols ...], row by row; its label is labels[i].
 */
export interface Dataset {
  readonly name: string;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
}

/** The number of pixels in one image (784 for 28x28). */
export function imageSize(data: Dataset): number {
  return data.rows * data.cols;
}

/** Image i as grey values in 0..1 (written into `out` when given, so loops allocate nothing). */
export function imageOf(data: Dataset, i: number, out?: Float64Array): Float64Array {
  const size = data.rows * data.cols;
  checkImageIndex(data, i);
  if (out !== undefined && out.length !== size) {
    throw new InputError(`imageOf writes ${size} grey values into \`out\`, but it holds ${out.length}; ` +
      `pass a new Float64Array(${size}) or leave it out`);
  }
  const image = out ?? new Float64Array(size);
  const start = i * size;
  for (let p = 0; p < size; p++) image[p] = data.pixels[start + p] / 255;
  return image;
}

/** A new set holding the given images of `data`, in that order. */
export function subset(data: Dataset, indices: ArrayLike<number>, name = data.name): Dataset {
  checkImageIndices(data, indices);
  const size = data.rows * data.cols;
  const pixels = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let n = 0; n < indices.length; n++) {
    const i = indices[n];
    pixels.set(data.pixels.subarray(i * size, (i + 1) * size), n * size);
    labels[n] = data.labels[i];
  }
  return { name, count: indices.length, rows: data.rows, cols: data.cols, pixels, labels };
}

/** The first n images of `data` (all of them when n is larger). */
export function take(data: Dataset, n: number): Dataset {
  checkWholeNumber("the number of images to take", n, 0);
  const count = Math.min(n, data.count);
  const size = data.rows * data.cols;
  return {
    ...data,
    count,
    pixels: data.pixels.subarray(0, count * size),
    labels: data.labels.subarray(0, count),
  };
}

/** How many images of each label 0..classes-1. */
export function labelCounts(data: Dataset, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < data.count; i++) {
    const label = data.labels[i];
    if (label >= classes) {
      throw new InputError(`"${data.name}" has label ${label} at image ${i}, but only labels 0 to ${classes - 1} are counted; use labelCounts(data, ${label + 1})`);
    }
    counts[label]++;
  }
  return counts;
}

/**
 * Refuses, in one sentence, a data set a network with these layer sizes cannot read, before any work starts:
 * pixels that are not bytes, fewer pixels or labels than its count says (the fast engine would read whatever
 * memory follows), images of another size than the input layer, labels outside the output layer, no images.
 * Every entry point that takes a data set (training, evaluation, gradients, both engines) calls this one check.
 */
export function checkDatasetFits(sizes: readonly number[], data: Dataset): void {
  const name = `"${data?.name ?? "the data set"}"`;
  if (typeof data !== "object" || data === null) throw new InputError(`a data set is { name, count, rows, cols, pixels, labels }; got ${String(data)}`);
  if (!(data.pixels instanceof Uint8Array)) {
    const kind = (data.pixels as object | undefined)?.constructor?.name ?? typeof data.pixels;
    throw new InputError(`${name} must keep its pixels as bytes 0..255 in a Uint8Array; got a ${kind} (for grey values in 0..1, use Uint8Array.from(values, (v) => Math.round(v * 255)))`);
  }
  if (!(data.labels instanceof Uint8Array)) throw new InputError(`${name} must keep its labels in a Uint8Array; got ${typeof data.labels}`);
  if (!Number.isInteger(data.count) || data.count < 1) throw new InputError(`${name} has no images (count ${data.count}); give it at least one`);
  const size = imageSize(data);
  if (size !== sizes[0]) {
    throw new InputError(`${name} has ${size} pixels per image but the network's input layer has ${sizes[0]} neurons; use a first layer of ${size}`);
  }
  if (data.pixels.length < data.count * size) {
    throw new InputError(`${name} says it has ${data.count} images of ${size} pixels, but its pixels hold only ${data.pixels.length} bytes (${Math.floor(data.pixels.length / size)} images)`);
  }
  if (data.labels.length < data.count) throw new InputError(`${name} says it has ${data.count} images, but it has only ${data.labels.length} labels`);
  const classes = sizes[sizes.length - 1];
  for (let i = 0; i < data.count; i++) {
    if (data.labels[i] >= classes) {
      throw new InputError(`${name} has label ${data.labels[i]} at image ${i}, but the network's ${classes} outputs stand for labels 0 to ${classes - 1}; use a last layer of ${data.labels.subarray(0, data.count).reduce((a, b) => Math.max(a, b), 0) + 1} or labels below ${classes}`);
    }
  }
}

/** Refuses a label that is not one of the network's outputs (10, −1, 3.5, NaN or "3" for a 10-digit network). */
export function checkLabel(label: unknown, classes: number): number {
  if (typeof label !== "number" || !Number.isInteger(label) || label < 0 || label >= classes) {
    const shown = typeof label === "string" ? `"${label}"` : String(label);
    throw new InputError(`a label is a whole number from 0 to ${classes - 1}, one per output neuron; got ${shown}`);
  }
  return label;
}

/**
 * Refuses an index that is not one of the set's images: a whole number from 0 to count − 1. Every function that
 * reads images by index (imageOf, subset, averageGradient, both engines) calls this one check.
 */
export function checkImageIndex(data: Dataset, i: number): number {
  if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= data.count) {
    const has = data.count > 0 ? `has images 0..${data.count - 1}` : "has no images";
    throw new InputError(`image ${typeof i === "string" ? `"${i}"` : String(i)} does not exist; "${data.name}" ${has}`);
  }
  return i;
}

/** Refuses a list of image indices (a minibatch, a subset) when one of them is not an image of the set. */
export function checkImageIndices(data: Dataset, indices: ArrayLike<number>): void {
  if (indices === null || typeof indices !== "object" || typeof indices.length !== "number") {
    throw new InputError(`the images are chosen by a list of indices, such as [0, 1, 2]; got ${String(indices)}`);
  }
  for (let n = 0; n < indices.length; n++) checkImageIndex(data, indices[n]);
}

/**
 * Refuses to average over no examples (a gradient, a minibatch): the average of none is 0/0. `what` names
 * what needs them, as the learner called it ("averageGradient").
 */
export function checkAtLeastOneExample(what: string, count: number): void {
  if (!(count >= 1)) throw new InputError(`${what} averages over examples and needs at least one; the list of indices is empty`);
}
