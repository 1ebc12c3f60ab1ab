import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { LearnerError } from "../../errors/learnerError";
import { EVALUATE, Field, IDLE, JOB, Job, QUIT, REBIND, SLOT, awaitChange } from "./jobs";
import { Kernel } from "./kernel";

/**
 * Worker threads that run the kernel on shares of a batch, in the memory they share with the main thread
 * (kernel.ts). One pool serves the process: its workers are told which kernel to work on whenever another
 * engine uses them, and never keep the process alive. Each call waits until every share is done, so to the
 * trainer a step is as synchronous as with one thread: Kernel > Interrupt, Ctrl-C and divergence checks
 * happen between steps as before.
 */
interface Pool {
  readonly control: Int32Array;
  readonly workers: Worker[];
  bound: WeakRef<Kernel> | null;
}

let pool: Pool | null = null;
const slots = 64;

/** The cores Node may use here. */
export function availableCores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/** Makes sure `count` workers exist and work on `kernel`'s memory; false if they could not be started. */
export function bindWorkers(kernel: Kernel, count: number): boolean {
  if (!pool) {
    const control = new SharedArrayBuffer(slots * SLOT * 4);
    pool = { control: new Int32Array(control), workers: [], bound: null };
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

/** Hands `job` to worker `slot` (idle by then: every call waits for its workers). */
export function post(slot: number, job: Job): void {
  const { control } = pool!;
  const at = slot * SLOT;
  waitIdle(slot);
  control[at + Field.kind] = job.kind;
  if (job.kind === EVALUATE) {
    const { table, layers, m, images, indices, labels, relu, cost, results } = job;
    control.set([table, layers, m, images, indices, labels, relu, cost, results], at + Field.table);
  } else {
    control[at + Field.batch] = job.batch;
    control[at + Field.thread] = job.thread;
  }
  Atomics.store(control, at + Field.state, JOB);
  Atomics.notify(control, at + Field.state);
}

/** How long a worker may take before it is taken to have stopped: longer than any one job. */
const patienceMs = 60000;

/** Waits until worker `slot` has finished its job. */
export function waitIdle(slot: number): void {
  if (!pool) return;
  const at = slot * SLOT + Field.state;
  const state = Atomics.load(pool.control, at);
  if (state !== JOB) return;
  if (awaitChange(pool.control, at, JOB, patienceMs) === JOB) {
    throw new LearnerError(
      `worker thread ${slot + 1} of the fast engine stopped answering; train with threads: 1 (--threads 1)`,
    );
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
