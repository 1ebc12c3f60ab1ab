import { createRandom, permutation } from "./random";
import { checkWholeNumber } from "./errors/validate";

/**
 * Shuffle and split (lesson 07): how minibatch SGD cuts an epoch into minibatches. The examples' indices are
 * shuffled once per epoch, then cut into consecutive minibatches of `batchSize`; the last one holds whatever is
 * left, so it may be shorter, and no example is dropped. `trainer` in sgd.ts cuts its epochs with
 * `minibatchBounds`, and its first epoch's order is `permutation(count, createRandom(seed))`, so
 * `minibatches(count, batchSize, seed)` lists exactly the minibatches of `train`'s first epoch with that seed.
 */

/** Where minibatch `batch` (counted from 0) starts and ends in an epoch's order of `count` examples: [start, end). */
export function minibatchBounds(batch: number, batchSize: number, count: number): [number, number] {
  const start = batch * batchSize;
  return [start, Math.min(start + batchSize, count)];
}

/** The number of minibatches (SGD steps) in one epoch: count ÷ batchSize, rounded up. */
export function minibatchCount(count: number, batchSize: number): number {
  return Math.ceil(count / batchSize);
}

/** The first epoch's minibatches of `train` with this seed: the indices 0..count-1, shuffled, cut into batches. */
export function minibatches(count: number, batchSize: number, seed: number): number[][] {
  checkWholeNumber("the number of examples", count, 0);
  checkWholeNumber("the batch size", batchSize, 1);
  const order = permutation(count, createRandom(seed));
  return Array.from({ length: minibatchCount(count, batchSize) }, (_, batch) =>
    Array.from(order.subarray(...minibatchBounds(batch, batchSize, count))),
  );
}
