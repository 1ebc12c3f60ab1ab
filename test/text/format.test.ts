import { test } from "node:test";
import assert from "node:assert/strict";
import { count, percent, plural } from "../../src/text/format";

test("counts, percentages and plurals read as the lessons print them", () => {
  assert.equal(count(8000), "8,000");
  assert.equal(count(1234.56), "1,234.6");
  assert.equal(percent(0.908), "90.8%");
  assert.equal(percent(1), "100.0%");
  assert.equal(percent(0.98061, 2), "98.06%");
  assert.equal(percent(0.2, 0), "20%");
  assert.equal(percent(-0.004), "-0.4%");
  assert.equal(percent(NaN), "–"); // 0/0: no share to show
  assert.equal(plural(1, "epoch"), "1 epoch");
  assert.equal(plural(0, "step"), "0 steps");
  assert.equal(plural(8000, "digit"), "8,000 digits");
});
