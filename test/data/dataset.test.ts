import { test } from "node:test";
import assert from "node:assert/strict";
import { averageGradient, backprop } from "../../src/backprop";
import { Dataset, checkAtLeastOneExample, checkDatasetFits, checkImageIndex, checkImageIndices, labelCounts, subset, take } from "../../src/data/dataset";
import { InputError } from "../../src/errors/learnerError";
import { evaluate } from "../../src/evaluate";
import { fastEvaluate, fastGradient } from "../../src/engines/fast";
import { createNetwork } from "../../src/network";
import { train } from "../../src/training/trainer";
import { randomDataset } from "../helpers";

const net = () => createNetwork([16, 5, 10], { seed: 1 });
const refused = (message: RegExp) => (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes("\n");

test("a data set a network cannot read is refused in one sentence by every entry point, before any work", () => {
  const good = randomDataset(20, 4, 4, 10, 1);
  const bad: [string, Dataset, RegExp][] = [
    ["grey values as floats", { ...good, pixels: Float64Array.from(good.pixels, (p) => p / 255) as never }, /pixels as bytes 0\.\.255 in a Uint8Array; got a Float64Array/],
    ["too few pixels", { ...good, pixels: good.pixels.subarray(0, 16 * 19) }, /says it has 20 images of 16 pixels, but its pixels hold only 304 bytes \(19 images\)/],
    ["too few labels", { ...good, labels: good.labels.subarray(0, 5) }, /only 5 labels/],
    ["a label of 11", { ...good, labels: Uint8Array.from(good.labels, (l, i) => (i === 3 ? 11 : l)) }, /label 11 at image 3, but the network's 10 outputs stand for labels 0 to 9/],
    ["a label of 255", { ...good, labels: Uint8Array.from(good.labels, (l, i) => (i === 0 ? 255 : l)) }, /label 255 at image 0/],
    ["no images", { ...good, count: 0 }, /has no images \(count 0\)/],
    ["another image size", randomDataset(20, 5, 5, 10, 2), /has 25 pixels per image but the network's input layer has 16 neurons/],
  ];
  for (const [what, data, message] of bad) {
    assert.throws(() => checkDatasetFits([16, 5, 10], data), refused(message), what);
    assert.throws(() => evaluate(net(), data), refused(message), `evaluate: ${what}`);
    assert.throws(() => fastEvaluate(net(), data), refused(message), `fastEvaluate: ${what}`);
    assert.throws(() => fastGradient(net(), data), refused(message), `fastGradient: ${what}`);
    for (const engine of ["readable", "fast"] as const) {
      assert.throws(() => train(net(), data, { eta: 1, batchSize: 5, epochs: 1, engine }), refused(message), `train ${engine}: ${what}`);
    }
  }
});

test("a test set the network cannot read is refused before the first epoch, not after it", () => {
  const trained = net();
  const before = Float64Array.from(trained.weights[0].data);
  const test = randomDataset(10, 5, 5, 10, 3);
  assert.throws(() => train(trained, randomDataset(20, 4, 4, 10, 1), { eta: 1, batchSize: 5, epochs: 1, test }), refused(/25 pixels per image/));
  assert.deepEqual(trained.weights[0].data, before);
});

test("a network with 9 outputs does not train on 10 kinds of labels", () => {
  const data = randomDataset(200, 4, 4, 10, 1);
  assert.throws(() => train(createNetwork([16, 5, 9], { seed: 1 }), data, { eta: 1, batchSize: 5, epochs: 1 }), refused(/outputs stand for labels 0 to 8; use a last layer of 10/));
});

test("backprop refuses a label that is not an output neuron, and an input of the wrong length", () => {
  const x = new Array(16).fill(0.5);
  for (const label of [10, -1, 3.5, NaN, "3"]) {
    assert.throws(() => backprop(net(), x, label as number), refused(/a label is a whole number from 0 to 9, one per output neuron; got/), String(label));
  }
  assert.throws(() => backprop(net(), [1, 2], 3), refused(/the input must hold 16 numbers, one per input neuron; got 2/));
  assert.equal(backprop(net(), x, 9).nablaB.length, 2);
});

test("a gradient over no examples is refused in one sentence", () => {
  assert.throws(() => fastGradient(net(), randomDataset(5, 4, 4, 10, 1), []), refused(/^fastGradient averages over examples and needs at least one; the list of indices is empty$/));
});

test("the index checks: whole numbers within the set pass, anything else is one sentence naming the set's range", () => {
  const data = randomDataset(3, 2, 2, 10, 1);
  assert.equal(checkImageIndex(data, 0), 0);
  assert.equal(checkImageIndex(data, 2), 2);
  for (const bad of [3, -1, 1.5, NaN]) {
    assert.throws(() => checkImageIndex(data, bad), refused(new RegExp(`^image ${bad} does not exist; "random test set" has images 0\\.\\.2$`)), String(bad));
  }
  assert.throws(() => checkImageIndex({ ...data, count: 0 }, 0), refused(/has no images$/));
  checkImageIndices(data, Uint32Array.from([2, 0, 1]));
  assert.throws(() => checkImageIndices(data, [0, 1, 3]), refused(/^image 3 does not exist/));
  checkAtLeastOneExample("a minibatch", 1);
  assert.throws(() => checkAtLeastOneExample("a minibatch", 0), refused(/^a minibatch averages over examples and needs at least one/));
});

test("subset, take and labelCounts read the images asked for, and refuse the others before copying anything", () => {
  const data = randomDataset(4, 2, 2, 3, 2);
  const picked = subset(data, [3, 0]);
  assert.deepEqual(Array.from(picked.pixels), [...data.pixels.subarray(12, 16), ...data.pixels.subarray(0, 4)]);
  assert.deepEqual(Array.from(picked.labels), [data.labels[3], data.labels[0]]);
  assert.equal(take(data, 0).count, 0);
  assert.equal(take(data, 10).count, 4);
  const counts = labelCounts(data, 3);
  assert.equal(counts.reduce((a, b) => a + b, 0), 4);
  counts.forEach((n, label) => assert.equal(n, Array.from(data.labels).filter((l) => l === label).length));
  assert.throws(() => take(data, 1.5), refused(/number of images to take must be a whole number of at least 0; got 1\.5/));
  assert.throws(() => subset(data, [4]), refused(/image 4 does not exist/));
});

test("averageGradient refuses indices outside the set and an empty list, instead of a gradient of NaN", () => {
  const data = randomDataset(5, 4, 4, 10, 1);
  assert.throws(() => averageGradient(net(), data, []), refused(/^averageGradient averages over examples and needs at least one; the list of indices is empty$/));
  assert.throws(() => averageGradient(net(), data, [1, 5]), refused(/^image 5 does not exist/));
  assert.ok(Number.isFinite(averageGradient(net(), data, [4]).cost));
});
