import { parentPort, workerData } from "worker_threads";
import { EVALUATE, JOB, QUIT, REBIND, IDLE, Field, SLOT } from "./jobs";

/**
 * A worker thread of fastThreads.ts: it runs the kernel on its part of each batch, in the memory it shares
 * with the main thread. Told a kernel (its module and memory) by message, it waits on its slot of the control
 * block for a job, runs `train` or `evaluate`, marks the slot idle again and wakes the main thread.
 */
declare const WebAssembly: { Instance: new (module: object, imports: object) => { exports: unknown } };
interface Train {
  train(table: number, layers: number, m: number, images: number, indices: number, upcoming: number, labels: number,
    relu: number, cost: number, scale: number, decay: number, mode: number, results: number): void;
  evaluate(table: number, layers: number, m: number, images: number, indices: number, labels: number,
    relu: number, cost: number, results: number): void;
}

const control = new Int32Array(workerData.control as SharedArrayBuffer);
const floats = new Float32Array(workerData.control as SharedArrayBuffer);
const at = (workerData.slot as number) * SLOT;
let kernel: Train;

parentPort?.on("message", ({ module, memory }: { module: object; memory: object }) => {
  kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as Train;
  Atomics.store(control, at + Field.state, IDLE);
  Atomics.notify(control, at + Field.state);
  work();
});

/** Jobs until the main thread asks for another kernel (back to the message above) or for the end. */
function work(): void {
  for (;;) {
    Atomics.wait(control, at + Field.state, IDLE);
    const state = Atomics.load(control, at + Field.state);
    if (state === REBIND) return;
    if (state === QUIT) {
      parentPort?.close();
      return;
    }
    if (state !== JOB) continue;
    const f = (field: Field): number => control[at + field];
    if (f(Field.kind) === EVALUATE) {
      kernel.evaluate(f(Field.table), f(Field.layers), f(Field.m), f(Field.images), f(Field.indices), f(Field.labels), f(Field.relu), f(Field.cost), f(Field.results));
    } else kernel.train(f(Field.table), f(Field.layers), f(Field.m), f(Field.images), f(Field.indices), f(Field.upcoming), f(Field.labels),
      f(Field.relu), f(Field.cost), floats[at + Field.scale], floats[at + Field.decay], f(Field.mode), f(Field.results));
    Atomics.store(control, at + Field.state, IDLE);
    Atomics.notify(control, at + Field.state);
  }
}
