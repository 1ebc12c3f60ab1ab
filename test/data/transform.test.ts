import { test } from "node:test";
import assert from "node:assert/strict";
import { labelCounts } from "../../src/data/dataset";
import { downsample, noiseImages, withShuffledLabels } from "../../src/data/transform";
import { randomDataset } from "../helpers";

test("shuffled labels keep the images and the label counts but move most labels", () => {
  const data = randomDataset(500, 2, 2, 10, 3);
  const shuffled = withShuffledLabels(data, 1);
  assert.equal(shuffled.pixels, data.pixels);
  assert.deepEqual(labelCounts(shuffled), labelCounts(data));
  const same = data.labels.filter((l, i) => shuffled.labels[i] === l).length;
  assert.ok(same < 100, `${same} labels unchanged`);
  assert.deepEqual(withShuffledLabels(data, 1).labels, shuffled.labels);
});

test("noise images are seeded uniform bytes with labels 0..9", () => {
  const noise = noiseImages(100, 5);
  assert.equal(noise.pixels.length, 100 * 784);
  assert.deepEqual(noiseImages(100, 5).pixels, noise.pixels);
  const mean = noise.pixels.reduce((s, p) => s + p, 0) / noise.pixels.length;
  assert.ok(Math.abs(mean - 127.5) < 2);
  assert.ok(noise.labels.every((l) => l < 10));
});

test("downsampling averages each 2x2 block", () => {
  const data = { name: "4x4", count: 1, rows: 4, cols: 4, labels: Uint8Array.from([3]),
    pixels: Uint8Array.from([0, 2, 10, 10, 4, 6, 10, 10, 255, 255, 1, 2, 255, 255, 3, 4]) };
  const small = downsample(data, 2);
  assert.equal(small.rows, 2);
  assert.deepEqual(Array.from(small.pixels), [3, 10, 255, 3]);
  assert.throws(() => downsample(data, 3), /factor must be a whole number dividing both sides/);
});
