import { LearnerError } from "./errors";
import * as fs from "fs";
import * as path from "path";

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

// Node 20 has WebAssembly, but TypeScript's ES2022 library does not describe it; this is the part we use.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

let compiled: object | undefined;

/** dist/kernel.wasm, compiled once. The compiled tests run from build/src, two folders below the project. */
function kernelModule(): object {
  if (compiled) return compiled;
  const candidates = [path.join(__dirname, "kernel.wasm"), path.join(__dirname, "..", "..", "dist", "kernel.wasm")];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new LearnerError(`the fast engine's kernel ${candidates[0]} is missing; run \`npm run build\` to compile it from asm/, or use engine: "readable"`);
  try {
    compiled = new WebAssembly.Module(fs.readFileSync(file));
  } catch (error) {
    throw new LearnerError(`the fast engine's kernel ${file} is damaged (${(error as Error).message.split(":")[0]}); run \`npm run build\` to compile it again from asm/, or use engine: "readable"`);
  }
  return compiled;
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
  const calls = new WebAssembly.Instance(kernelModule(), {}).exports as unknown as KernelExports;
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
