import { parentPort, workerData } from "worker_threads";
import { EVALUATE, Field, IDLE, JOB, QUIT, REBIND, SLOT, awaitChange } from "./jobs";
import type { KernelExports } from "./kernel";

/**
 * A worker thread of threads.ts: it runs the kernel on its share of each batch, in the memory it shares with the
 * main thread. Told a kernel (its module and memory) by message, it waits on its slot of the control block for a
 * job, runs it, marks the slot idle again and wakes the main thread.
 */
declare const WebAssembly: { Instance: new (module: object, imports: object) => { exports: unknown } };
/** What a worker calls of the kernel: the two entry points that threads share (kernel.ts lists them all). */
type Calls = Pick<KernelExports, "trainTogether" | "evaluate">;

const control = new Int32Array(workerData.control as SharedArrayBuffer);
const at = (workerData.slot as number) * SLOT;
let kernel: Calls;

parentPort?.on("message", ({ module, memory }: { module: object; memory: object }) => {
  kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as Calls;
  Atomics.store(control, at + Field.state, IDLE);
  Atomics.notify(control, at + Field.state);
  work();
});

/** Jobs until the main thread asks for another kernel (back to the message above) or for the end. */
function work(): void {
  for (;;) {
    const state = awaitChange(control, at + Field.state, IDLE);
    if (state === REBIND) return;
    if (state === QUIT) {
      parentPort?.close();
      return;
    }
    if (state !== JOB) continue;
    const f = (field: Field): number => control[at + field];
    try {
      if (f(Field.kind) === EVALUATE) {
        kernel.evaluate(
          f(Field.table),
          f(Field.layers),
          f(Field.m),
          f(Field.images),
          f(Field.indices),
          f(Field.labels),
          f(Field.relu),
          f(Field.cost),
          f(Field.results),
        );
      } else kernel.trainTogether(f(Field.batch), f(Field.thread));
    } catch {
      // The kernel stopped at a barrier whose other threads never came (asm/together.ts): the main thread says so.
    }
    Atomics.store(control, at + Field.state, IDLE);
    Atomics.notify(control, at + Field.state);
  }
}
