import { InputError } from "../errors/learnerError";
import { Dataset } from "./dataset";
import { createRandom, permutation } from "../random";

/**
 * Labels of lower quality (lesson 08): the same images, with a share of their labels replaced by random ones,
 * as if some of the people who labelled them had guessed. The images are shared, not copied.
 *
 * Exactly round(share · count) images, chosen at random from `seed`, get a label drawn uniformly from
 * 0..classes-1. A random label is the right one by chance once in `classes` times, so about
 * share · (classes − 1) / classes of the labels end up wrong (18% for a share of 0.2 and ten classes).
 */
export function withCorruptedLabels(data: Dataset, share: number, seed: number, classes = 10): Dataset {
  if (typeof share !== "number" || !(share >= 0 && share <= 1)) {
    throw new InputError(`the share of labels to corrupt must be a number from 0 to 1; got ${share}`);
  }
  if (!Number.isInteger(classes) || classes < 2) {
    throw new InputError(`the number of classes must be a whole number of at least 2; got ${classes}`);
  }
  const random = createRandom(seed);
  const chosen = permutation(data.count, random).subarray(0, Math.round(share * data.count));
  const labels = Uint8Array.from(data.labels);
  for (let n = 0; n < chosen.length; n++) labels[chosen[n]] = random.int(classes);
  return { ...data, name: `${data.name}, ${Math.round(100 * share)}% of labels random`, labels };
}
