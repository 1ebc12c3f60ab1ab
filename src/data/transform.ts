import { InputError } from "../errors/learnerError";
import { Dataset } from "./dataset";
import { createRandom, permutation } from "../random";

/**
 * Data sets for the "memorization or understanding?" lesson (Zhang et al. 2017, Arpit et al. 2017):
 * the same images with their labels shuffled, pure-noise images, and digits shrunk to 14x14.
 */

/** The same images with the labels randomly permuted: no pattern left to learn, only examples to memorize.
 *  The label counts are unchanged. */
export function withShuffledLabels(data: Dataset, seed: number): Dataset {
  const order = permutation(data.count, createRandom(seed));
  const labels = new Uint8Array(data.count);
  for (let i = 0; i < data.count; i++) labels[i] = data.labels[order[i]];
  return { ...data, name: `${data.name}, labels shuffled`, labels };
}

/** `count` images of uniform random grey noise, each with a random label 0..classes-1. */
export function noiseImages(count: number, seed: number, rows = 28, cols = 28, classes = 10): Dataset {
  const random = createRandom(seed);
  const pixels = new Uint8Array(count * rows * cols);
  for (let i = 0; i < pixels.length; i++) pixels[i] = random.int(256);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = random.int(classes);
  return { name: `${count} noise images`, count, rows, cols, pixels, labels };
}

/** Every image shrunk by `factor` in each direction, each new pixel the rounded mean of a factor x factor block
 *  (28x28 to 14x14 with factor 2, as in Arpit et al.'s small-network experiments). */
export function downsample(data: Dataset, factor = 2): Dataset {
  if (!Number.isInteger(factor) || factor < 1 || data.rows % factor || data.cols % factor) {
    throw new InputError(`cannot shrink ${data.rows}x${data.cols} images by ${factor}; the factor must be a whole number dividing both sides`);
  }
  const rows = data.rows / factor, cols = data.cols / factor;
  const pixels = new Uint8Array(data.count * rows * cols);
  const area = factor * factor;
  for (let i = 0; i < data.count; i++) {
    const from = i * data.rows * data.cols, to = i * rows * cols;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let sum = 0;
        for (let dr = 0; dr < factor; dr++) {
          for (let dc = 0; dc < factor; dc++) sum += data.pixels[from + (r * factor + dr) * data.cols + c * factor + dc];
        }
        pixels[to + r * cols + c] = Math.round(sum / area);
      }
    }
  }
  return { ...data, name: `${data.name}, ${rows}x${cols}`, rows, cols, pixels };
}
