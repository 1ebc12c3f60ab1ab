import { Dataset } from "../../data/dataset";
import { setBatch } from "./copy";
import { ADD, Kernel, Part, SET } from "./kernel";
import { Job, availableCores, post, waitIdle } from "./threads";

/**
 * A batch split between threads. The gradient is a sum over the batch's examples, so each thread can sum its
 * own share of them into a gradient of its own; the shares are then added into the main thread's in a fixed
 * order (part 1, then 2, ...), so a given number of threads gives the same bytes on every run. A share is
 * contiguous (examples start..end of the batch cut in `threads` nearly equal pieces), and a batch bigger than
 * `threads` × the kernel's capacity goes in several rounds, each share added to what it summed before.
 */
export function gradientInParts(
  k: Kernel, threads: number, data: Dataset, order: ArrayLike<number>, start: number, end: number, cost: number, scale: number,
): { cost: number; correct: number } {
  const { parts } = k.layout;
  const used = parts.map(() => false);
  let totalCost = 0, correct = 0;
  for (let s = start; s < end; s += threads * k.capacity) {
    const n = Math.min(threads * k.capacity, end - s);
    const t = Math.min(threads, n); // no thread without an example
    const bound = (i: number): number => s + Math.floor((n * i) / t);
    for (let i = t - 1; i >= 0; i--) {
      const job = jobFor(k, parts[i], data, order, bound(i), bound(i + 1), cost, scale, used[i] ? ADD : SET);
      used[i] = true;
      if (i > 0) post(i - 1, job);
      else k.calls.train(job.table, job.layers, job.m, job.images, job.indices, job.upcoming, job.labels, job.relu, job.cost, job.scale, job.decay, job.mode, job.results);
    }
    for (let i = 0; i < t; i++) {
      if (i > 0) waitIdle(i - 1);
      const results = new Float64Array(k.memory.buffer, parts[i].results, 2);
      totalCost += results[0];
      correct += results[1];
    }
  }
  for (let i = 1; i < parts.length; i++) if (used[i]) k.calls.accumulate(parts[0].table, parts[i].table, k.sizes.length - 1);
  return { cost: totalCost, correct };
}

function jobFor(k: Kernel, part: Part, data: Dataset, order: ArrayLike<number>, start: number, end: number, cost: number, scale: number, mode: number): Job {
  const upcoming = setBatch(k, data, order, start, end, part);
  return {
    table: part.table, layers: k.sizes.length - 1, m: end - start, images: k.layout.images, indices: part.indices, upcoming,
    labels: part.labels, relu: k.relu ? 1 : 0, cost, scale, decay: 1, mode, results: part.results,
  };
}

/**
 * Below this much arithmetic per thread and batch, a thread costs more than it saves: waking a worker and
 * waiting for it takes tens of microseconds. (Floating-point operations; see flopsPerExample.)
 */
export const flopsPerThread = 4e6;

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
