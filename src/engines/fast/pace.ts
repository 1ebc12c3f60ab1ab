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
/** The choice in use is judged by its best of this many latest batches, as a trial by its best of trialLength: a
 *  running mean would count every batch that another process slowed, and hand the choice to a trial that was
 *  only luckier. */
const recentLength = 8;

export function createPace(most: number): Pace {
  if (most <= 1) return { next: () => 1, record: () => {} };
  // Choices: 0 for one thread, 1 for `most`. Seconds per example of the choice in use's latest batches.
  let using = 1,
    trying = -1,
    trial: number[] = [],
    recent: number[] = [],
    until = trialLength,
    interval = firstInterval;
  return {
    next: () => ((trying >= 0 ? trying : using) === 1 ? most : 1),
    record(threads, seconds, examples) {
      const rate = seconds / Math.max(1, examples);
      if (trying >= 0) {
        trial.push(rate);
        if (trial.length < trialLength) return;
        const won = Math.min(...trial) < Math.min(...recent);
        trying = -1;
        if (won) {
          using = 1 - using;
          recent = trial;
          interval = firstInterval;
        } else interval = Math.min(interval * 2, longestInterval);
        trial = [];
        until = interval;
        return;
      }
      recent.push(rate);
      if (recent.length > recentLength) recent.shift();
      if (--until <= 0) trying = 1 - using;
    },
  };
}
