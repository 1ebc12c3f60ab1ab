import { test } from "node:test";
import assert from "node:assert/strict";
import { withCorruptedLabels } from "../../src/data/corrupt";
import { randomDataset } from "../helpers";

const changed = (a: Uint8Array, b: Uint8Array) => a.filter((l, i) => b[i] !== l).length;

test("a share of 0 keeps every label, in a copy; the images are shared", () => {
  const data = randomDataset(200, 2, 2, 10, 1);
  const same = withCorruptedLabels(data, 0, 1);
  assert.deepEqual(same.labels, data.labels);
  assert.notEqual(same.labels, data.labels, "a new labels array, so the original set is never changed");
  assert.equal(same.pixels, data.pixels);
  assert.equal(same.count, data.count);
});

test("a share of the labels is replaced by random ones: about (classes − 1)/classes of those end up wrong", () => {
  const data = randomDataset(10000, 1, 1, 10, 2);
  const before = Uint8Array.from(data.labels);
  const corrupted = withCorruptedLabels(data, 0.2, 7);
  assert.deepEqual(data.labels, before, "the original labels are untouched");
  const wrong = changed(corrupted.labels, data.labels);
  assert.ok(wrong <= 2000, `${wrong} labels changed; only 2,000 were drawn again`);
  assert.ok(Math.abs(wrong - 1800) < 100, `${wrong} labels changed, about 1,800 expected`);
  assert.ok(corrupted.labels.every((l) => l < 10));
  assert.match(corrupted.name, /20% of labels random/);
});

test("a share of 1 gives every image a random label: about one in ten is still right", () => {
  const data = randomDataset(5000, 1, 1, 10, 3);
  const wrong = changed(withCorruptedLabels(data, 1, 4).labels, data.labels);
  assert.ok(Math.abs(wrong - 4500) < 120, `${wrong} labels changed, about 4,500 expected`);
});

test("the same seed corrupts the same labels the same way; another seed does not", () => {
  const data = randomDataset(1000, 1, 1, 10, 5);
  assert.deepEqual(withCorruptedLabels(data, 0.5, 9).labels, withCorruptedLabels(data, 0.5, 9).labels);
  assert.notDeepEqual(withCorruptedLabels(data, 0.5, 9).labels, withCorruptedLabels(data, 0.5, 10).labels);
});

test("a share outside 0 to 1, or fewer than two classes, is refused in one sentence", () => {
  const data = randomDataset(10, 1, 1, 10, 6);
  assert.throws(() => withCorruptedLabels(data, 1.5, 1), /share of labels to corrupt must be a number from 0 to 1; got 1.5/);
  assert.throws(() => withCorruptedLabels(data, -0.1, 1), /from 0 to 1/);
  assert.throws(() => withCorruptedLabels(data, NaN, 1), /from 0 to 1/);
  assert.throws(() => withCorruptedLabels(data, 0.5, 1, 1), /at least 2/);
});
