/**
 * The control block that the main thread and its worker threads (fastThreads.ts, fastWorker.ts) share: one
 * slot of SLOT 32-bit fields per worker, the state first, then the arguments of the kernel's `train` for its
 * part of the batch (scale and decay are f32, read through a Float32Array on the same bytes).
 */
export const SLOT = 16;

/** A slot's state: the worker waits while IDLE; the main thread writes a job and sets JOB; the worker sets IDLE
 *  when the job is done. REBIND sends the worker back for a new kernel by message; QUIT ends it. */
export const IDLE = 0, JOB = 1, REBIND = 2, QUIT = 3;

export const Field = {
  state: 0, table: 1, layers: 2, m: 3, images: 4, indices: 5, upcoming: 6, labels: 7, relu: 8, cost: 9, scale: 10, decay: 11, mode: 12, results: 13,
  kind: 14,
} as const;

/** What a job runs: the kernel's `train` (backprop on a share of a batch) or `evaluate` (a forward pass). */
export const TRAIN = 0, EVALUATE = 1;
export type Field = (typeof Field)[keyof typeof Field];
