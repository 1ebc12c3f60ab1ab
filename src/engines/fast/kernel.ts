import { CostName } from "../../cost";
import { Layout, Sharing, planLayout, recordBytes } from "./layout";
import { kernelModule, wasm } from "./wasmModule";
export { Layout, Part, Sharing } from "./layout";

/**
 * The WebAssembly kernel (built from asm/ into dist/kernel.wasm) and the memory it works in.
 * One kernel serves one network: its weights and biases as f32; buffers for batches ("parts", see Sharing
 * below: one batch that every thread shares, or one chunk of examples per thread) and a gradient; and after them
 * the images it reads (a whole data set's pixels, or a chunk of them). The memory is shared, so that worker
 * threads (threads.ts) can run the same kernel on it. Every row is padded with zeros to a multiple of 4 floats
 * (asm/layer.ts).
 */
export interface Kernel {
  readonly sizes: readonly number[];
  readonly capacity: number;
  readonly relu: boolean;
  readonly calls: KernelExports;
  /** The compiled kernel and the memory, for worker threads to instantiate the same kernel on. */
  readonly module: object;
  readonly memory: WasmMemory;
  readonly layout: Layout;
  /** The pixels whose copy fills the image region, when it holds a whole data set (see copy.ts). */
  held: { pixels: Uint8Array; count: number } | null;
  /** Views of the kernel's memory, made again whenever it grows. */
  floats: Float32Array;
  bytes: Uint8Array;
  indices: Uint32Array;
  results: Float64Array;
}

export interface KernelExports {
  heapBase(): number;
  /** The f32x4 peak loop (asm/peak.ts), for the bench. */
  peak(rounds: number, seed: number): number;
  train(
    table: number,
    layers: number,
    m: number,
    images: number,
    indices: number,
    upcoming: number,
    labels: number,
    relu: number,
    cost: number,
    scale: number,
    decay: number,
    mode: number,
    results: number,
  ): void;
  /** `train` with its arguments in the Batch record at `batch` (asm/together.ts), run by every thread of the batch. */
  trainTogether(batch: number, thread: number): void;
  step(table: number, layers: number, decay: number): void;
  evaluate(
    table: number,
    layers: number,
    m: number,
    images: number,
    indices: number,
    labels: number,
    relu: number,
    cost: number,
    results: number,
  ): void;
}

/** The most examples one kernel call takes: enough to keep calls few, few enough for the batch to stay in cache
 *  (src/engines/fast.ts trains a bigger batch in parts of this size). */
export const chunk = 256;

/** What the kernel's `train` does with the batch's gradient (asm/step.ts). */
export const STEP = 0,
  SET = 1,
  ADD = 2;

/** The cost functions by the numbers asm/kernel.ts knows them by. */
export function costCode(name: CostName): number {
  return name === "quadratic" ? 0 : 1;
}

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** WebAssembly.Memory, shared between threads; up to wasm32's 4 GB, which is reserved, not used. */
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
};

/**
 * A new kernel for a network of these sizes and batches of up to `capacity` examples a thread, with buffers for
 * `threads` threads to work on a batch at once (threads.ts), sharing it as `sharing` says.
 */
export function createKernel(
  sizes: readonly number[],
  relu: boolean,
  capacity: number,
  threads = 1,
  sharing: Sharing = "together",
): Kernel {
  const module = kernelModule();
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
  const calls = new wasm.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  const layout = planLayout(sizes, capacity, calls.heapBase(), threads, sharing);
  const pages = Math.ceil((layout.images + capacity * sizes[0]) / 65536) - memory.buffer.byteLength / 65536;
  if (pages > 0) memory.grow(pages);
  const k: Kernel = {
    sizes: [...sizes],
    capacity,
    relu,
    calls,
    module,
    memory,
    layout,
    held: null,
    ...views(memory, layout),
  };
  // The tables of layer records that asm/layer.ts reads, one per part.
  for (const part of layout.parts) {
    const table = new Int32Array(memory.buffer, part.table, ((sizes.length - 1) * recordBytes) / 4);
    for (let l = 0; l + 1 < sizes.length; l++) {
      const { padded } = layout;
      table.set(
        [
          sizes[l],
          padded[l],
          sizes[l + 1],
          padded[l + 1],
          layout.weights[l],
          layout.biases[l],
          part.nablaW[l],
          part.nablaB[l],
          part.activations[l],
          part.activations[l + 1],
          part.deltas[l + 1],
          part.deltas[l],
          l === 0 ? part.inked : 0,
          l === 0 ? part.inkedBy : 0,
          layout.transposed[l],
          0,
        ],
        (l * recordBytes) / 4,
      );
    }
  }
  return k;
}

function views(memory: WasmMemory, layout: Layout): Pick<Kernel, "floats" | "bytes" | "indices" | "results"> {
  return {
    floats: new Float32Array(memory.buffer),
    bytes: new Uint8Array(memory.buffer),
    indices: new Uint32Array(memory.buffer),
    results: new Float64Array(memory.buffer, layout.results, 2),
  };
}

/**
 * Tells the kernel whether the images it reads have ink nearly everywhere (asm/layer.ts's `dense`): then the input
 * layer's forward pass goes over every group of 4 pixels, 2 examples at a time, instead of one example's groups
 * with ink. The result is the same bits either way; MNIST's digits (72% of their groups black) go faster without.
 */
export function useDenseInput(k: Kernel, dense: boolean): void {
  for (const part of k.layout.parts) new Int32Array(k.memory.buffer, part.table, 16)[15] = dense ? 1 : 0;
}

/** Grows the kernel's memory to at least `bytes` (growing detaches the old views, so they are made anew). */
export function reserve(k: Kernel, bytes: number): void {
  const pages = Math.ceil(bytes / 65536) - k.memory.buffer.byteLength / 65536;
  if (pages > 0) k.memory.grow(pages);
  // A shared memory's old views stay valid but keep their old length: make them anew to see the new bytes.
  if (k.floats.buffer.byteLength !== k.memory.buffer.byteLength) Object.assign(k, views(k.memory, k.layout));
}
