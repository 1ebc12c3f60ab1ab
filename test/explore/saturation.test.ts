import { test } from "node:test";
import assert from "node:assert/strict";
import { Dataset } from "../../src/data/dataset";
import { createNetwork } from "../../src/network";
import { saturation } from "../../src/explore/saturation";
import { randomDataset } from "../helpers";

test("saturation counts the neurons whose σ'(z) is below the threshold, layer by layer", () => {
  // One input pixel at 1, one sigmoid neuron: z = w + b. σ'(6) ≈ 0.0025 is saturated, σ'(1) ≈ 0.197 is not.
  const data: Dataset = {
    name: "one bright pixel",
    count: 1,
    rows: 1,
    cols: 1,
    pixels: Uint8Array.from([255]),
    labels: Uint8Array.from([0]),
  };
  const net = createNetwork([1, 1], { seed: 1 });
  net.weights[0].data[0] = 3;
  net.biases[0][0] = 3;
  assert.deepEqual(saturation(net, data, 1).saturated, [1]);
  net.biases[0][0] = -2;
  assert.deepEqual(saturation(net, data, 1).saturated, [0]);
  // δ = 2(a − y)σ'(z) for the quadratic cost (lesson 06's BP1), here with y = 1.
  const a = 1 / (1 + Math.exp(-1));
  assert.ok(Math.abs(saturation(net, data, 1).deltaSize[0] - Math.abs(2 * (a - 1) * a * (1 - a))) < 1e-12);
});

test("N(0, 1) weights saturate more first-layer neurons than scaled ones on bright images", () => {
  const data = randomDataset(30, 8, 8, 3, 2);
  const plain = saturation(createNetwork([64, 8, 3], { seed: 1 }), data, 30);
  const scaled = saturation(createNetwork([64, 8, 3], { seed: 1, init: "scaled" }), data, 30);
  assert.ok(
    plain.saturated[0] > 0.2 && scaled.saturated[0] < 0.05,
    `${plain.saturated[0]} against ${scaled.saturated[0]}`,
  );
  assert.equal(plain.deltaSize.length, 2);
});
