import { CostName } from "../../cost";
import { kernelModule, wasm } from "./wasmModule";

/**
 * The WebAssembly kernel (built from asm/ into dist/kernel.wasm) and the memory it works in.
 * One kernel serves one network: its weights and biases as f32; per thread that works on it (a "part", see
 * fastThreads.ts), buffers for a batch of up to `capacity` examples and a gradient of its own; and after them
 * the images it reads (a whole data set's pixels, or a chunk of them). The memory is shared, so that worker
 * threads can run the same kernel on it. Every row is padded with zeros to a multiple of 4 floats (asm/layer.ts).
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
  /** The pixels whose copy fills the image region, when it holds a whole data set (see fastCopy.ts). */
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
  train(table: number, layers: number, m: number, images: number, indices: number, upcoming: number, labels: number,
    relu: number, cost: number, scale: number, decay: number, mode: number, results: number): void;
  /** `train` with its arguments in the Batch record at `batch` (asm/together.ts), run by every thread of the batch. */
  trainTogether(batch: number, thread: number): void;
  step(table: number, layers: number, decay: number): void;
  evaluate(table: number, layers: number, m: number, images: number, indices: number, labels: number,
    relu: number, cost: number, results: number): void;
}

/** The most examples one kernel call takes: enough to keep calls few, few enough for the batch to stay in cache
 *  (src/engines/fast.ts trains a bigger batch in parts of this size). */
export const chunk = 256;

/** What the kernel's `train` does with the batch's gradient (asm/step.ts). */
export const STEP = 0, SET = 1, ADD = 2;

/** The cost functions by the numbers asm/kernel.ts knows them by. */
export function costCode(name: CostName): number {
  return name === "quadratic" ? 0 : 1;
}


/**
 * How a kernel's threads share the work: "neurons" to train (one batch of up to threads × capacity examples, every
 * thread a share of each layer's neurons, asm/together.ts: one part), "examples" to evaluate (every thread a chunk
 * of up to `capacity` examples of its own, in a part of its own).
 */
export type Sharing = "neurons" | "examples";

/** One batch's buffers: its layer table, results, batch (A, Δ), gradient, image numbers and labels, and the
 *  input layer's lists of the groups of 4 pixels with ink (asm/input.ts). */
export interface Part {
  /** The most examples the part's batch buffers hold. */
  readonly capacity: number;
  readonly table: number;
  readonly results: number;
  readonly activations: number[];
  readonly deltas: number[];
  readonly nablaW: number[];
  readonly nablaB: number[];
  /** u32 image numbers of the batch and of the next one, and byte labels of the batch. */
  readonly indices: number;
  readonly labels: number;
  /** Per example, its groups with ink; per group, its examples with ink (asm/input.ts). */
  readonly inked: number;
  readonly inkedBy: number;
}

/** Byte addresses of every buffer. Layer l's arrays join layer l to layer l+1. The main thread's part is
 *  parts[0], whose fields the layout repeats. */
export interface Layout extends Part {
  readonly padded: number[];
  readonly weights: number[];
  readonly biases: number[];
  readonly transposed: number[];
  readonly parts: Part[];
  /** The Batch record of asm/together.ts, and its barrier, for threads that train together. */
  readonly batch: number;
  /** Where the images start; the memory grows to hold them. */
  readonly images: number;
}

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** A layer's record in a part's table (asm/layer.ts): 16 four-byte fields. */
const recordBytes = 64;

const roundUp4 = (n: number): number => Math.ceil(n / 4) * 4;

function planLayout(sizes: readonly number[], capacity: number, base: number, threads: number, sharing: Sharing): Layout {
  let at = base;
  const take = (bytes: number): number => {
    const start = Math.ceil(at / 64) * 64; // a cache line each, so threads never write into one another's lines
    at = start + bytes;
    return start;
  };
  const padded = sizes.map(roundUp4);
  const layers = sizes.length - 1;
  const weights: number[] = [], biases: number[] = [], transposed: number[] = [];
  for (let l = 0; l < layers; l++) {
    weights.push(take(padded[l + 1] * padded[l] * 4));
    biases.push(take(padded[l + 1] * 4));
    // (w^l)ᵀ for BP2, a copy for each thread (asm/backward.ts); none for the input layer
    transposed.push(l === 0 ? 0 : take(threads * padded[l + 1] * padded[l] * 4));
  }
  const parts: Part[] = [];
  const [count, size] = sharing === "neurons" ? [1, capacity * threads] : [threads, capacity];
  for (let t = 0; t < count; t++) {
    const table = take(layers * recordBytes);
    const results = take(16 + 16 * size); // the batch's cost and number right; before addUp, each example's (asm/cost.ts)
    const activations = padded.map((p) => take(size * p * 4));
    const deltas = padded.map((p, l) => (l === 0 ? 0 : take(size * p * 4)));
    const nablaW: number[] = [], nablaB: number[] = [];
    for (let l = 0; l < layers; l++) {
      nablaW.push(take(padded[l + 1] * padded[l] * 4));
      nablaB.push(take(padded[l + 1] * 4));
    }
    const inked = take(size * (padded[0] + 4)), inkedBy = take((padded[0] / 4) * Math.ceil((size * 8 + 4) / 64) * 64);
    parts.push({ capacity: size, table, results, activations, deltas, nablaW, nablaB, indices: take(size * 8), labels: take(size), inked, inkedBy });
  }
  const batch = take(128);
  return { ...parts[0], padded, weights, biases, transposed, parts, batch, images: take(0) };
}

/** WebAssembly.Memory, shared between threads; up to wasm32's 4 GB, which is reserved, not used. */
declare const WebAssembly: { Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory };

/**
 * A new kernel for a network of these sizes and batches of up to `capacity` examples a thread, with buffers for
 * `threads` threads to work on a batch at once (threads.ts), sharing it as `sharing` says.
 */
export function createKernel(sizes: readonly number[], relu: boolean, capacity: number, threads = 1, sharing: Sharing = "neurons"): Kernel {
  const module = kernelModule();
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
  const calls = new wasm.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  const layout = planLayout(sizes, capacity, calls.heapBase(), threads, sharing);
  const pages = Math.ceil((layout.images + capacity * sizes[0]) / 65536) - memory.buffer.byteLength / 65536;
  if (pages > 0) memory.grow(pages);
  const k: Kernel = { sizes: [...sizes], capacity, relu, calls, module, memory, layout, held: null, ...views(memory, layout) };
  // The tables of layer records that asm/layer.ts reads, one per part.
  for (const part of layout.parts) {
    const table = new Int32Array(memory.buffer, part.table, (sizes.length - 1) * recordBytes / 4);
    for (let l = 0; l + 1 < sizes.length; l++) {
      const { padded } = layout;
      table.set([sizes[l], padded[l], sizes[l + 1], padded[l + 1], layout.weights[l], layout.biases[l], part.nablaW[l],
        part.nablaB[l], part.activations[l], part.activations[l + 1], part.deltas[l + 1], part.deltas[l],
        l === 0 ? part.inked : 0, l === 0 ? part.inkedBy : 0, layout.transposed[l], 0], (l * recordBytes) / 4);
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
