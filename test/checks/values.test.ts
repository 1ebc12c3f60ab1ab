import { test } from "node:test";
import assert from "node:assert/strict";
import { copyOf, describeValue, sameValue, unchanged } from "../../src/checks/values";

test("copyOf copies arrays, typed arrays and plain objects deeply and shares functions", () => {
  const f = (z: number) => z;
  const net = { sizes: [2, 1], weights: [{ rows: 1, cols: 2, data: new Float64Array([1, 2]) }], activation: { f } };
  const copy = copyOf(net);
  copy.weights[0].data[0] = 9;
  copy.sizes[0] = 5;
  assert.equal(net.weights[0].data[0], 1);
  assert.equal(net.sizes[0], 2);
  assert.equal(copy.activation.f, f);
  assert.ok(copy.weights[0].data instanceof Float64Array);
});

test("unchanged is exact, and sees a change deep inside", () => {
  const before = { a: [1, 2, new Float64Array([3, NaN])] };
  assert.ok(unchanged(copyOf(before), before));
  const after = copyOf(before);
  (after.a[2] as Float64Array)[0] = 3.0000001;
  assert.ok(!unchanged(after, before));
});

test("sameValue compares numbers with a relative tolerance, arrays by entry, objects by the expected keys", () => {
  assert.ok(sameValue(1000.0001, 1000));
  assert.ok(!sameValue(1000.1, 1000));
  assert.ok(sameValue(1e-9, 0));
  assert.ok(!sameValue("3", 3));
  assert.ok(!sameValue(NaN, 3));
  assert.ok(sameValue([1, 2], new Float64Array([1, 2])));
  assert.ok(!sameValue([1, 2, 3], [1, 2]));
  assert.ok(sameValue({ a: [1], b: 2, extra: 0 }, { a: [1], b: 2 }));
  assert.ok(!sameValue({ a: [1] }, { a: [1], b: 2 }));
});

test("describeValue writes short sentences' values", () => {
  assert.equal(describeValue(0.123456789), "0.123457");
  assert.equal(describeValue([1, 2, 3, 4, 5, 6, 7, 8]), "[1, 2, 3, 4, 5, 6, … (8 in all)]");
  assert.equal(describeValue({ sizes: [2, 3, 2] }), "a 2-3-2 network");
  const net = {
    sizes: [2, 1],
    weights: [{ rows: 1, cols: 2, data: new Float64Array([0.5, -1.25]) }],
    biases: [new Float64Array([3.5])],
  };
  assert.equal(describeValue(net), "a 2-1 network whose weights[0] begin [0.5, -1.25] and biases[0] [3.5]");
  assert.equal(describeValue({ rows: 3, cols: 2, data: [] }), "a 3×2 matrix");
  assert.equal(describeValue(undefined), "nothing (undefined)");
  assert.equal(describeValue("left"), '"left"');
});
