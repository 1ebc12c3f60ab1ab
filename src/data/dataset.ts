import { InputError } from "../errors";
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
  if (!Number.isInteger(i) || i < 0 || i >= data.count) {
    throw new InputError(`image ${i} does not exist; "${data.name}" has images 0..${data.count - 1}`);
  }
  const image = out ?? new Float64Array(size);
  const start = i * size;
  for (let p = 0; p < size; p++) image[p] = data.pixels[start + p] / 255;
  return image;
}

/** A new set holding the given images of `data`, in that order. */
export function subset(data: Dataset, indices: ArrayLike<number>, name = data.name): Dataset {
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
  for (let i = 0; i < data.count; i++) counts[data.labels[i]]++;
  return counts;
}
