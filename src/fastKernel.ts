import { kernelModule, wasm } from "./fastModule";

/**
 * The WebAssembly kernel (built from asm/ into dist/kernel.wasm) and the memory it works in.
 * One kernel instance serves one network: its weights, biases and gradient as f32, buffers for a batch
 * of up to `capacity` examples, and after them the images it reads (a whole data set's pixels, or a
 * chunk of them). Every row is padded with zeros to a multiple of 4 floats (asm/layer.ts).
 */
export interface Kernel {
  readonly sizes: readonly number[];
  readonly capacity: number;
  readonly relu: boolean;
  readonly calls: KernelExports;
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
  readonly memory: WasmMemory;
  heapBase(): number;
  /** The f32x4 peak loop (asm/peak.ts), for the bench. */
  peak(rounds: number, seed: number): number;
  train(table: number, layers: number, m: number, images: number, indices: number, upcoming: number, labels: number,
    relu: number, cost: number, scale: number, decay: number, mode: number, results: number): void;
  step(table: number, layers: number, decay: number): void;
  evaluate(table: number, layers: number, m: number, images: number, indices: number, labels: number,
    relu: number, cost: number, results: number): void;
}

/** What the kernel's `train` does with the batch's gradient (asm/backward.ts). */
export const STEP = 0, SET = 1, ADD = 2;

/** Byte addresses of every buffer. Layer l's arrays join layer l to layer l+1. */
export interface Layout {
  readonly padded: number[];
  readonly table: number;
  readonly results: number;
  readonly activations: number[];
  readonly deltas: number[];
  readonly weights: number[];
  readonly biases: number[];
  readonly nablaW: number[];
  readonly nablaB: number[];
  /** u32 image numbers of the batch and of the next one, and byte labels of the batch. */
  readonly indices: number;
  readonly labels: number;
  /** Where the images start; the memory grows to hold them. */
  readonly images: number;
}

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

const roundUp4 = (n: number): number => Math.ceil(n / 4) * 4;

function planLayout(sizes: readonly number[], capacity: number, base: number): Layout {
  let at = base;
  const take = (bytes: number): number => {
    const start = Math.ceil(at / 16) * 16;
    at = start + bytes;
    return start;
  };
  const padded = sizes.map(roundUp4);
  const layers = sizes.length - 1;
  const table = take(layers * 48);
  const results = take(16);
  const activations = padded.map((p) => take(capacity * p * 4));
  const deltas = padded.map((p, l) => (l === 0 ? 0 : take(capacity * p * 4)));
  const weights: number[] = [], biases: number[] = [], nablaW: number[] = [], nablaB: number[] = [];
  for (let l = 0; l < layers; l++) {
    weights.push(take(padded[l + 1] * padded[l] * 4));
    biases.push(take(padded[l + 1] * 4));
    nablaW.push(take(padded[l + 1] * padded[l] * 4));
    nablaB.push(take(padded[l + 1] * 4));
  }
  const indices = take(capacity * 8);
  const labels = take(capacity);
  return { padded, table, results, activations, deltas, weights, biases, nablaW, nablaB, indices, labels, images: take(0) };
}

/** A new kernel instance for a network of these sizes and batches of up to `capacity` examples. */
export function createKernel(sizes: readonly number[], relu: boolean, capacity: number): Kernel {
  const calls = new wasm.Instance(kernelModule(), {}).exports as unknown as KernelExports;
  const layout = planLayout(sizes, capacity, calls.heapBase());
  const k: Kernel = { sizes: [...sizes], capacity, relu, calls, layout, held: null, ...views(calls.memory, layout) };
  reserve(k, layout.images + capacity * sizes[0]);
  // The table of layer records that asm/layer.ts reads: 12 four-byte fields per layer.
  const table = new Int32Array(calls.memory.buffer, layout.table, (sizes.length - 1) * 12);
  for (let l = 0; l + 1 < sizes.length; l++) {
    const { padded, activations, deltas } = layout;
    table.set([sizes[l], padded[l], sizes[l + 1], padded[l + 1], layout.weights[l], layout.biases[l], layout.nablaW[l],
      layout.nablaB[l], activations[l], activations[l + 1], deltas[l + 1], deltas[l]], l * 12);
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

/** Grows the kernel's memory to at least `bytes` (growing detaches the old views, so they are made anew). */
export function reserve(k: Kernel, bytes: number): void {
  const memory = k.calls.memory;
  const pages = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
  if (pages <= 0) return;
  memory.grow(pages);
  Object.assign(k, views(memory, k.layout));
}
