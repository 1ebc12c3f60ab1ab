/**
 * The control block that the main thread and its worker threads (threads.ts, worker.ts) share: one slot of SLOT
 * 32-bit fields per worker (128 bytes, two cache lines of its own), the state first, then the job's arguments.
 */
export const SLOT = 32;

/** A slot's state: the worker waits while IDLE; the main thread writes a job and sets JOB; the worker sets IDLE
 *  when the job is done. REBIND sends the worker back for a new kernel by message; QUIT ends it. */
export const IDLE = 0,
  JOB = 1,
  REBIND = 2,
  QUIT = 3;

/** What a job runs: its share of a batch trained together (the kernel's `trainTogether`, asm/together.ts), or
 *  `evaluate` (a forward pass over a chunk of examples in a part of its own). */
export const TOGETHER = 0,
  EVALUATE = 1;

export const Field = {
  state: 0,
  kind: 1,
  // TOGETHER: the Batch record and this worker's thread number (the main thread is 0)
  batch: 2,
  thread: 3,
  // EVALUATE: the arguments of the kernel's `evaluate`
  table: 4,
  layers: 5,
  m: 6,
  images: 7,
  indices: 8,
  labels: 9,
  relu: 10,
  cost: 11,
  results: 12,
} as const;
export type Field = (typeof Field)[keyof typeof Field];

/** A job for one worker. */
export type Job =
  | { kind: typeof TOGETHER; batch: number; thread: number }
  | {
      kind: typeof EVALUATE;
      table: number;
      layers: number;
      m: number;
      images: number;
      indices: number;
      labels: number;
      relu: number;
      cost: number;
      results: number;
    };

/** Spins before a thread sleeps waiting for a change: about 0.1-0.2 ms of a core, enough to span the gap between
 *  two minibatches (waking a sleeping thread takes tens of microseconds, as long as a small batch's arithmetic). */
const spins = 20000;

/**
 * Waits until control[index] is no longer `from` and returns its new value: spinning first, since between
 * minibatches the answer comes within microseconds, then sleeping; after `patienceMs` (by default for ever)
 * it returns `from` if nothing changed.
 */
export function awaitChange(control: Int32Array, index: number, from: number, patienceMs = Infinity): number {
  for (let n = 0; n < spins; n++) {
    const value = Atomics.load(control, index);
    if (value !== from) return value;
  }
  const started = Date.now();
  for (;;) {
    Atomics.wait(control, index, from, Math.min(1000, patienceMs));
    const value = Atomics.load(control, index);
    if (value !== from || Date.now() - started >= patienceMs) return value;
  }
}
