/**
 * Where the kernel keeps each buffer in its memory (asm/layer.ts describes the layouts): the weights and biases,
 * then the batch buffers of every part, then the images.
 */

/**
 * How a kernel's threads share the work: "together" to train (one batch of up to threads × capacity examples in
 * one part, every thread taking its share of each phase, asm/together.ts), "apart" to evaluate (every thread a
 * chunk of up to `capacity` examples of its own, in a part of its own).
 */
export type Sharing = "together" | "apart";

/** One batch's buffers: its layer table, results, batch (A, Δ), gradient, image numbers and labels, and the
 *  input layer's lists of the groups of 4 pixels with ink (asm/input.ts). */
export interface Part {
  /** The most examples the part's batch buffers hold. */
  readonly capacity: number;
  readonly table: number;
  readonly results: number;
  readonly activations: number[];
  readonly deltas: number[];
  readonly nablaW: number[];
  readonly nablaB: number[];
  /** u32 image numbers of the batch and of the next one, and byte labels of the batch. */
  readonly indices: number;
  readonly labels: number;
  /** Per example, its groups with ink; per group, its examples with ink (asm/input.ts). */
  readonly inked: number;
  readonly inkedBy: number;
}

/** Byte addresses of every buffer. Layer l's arrays join layer l to layer l+1. The main thread's part is
 *  parts[0], whose fields the layout repeats. */
export interface Layout extends Part {
  readonly padded: number[];
  readonly weights: number[];
  readonly biases: number[];
  readonly transposed: number[];
  readonly parts: Part[];
  /** The Batch record of asm/together.ts, and its barrier, for threads that train together. */
  readonly batch: number;
  /** Where the images start; the memory grows to hold them. */
  readonly images: number;
}

/** A layer's record in a part's table (asm/layer.ts): 16 four-byte fields. */
export const recordBytes = 64;

const roundUp4 = (n: number): number => Math.ceil(n / 4) * 4;

export function planLayout(
  sizes: readonly number[],
  capacity: number,
  base: number,
  threads: number,
  sharing: Sharing,
): Layout {
  let at = base;
  const take = (bytes: number): number => {
    const start = Math.ceil(at / 64) * 64; // a cache line each, so threads never write into one another's lines
    at = start + bytes;
    return start;
  };
  const padded = sizes.map(roundUp4);
  const layers = sizes.length - 1;
  const weights: number[] = [],
    biases: number[] = [],
    transposed: number[] = [];
  for (let l = 0; l < layers; l++) {
    weights.push(take(padded[l + 1] * padded[l] * 4));
    biases.push(take(padded[l + 1] * 4));
    // (w^l)ᵀ for BP2, a copy for each thread (asm/backward.ts); none for the input layer
    transposed.push(l === 0 ? 0 : take(threads * padded[l + 1] * padded[l] * 4));
  }
  const parts: Part[] = [];
  const [count, size] = sharing === "together" ? [1, capacity * threads] : [threads, capacity];
  for (let t = 0; t < count; t++) {
    const table = take(layers * recordBytes);
    const results = take(16 + 16 * size); // the batch's cost and number right; before addUp, each example's (asm/cost.ts)
    const activations = padded.map((p) => take(size * p * 4));
    const deltas = padded.map((p, l) => (l === 0 ? 0 : take(size * p * 4)));
    const nablaW: number[] = [],
      nablaB: number[] = [];
    for (let l = 0; l < layers; l++) {
      nablaW.push(take(padded[l + 1] * padded[l] * 4));
      nablaB.push(take(padded[l + 1] * 4));
    }
    const inked = take(size * (padded[0] + 4)),
      inkedBy = take((padded[0] / 4) * Math.ceil((size * 8 + 4) / 64) * 64);
    parts.push({
      capacity: size,
      table,
      results,
      activations,
      deltas,
      nablaW,
      nablaB,
      indices: take(size * 8),
      labels: take(size),
      inked,
      inkedBy,
    });
  }
  const batch = take(128);
  return { ...parts[0], padded, weights, biases, transposed, parts, batch, images: take(0) };
}
