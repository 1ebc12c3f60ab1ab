/**
 * How many threads a kernel's minibatches go fastest with, found by timing them as training runs. Threads share a
 * batch by neurons (asm/together.ts), so the thread count changes no result, only the time: on a quiet machine
 * a second core halves a big batch's time, while on a busy one a thread that waits for a descheduled partner at
 * every layer can make each batch ten times slower. So a batch runs with either one thread or all of them,
 * whichever has lately been faster per example; now and then a few batches try the other, less often while it
 * keeps losing.
 */
export interface Pace {
  /** The threads for the next batch. */
  next(): number;
  /** What the batch just run took: `seconds` of wall-clock time for `examples` examples with `threads` threads. */
  record(threads: number, seconds: number, examples: number): void;
}

/** Batches a trial of the other choice lasts (the first may wait for a sleeping worker to wake). */
const trialLength = 3;
/** Batches between trials at first, and at most once the other choice keeps losing. */
const firstInterval = 32,
  longestInterval = 4096;

export function createPace(most: number): Pace {
  if (most <= 1) return { next: () => 1, record: () => {} };
  // Seconds per example by choice: 0 for one thread, 1 for `most`; the trial's best, or a running mean.
  const perExample = [Infinity, Infinity];
  let using = 1,
    trying = -1,
    trial: number[] = [],
    until = trialLength,
    interval = firstInterval;
  return {
    next: () => ((trying >= 0 ? trying : using) === 1 ? most : 1),
    record(threads, seconds, examples) {
      const choice = threads > 1 ? 1 : 0,
        rate = seconds / Math.max(1, examples);
      if (trying >= 0) {
        trial.push(rate);
        if (trial.length < trialLength) return;
        perExample[trying] = Math.min(...trial);
        trying = -1;
        trial = [];
        if (perExample[1 - using] < perExample[using]) {
          using = 1 - using;
          interval = firstInterval;
        } else interval = Math.min(interval * 2, longestInterval);
        until = interval;
        return;
      }
      perExample[choice] = perExample[choice] === Infinity ? rate : 0.75 * perExample[choice] + 0.25 * rate;
      if (--until <= 0) trying = 1 - using;
    },
  };
}
