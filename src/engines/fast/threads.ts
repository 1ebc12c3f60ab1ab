import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { Field, IDLE, JOB, QUIT, REBIND, SLOT, TRAIN } from "./jobs";
import { Kernel } from "./kernel";

/**
 * Worker threads that run the kernel on parts of a batch, in the memory they share with the main thread
 * (fastKernel.ts). One pool serves the process: its workers are told which kernel to work on whenever another
 * engine uses them, and never keep the process alive. Each call waits until every part is done, so to the
 * trainer a step is as synchronous as with one thread: Kernel > Interrupt, Ctrl-C and divergence checks
 * happen between steps as before.
 */
interface Pool {
  readonly control: Int32Array;
  readonly floats: Float32Array;
  readonly workers: Worker[];
  bound: WeakRef<Kernel> | null;
}

let pool: Pool | null = null;
const slots = 64;

/** The cores Node may use here. */
export function availableCores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/** A job for the worker that runs part `worker + 1` of a batch: the arguments of the kernel's `train`. */
export interface Job {
  table: number; layers: number; m: number; images: number; indices: number; upcoming: number; labels: number;
  relu: number; cost: number; scale: number; decay: number; mode: number; results: number;
  /** TRAIN (the default) or EVALUATE, whose job uses no upcoming, scale, decay or mode. */
  kind?: number;
}

/** Makes sure `count` workers exist and work on `kernel`'s memory; false if they could not be started. */
export function bindWorkers(kernel: Kernel, count: number): boolean {
  if (!pool) {
    const control = new SharedArrayBuffer(slots * SLOT * 4);
    pool = { control: new Int32Array(control), floats: new Float32Array(control), workers: [], bound: null };
  }
  const p = pool;
  const fresh: number[] = [];
  while (p.workers.length < Math.min(count, slots)) {
    const slot = p.workers.length;
    const worker = new Worker(path.join(__dirname, "worker.js"), { workerData: { control: p.control.buffer, slot } });
    worker.unref(); // an idle pool never keeps Node running
    p.workers.push(worker);
    fresh.push(slot);
  }
  if (p.bound?.deref() === kernel && fresh.length === 0) return true;
  for (let slot = 0; slot < p.workers.length; slot++) {
    waitIdle(slot);
    // A fresh worker reads the message when it starts; a working one is woken by REBIND to go and read it.
    p.workers[slot].postMessage({ module: kernel.module, memory: kernel.memory });
    Atomics.store(p.control, slot * SLOT + Field.state, REBIND);
    Atomics.notify(p.control, slot * SLOT + Field.state);
  }
  // Each worker marks its slot idle once it has the new kernel; a worker that cannot start within 10 s is not
  // waited for again: the caller goes on with one thread.
  for (let slot = 0; slot < p.workers.length; slot++) {
    if (Atomics.wait(p.control, slot * SLOT + Field.state, REBIND, 10000) === "timed-out") {
      p.bound = null;
      return false;
    }
  }
  p.bound = new WeakRef(kernel);
  return true;
}

/** Hands `job` to worker `slot` (idle by then: every call waits for its parts). */
export function post(slot: number, job: Job): void {
  const { control, floats } = pool!;
  const at = slot * SLOT;
  waitIdle(slot);
  control[at + Field.table] = job.table;
  control[at + Field.layers] = job.layers;
  control[at + Field.m] = job.m;
  control[at + Field.images] = job.images;
  control[at + Field.indices] = job.indices;
  control[at + Field.upcoming] = job.upcoming;
  control[at + Field.labels] = job.labels;
  control[at + Field.relu] = job.relu;
  control[at + Field.cost] = job.cost;
  floats[at + Field.scale] = job.scale;
  floats[at + Field.decay] = job.decay;
  control[at + Field.mode] = job.mode;
  control[at + Field.results] = job.results;
  control[at + Field.kind] = job.kind ?? TRAIN;
  Atomics.store(control, at + Field.state, JOB);
  Atomics.notify(control, at + Field.state);
}

/** Waits until worker `slot` has finished its job. */
export function waitIdle(slot: number): void {
  if (!pool) return;
  const at = slot * SLOT + Field.state;
  for (;;) {
    const state = Atomics.load(pool.control, at);
    if (state === IDLE || state === QUIT) return;
    Atomics.wait(pool.control, at, state, 1000);
  }
}

/** Ends every worker (the tests, and a process that wants to exit at once). */
export function stopWorkers(): void {
  if (!pool) return;
  pool.workers.forEach((_, slot) => {
    waitIdle(slot);
    Atomics.store(pool!.control, slot * SLOT + Field.state, QUIT);
    Atomics.notify(pool!.control, slot * SLOT + Field.state);
  });
  pool = null;
}
