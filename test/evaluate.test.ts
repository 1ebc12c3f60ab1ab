import { test } from "node:test";
import assert from "node:assert/strict";
import { accuracyFromConfusion, accuracyOfEachDigit, evaluate } from "../src/evaluate";
import { createNetwork } from "../src/network";
import { train } from "../src/training/trainer";
import { randomDataset } from "./helpers";

test("accuracyFromConfusion is the diagonal's share of all counts, the accuracy evaluate reports", () => {
  assert.equal(
    accuracyFromConfusion([
      [8, 2],
      [1, 9],
    ]),
    17 / 20,
  );
  assert.equal(
    accuracyFromConfusion([
      [0, 0],
      [0, 0],
    ]),
    0,
  );
  const data = randomDataset(60, 2, 2, 3, 1);
  const net = createNetwork([4, 5, 3], { seed: 2 });
  train(net, data, { eta: 2, batchSize: 6, epochs: 5, engine: "readable" });
  const result = evaluate(net, data);
  assert.ok(result.accuracy > 0 && result.accuracy < 1, `a mixed result to compare: ${result.accuracy}`);
  assert.equal(accuracyFromConfusion(result.confusion), result.accuracy);
});

test("accuracyOfEachDigit reads each row: confusion[d][d] over the examples labelled d", () => {
  assert.deepEqual(
    accuracyOfEachDigit([
      [8, 2],
      [1, 9],
    ]),
    [0.8, 0.9],
  );
  assert.deepEqual(
    accuracyOfEachDigit([
      [3, 1, 0],
      [0, 0, 0],
      [2, 0, 2],
    ]),
    [0.75, 0, 0.5],
  );
});
