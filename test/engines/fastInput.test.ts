import { test } from "node:test";
import assert from "node:assert/strict";
import { Dataset } from "../../src/data/dataset";
import { holdImages, loadParameters, setBatch, storeParameters } from "../../src/engines/fast/copy";
import { Kernel, SET, createKernel, useDenseInput } from "../../src/engines/fast/kernel";
import { useKernelBuild } from "../../src/engines/fast/wasmModule";
import { Network, createNetwork } from "../../src/network";
import { zeroGradient } from "../../src/backprop";
import { createRandom } from "../../src/random";
import { randomDataset } from "../helpers";

// The input layer visits only the 4-pixel groups with ink (asm/input.ts), or, for images with ink nearly
// everywhere, every group (useDenseInput). The oracle: the dense arithmetic of the plain kernel written out in f32
// (Math.fround after every operation), over every group, black ones included, in the kernel's order: four lanes
// of partial sums over the groups, added ((lane 0 + 1) + (lane 2 + 3)) + b. Both ways must give its bits.
// Hidden neurons are ReLUs, so A^1 = max(z, 0) shows z itself.

const f = Math.fround;

/** Images of `pixels` bytes each, with about 70% of the 4-pixel groups black and the rest random. */
function inkyImages(count: number, pixels: number, seed: number): Dataset {
  const random = createRandom(seed);
  const bytes = new Uint8Array(count * pixels);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < pixels; k += 4) {
      if (random.uniform() < 0.7) continue;
      for (let q = k; q < Math.min(k + 4, pixels); q++)
        bytes[i * pixels + q] = random.uniform() < 0.2 ? 0 : 1 + random.int(255);
    }
  }
  const labels = new Uint8Array(count).map(() => random.int(3));
  return { name: "inky images", count, rows: 1, cols: pixels, pixels: bytes, labels };
}

/** The grey value of pixel k of image `image` as the kernel computes it: byte × f32(1/255). */
const grey = (data: Dataset, image: number, k: number): number =>
  k < data.cols ? f(data.pixels[image * data.cols + k] * f(1 / 255)) : 0;

/** z_j of the input layer for one image, densely, in the kernel's order. */
function denseZ(net: Network, data: Dataset, image: number, j: number): number {
  const { cols, data: w } = net.weights[0];
  const lanes = [0, 0, 0, 0];
  for (let k = 0; k < Math.ceil(cols / 4) * 4; k++) {
    const weight = k < cols ? f(w[j * cols + k]) : 0;
    lanes[k % 4] = f(lanes[k % 4] + f(weight * grey(data, image, k)));
  }
  return f(f(f(lanes[0] + lanes[1]) + f(lanes[2] + lanes[3])) + f(net.biases[0][j]));
}

/** Reads `count` floats of the kernel's memory at byte `at`. */
const floatsAt = (k: Kernel, at: number, count: number): Float32Array => new Float32Array(k.memory.buffer, at, count);

function kernelFor(net: Network, data: Dataset, m: number, dense: boolean): Kernel {
  const k = createKernel(net.sizes, true, m);
  loadParameters(k, net);
  holdImages(k, data);
  useDenseInput(k, dense);
  setBatch(
    k,
    data,
    Uint32Array.from({ length: m }, (_, i) => (i * 7) % data.count),
    0,
    m,
  );
  return k;
}

const cases = [
  [784, 30, 3],
  [784, 100, 3],
  [30, 17, 3],
  [17, 1, 3],
  [17, 3, 3],
  [52, 130, 3],
];

test("the input layer's forward pass, over the groups with ink or over all, gives the dense arithmetic's bits, at awkward widths", () => {
  useKernelBuild("plain");
  try {
    let seed = 1;
    for (const sizes of cases) {
      for (const [m, dense] of [
        [1, false],
        [7, false],
        [10, false],
        [7, true],
        [10, true],
      ] as const) {
        const net = createNetwork(sizes, { activation: "relu", init: "scaled", seed: seed++ });
        const data = inkyImages(40, sizes[0], seed);
        const k = kernelFor(net, data, m, dense);
        const { layout } = k;
        k.calls.evaluate(
          layout.table,
          sizes.length - 1,
          m,
          layout.images,
          layout.indices,
          layout.labels,
          1,
          0,
          layout.results,
        );
        const pOut = layout.padded[1],
          hidden = floatsAt(k, layout.activations[1], m * pOut);
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < sizes[1]; j++) {
            const z = denseZ(net, data, (i * 7) % data.count, j);
            assert.ok(
              Object.is(hidden[i * pOut + j], z < 0 ? 0 : z),
              `[${sizes}] batch ${m}${dense ? ", dense" : ""}, example ${i}, neuron ${j}: ${hidden[i * pOut + j]} vs ${z}`,
            );
          }
        }
      }
    }
  } finally {
    useKernelBuild("auto");
  }
});

test("images with ink in most groups take the dense forward pass, MNIST's digits the one over groups with ink", () => {
  const sizes = [784, 30, 10];
  const dense = (data: Dataset): number => {
    const k = createKernel(sizes, false, 10);
    holdImages(k, data);
    return new Int32Array(k.memory.buffer, k.layout.table, 16)[15];
  };
  assert.equal(dense(inkyImages(100, 784, 5)), 0);
  assert.equal(dense(randomDataset(100, 28, 28, 10, 5)), 1);
});

test("the input layer's weight gradient over the groups with ink gives the dense arithmetic's bits, at awkward widths", () => {
  useKernelBuild("plain");
  try {
    let seed = 100;
    for (const sizes of cases) {
      for (const [m, dense] of [
        [1, false],
        [7, false],
        [10, false],
        [7, true],
      ] as const) {
        const net = createNetwork(sizes, { activation: "relu", init: "scaled", seed: seed++ });
        const data = inkyImages(40, sizes[0], seed);
        const k = kernelFor(net, data, m, dense);
        const { layout } = k;
        k.calls.train(
          layout.table,
          sizes.length - 1,
          m,
          layout.images,
          layout.indices,
          0,
          layout.labels,
          1,
          0,
          1 / m,
          1,
          SET,
          layout.results,
        );
        // The errors of the hidden layer, already times 1/m, stay in the kernel's delta buffer after the call.
        const pOut = layout.padded[1],
          delta = floatsAt(k, layout.deltas[1], m * pOut);
        const gradient = zeroGradient(sizes);
        storeParameters(
          k,
          gradient.nablaW.map((w) => w.data),
          gradient.nablaB,
          true,
        );
        const cols = sizes[0];
        for (let j = 0; j < sizes[1]; j++) {
          for (let c = 0; c < cols; c++) {
            let g = 0;
            for (let i = 0; i < m; i++) g = f(g + f(delta[i * pOut + j] * grey(data, (i * 7) % data.count, c)));
            const got = gradient.nablaW[0].data[j * cols + c];
            assert.ok(
              Object.is(got, g),
              `[${sizes}] batch ${m}${dense ? ", dense" : ""}: ∂C/∂w_${j},${c} is ${got}, the dense sum ${g}`,
            );
          }
        }
      }
    }
  } finally {
    useKernelBuild("auto");
  }
});
