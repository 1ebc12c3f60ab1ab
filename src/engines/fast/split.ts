import { Dataset } from "../../data/dataset";
import { LearnerError } from "../../errors/learnerError";
import { setBatch } from "./copy";
import { TOGETHER } from "./jobs";
import { ADD, Kernel, SET, STEP, chunk } from "./kernel";
import { Pace, createPace } from "./pace";
import { availableCores, post, waitIdle } from "./threads";

/**
 * A batch trained by several threads together (asm/together.ts): each takes a share of every layer's neurons,
 * so each weighted sum and each gradient component is still computed by one thread, in one thread's order, and
 * the result is the same bits for any number of threads. `most` is the most threads a batch uses: it takes one
 * instead when that has lately been faster (pace.ts).
 *
 * gradientInParts sums the gradient of images order[start..end) of `data` (held with holdImages), times `scale`,
 * into the kernel's nablaW and nablaB, in rounds of at most `chunk` examples, as one thread sums a batch bigger
 * than that; the caller then takes the step (the kernel's `step`). stepInParts takes the step itself,
 * w ← decay · w + scale · ∇w, in the same call as backprop when the batch fits in one round. Both return the
 * summed cost and the number right, from the forward passes.
 */
export function gradientInParts(
  k: Kernel,
  most: number,
  data: Dataset,
  order: ArrayLike<number>,
  start: number,
  end: number,
  cost: number,
  scale: number,
): { cost: number; correct: number } {
  return paced(k, most, end - start, (threads) => {
    let total = 0,
      correct = 0;
    const round = Math.min(k.layout.capacity, chunk);
    for (let s = start; s < end; s += round) {
      const e = Math.min(s + round, end);
      const upcoming = setBatch(k, data, order, s, e);
      trainTogether(k, threads, { m: e - s, upcoming, cost, scale, decay: 1, mode: s === start ? SET : ADD });
      total += k.results[0];
      correct += k.results[1];
    }
    return { cost: total, correct };
  });
}

export function stepInParts(
  k: Kernel,
  most: number,
  data: Dataset,
  order: ArrayLike<number>,
  start: number,
  end: number,
  cost: number,
  scale: number,
  decay: number,
): { cost: number; correct: number } {
  if (end - start > Math.min(k.layout.capacity, chunk)) {
    const result = gradientInParts(k, most, data, order, start, end, cost, scale);
    k.calls.step(k.layout.table, k.sizes.length - 1, decay);
    return result;
  }
  return paced(k, most, end - start, (threads) => {
    const upcoming = setBatch(k, data, order, start, end);
    trainTogether(k, threads, { m: end - start, upcoming, cost, scale, decay, mode: STEP });
    return { cost: k.results[0], correct: k.results[1] };
  });
}

/** Runs `batch` with the threads the kernel's pace chooses, and tells the pace how long it took. */
function paced<T>(k: Kernel, most: number, examples: number, batch: (threads: number) => T): T {
  if (!paces.has(k)) paces.set(k, createPace(most));
  const pace = paces.get(k)!,
    threads = Math.min(pace.next(), most),
    started = performance.now();
  const result = batch(threads);
  pace.record(threads, (performance.now() - started) / 1000, examples);
  return result;
}

const paces = new WeakMap<Kernel, Pace>();

/** What one `train` call does, beyond the kernel's own buffers: see asm/kernel.ts. */
export interface BatchCall {
  m: number;
  upcoming: number;
  cost: number;
  scale: number;
  decay: number;
  mode: number;
}

/**
 * The kernel's `train` on the batch that setBatch put into its buffers, run by `threads` threads together: the
 * arguments go into the Batch record (asm/together.ts), each worker gets a job for its share, the main thread
 * does share 0, and every worker has finished when this returns.
 */
export function trainTogether(k: Kernel, threads: number, call: BatchCall): void {
  const { layout } = k,
    at = layout.batch / 4;
  const ints = new Int32Array(k.memory.buffer),
    floats = new Float32Array(k.memory.buffer);
  // The Batch record's fields, in asm/together.ts's order; then the barrier's counters, at byte 64, from zero.
  ints.set(
    [
      layout.table,
      k.sizes.length - 1,
      call.m,
      layout.images,
      layout.indices,
      call.upcoming,
      layout.labels,
      k.relu ? 1 : 0,
      call.cost,
    ],
    at,
  );
  floats[at + 9] = call.scale;
  floats[at + 10] = call.decay;
  ints.set([call.mode, layout.results, threads], at + 11);
  ints.set([0, 0], at + 16);
  for (let w = 0; w + 1 < threads; w++) post(w, { kind: TOGETHER, batch: layout.batch, thread: w + 1 });
  try {
    k.calls.trainTogether(layout.batch, 0);
  } catch (error) {
    // A barrier that waited 10 s for the other threads gives up with `unreachable` (asm/together.ts).
    if (threads > 1 && /unreachable/.test(String(error))) {
      throw new LearnerError(
        `a worker thread of the fast engine stopped answering during a minibatch; train with threads: 1 (--threads 1)`,
      );
    }
    throw error;
  } finally {
    for (let w = 0; w + 1 < threads; w++) waitIdle(w);
  }
}

/**
 * Below this much arithmetic per thread and batch, a thread costs more than it saves. Measured on a quiet 2-core
 * machine (full MNIST, one thread against two): a second thread gained at 784-100-10 from batch 10 (3.2 MFLOP a
 * batch; 1.12×; at batch 100, 1.4×), at 784-128-128-10 from batch 10 (5 MFLOP; 1.2×; at batch 100, 1.6×) and at
 * 784-30-10 at batch 100 (9.6 MFLOP; 1.23×), but not at 784-30-10 at batch 10 (1 MFLOP). Where it does not pay
 * after all, the pace (pace.ts) goes back to one. (Floating-point operations; see flopsPerExample.)
 */
export const flopsPerThread = 1.5e6;

/** Floating-point operations to train on one example: forward pass and BP4 (2 per weight each), BP2 (2 per
 *  weight of every layer but the first). */
export function flopsPerExample(sizes: readonly number[]): number {
  let flops = 0;
  for (let l = 0; l + 1 < sizes.length; l++) flops += (l === 0 ? 4 : 6) * sizes[l] * sizes[l + 1];
  return flops;
}

/** The threads that help at this network and batch size: as many of the cores as get flopsPerThread each. */
export function defaultThreads(sizes: readonly number[], batchSize: number): number {
  const work = batchSize * flopsPerExample(sizes);
  return Math.max(1, Math.min(availableCores(), Math.floor(work / flopsPerThread), batchSize));
}
