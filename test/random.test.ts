import { test } from "node:test";
import assert from "node:assert/strict";
import { createRandom, permutation, shuffleInPlace } from "../src/random";

test("the same seed gives the same numbers, bit for bit", () => {
  const a = createRandom(42),
    b = createRandom(42);
  for (let i = 0; i < 1000; i++) {
    assert.equal(a.uniform(), b.uniform());
    assert.equal(a.normal(), b.normal());
  }
});

test("different seeds give different streams", () => {
  const a = createRandom(1),
    b = createRandom(2);
  const same = Array.from({ length: 100 }, () => a.uniform() === b.uniform()).filter(Boolean).length;
  assert.ok(same < 2);
});

test("uniform numbers lie in [0, 1) with mean near 1/2; normals have mean 0 and variance 1", () => {
  const r = createRandom(7);
  let sum = 0,
    nsum = 0,
    nsq = 0;
  const n = 100000;
  for (let i = 0; i < n; i++) {
    const u = r.uniform();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    const z = r.normal();
    nsum += z;
    nsq += z * z;
  }
  assert.ok(Math.abs(sum / n - 0.5) < 0.01);
  assert.ok(Math.abs(nsum / n) < 0.02);
  assert.ok(Math.abs(nsq / n - 1) < 0.02);
});

test("a shuffle is a permutation, and every position gets every item about equally often", () => {
  const counts = Array.from({ length: 5 }, () => new Array(5).fill(0));
  const r = createRandom(3);
  for (let t = 0; t < 20000; t++) {
    const p = shuffleInPlace([0, 1, 2, 3, 4], r);
    assert.deepEqual([...p].sort(), [0, 1, 2, 3, 4]);
    p.forEach((item, position) => counts[position][item]++);
  }
  for (const row of counts) for (const c of row) assert.ok(Math.abs(c - 4000) < 300, `count ${c}`);
  const order = permutation(1000, createRandom(9));
  assert.deepEqual(
    Array.from(order).sort((x, y) => x - y),
    Array.from({ length: 1000 }, (_, i) => i),
  );
});

test("a seed that is not a finite number is refused", () => {
  assert.throws(() => createRandom(NaN), /seed must be a finite number/);
});
