import * as fs from "fs";
import * as path from "path";
import { Dataset } from "./data/dataset";
import { Network } from "./network";

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
  /** The pixel array whose copy fills the image region, when it holds a whole data set. */
  resident: Uint8Array | null;
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
  if (!file) throw new Error(`the fast engine's kernel ${candidates[0]} is missing; run \`npm run build\` to compile it from asm/, or use engine: "readable"`);
  compiled = new WebAssembly.Module(fs.readFileSync(file));
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
  const k: Kernel = { sizes: [...sizes], capacity, relu, calls, layout, resident: null, ...views(calls.memory, layout) };
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
function reserve(k: Kernel, bytes: number): void {
  const memory = k.calls.memory;
  const pages = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
  if (pages <= 0) return;
  memory.grow(pages);
  Object.assign(k, views(memory, k.layout));
}

/** Where weight w_jk of a pOut × pIn matrix sits, in floats, in the kernel's panels of 4 rows (asm/layer.ts). */
function panelIndex(j: number, k: number, pIn: number): number {
  return (j - (j % 4)) * pIn + (k - (k % 4)) * 4 + (j % 4) * 4 + (k % 4);
}

/** Copies the network's weights and biases (f64) into the kernel (f32). */
export function loadParameters(k: Kernel, net: Pick<Network, "sizes" | "weights" | "biases">): void {
  checkSameSizes(k, net);
  for (let l = 0; l < net.weights.length; l++) {
    const { rows, cols, data } = net.weights[l];
    const at = k.layout.weights[l] / 4, pIn = k.layout.padded[l];
    for (let j = 0; j < rows; j++) for (let c = 0; c < cols; c++) k.floats[at + panelIndex(j, c, pIn)] = data[j * cols + c];
    k.floats.set(net.biases[l], k.layout.biases[l] / 4);
  }
}

/** Copies the kernel's weights and biases (or, with `gradient`, its nablaW and nablaB) out into f64 arrays,
 *  row-major as in matrix.ts. */
export function storeParameters(k: Kernel, weights: Float64Array[], biases: Float64Array[], gradient = false): void {
  for (let l = 0; l + 1 < k.sizes.length; l++) {
    const at = (gradient ? k.layout.nablaW : k.layout.weights)[l] / 4, b = (gradient ? k.layout.nablaB : k.layout.biases)[l] / 4;
    const rows = k.sizes[l + 1], cols = k.sizes[l], pIn = k.layout.padded[l];
    for (let j = 0; j < rows; j++) for (let c = 0; c < cols; c++) weights[l][j * cols + c] = k.floats[at + panelIndex(j, c, pIn)];
    biases[l].set(k.floats.subarray(b, b + rows));
  }
}

/**
 * Makes the kernel's image region hold all of data.pixels, copying them in once (47 MB for full MNIST) so
 * that each minibatch costs no copying. A data set is taken not to change while it is trained on.
 */
export function holdImages(k: Kernel, data: Dataset): void {
  checkImageSize(k, data);
  if (k.resident === data.pixels) return;
  k.resident = null;
  const bytes = data.count * k.sizes[0];
  reserve(k, k.layout.images + bytes);
  k.bytes.set(data.pixels.subarray(0, bytes), k.layout.images);
  k.resident = data.pixels;
}

/**
 * Puts the numbers and labels of images order[start..end) into the batch buffers (their pixels must be held),
 * followed by the numbers of the next batch's images, up to as many again. Returns how many of those follow.
 */
export function setBatch(k: Kernel, data: Dataset, order: ArrayLike<number>, start: number, end: number): number {
  const { indices, labels } = k.layout;
  const m = end - start, upcoming = Math.min(m, order.length - end);
  for (let n = 0; n < m + upcoming; n++) {
    const i = order[start + n];
    if (!(i >= 0 && i < data.count)) throw new RangeError(`image ${i} does not exist; "${data.name}" has images 0..${data.count - 1}`);
    k.indices[indices / 4 + n] = i;
    if (n < m) k.bytes[labels + n] = data.labels[i];
  }
  return upcoming;
}

/** Copies images start..end of `data` (at most `capacity`) to the start of the image region, as images 0..m-1. */
export function stageImages(k: Kernel, data: Dataset, start: number, end: number): void {
  checkImageSize(k, data);
  const size = k.sizes[0], { images, indices, labels } = k.layout;
  k.resident = null;
  k.bytes.set(data.pixels.subarray(start * size, end * size), images);
  k.bytes.set(data.labels.subarray(start, end), labels);
  for (let n = 0; n < end - start; n++) k.indices[indices / 4 + n] = n;
}

/**
 * Backprop on images order[start..end) of `data` (held with holdImages): `mode` and `scale` say what to do
 * with the summed gradient (STEP, SET or ADD). Returns the summed cost; results[1] has the number right.
 */
export function trainOn(
  k: Kernel, data: Dataset, order: ArrayLike<number>, start: number, end: number, cost: number, scale: number, decay: number, mode: number,
): number {
  const upcoming = setBatch(k, data, order, start, end);
  const { layout } = k;
  k.calls.train(layout.table, k.sizes.length - 1, end - start, layout.images, layout.indices, upcoming, layout.labels,
    k.relu ? 1 : 0, cost, scale, decay, mode, layout.results);
  return k.results[0];
}

function checkImageSize(k: Kernel, data: Dataset): void {
  if (data.rows * data.cols !== k.sizes[0]) {
    throw new RangeError(`"${data.name}" has ${data.rows * data.cols} pixels per image but the network's input layer has ${k.sizes[0]} neurons`);
  }
}

function checkSameSizes(k: Kernel, net: Pick<Network, "sizes">): void {
  if (net.sizes.length !== k.sizes.length || net.sizes.some((n, l) => n !== k.sizes[l])) {
    throw new RangeError(`this fast engine was made for a ${k.sizes.join("-")} network and cannot take a ${net.sizes.join("-")} one; make a new engine for it`);
  }
}
