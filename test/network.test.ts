import { test } from "node:test";
import assert from "node:assert/strict";
import { argmax, createNetwork, feedforward, parameterCount } from "../src/network";
import { sigmoid } from "../src/activation";

test("784-16-16-10 has 13,002 weights and biases", () => {
  assert.equal(parameterCount([784, 16, 16, 10]), 13002);
  const net = createNetwork();
  assert.deepEqual(net.sizes, [784, 16, 16, 10]);
  const counted = net.weights.reduce((n, w) => n + w.data.length, 0) + net.biases.reduce((n, b) => n + b.length, 0);
  assert.equal(counted, 13002);
});

test("weights[l] has a row per neuron of layer l+1 and a column per neuron of layer l", () => {
  const net = createNetwork([5, 3, 2], { seed: 1 });
  assert.equal(net.weights[0].rows, 3);
  assert.equal(net.weights[0].cols, 5);
  assert.equal(net.weights[1].rows, 2);
  assert.equal(net.weights[1].cols, 3);
});

test("the forward pass is the weighted sum plus bias through the activation, by hand", () => {
  const net = createNetwork([2, 1], { seed: 1 });
  net.weights[0].data.set([0.5, -1]);
  net.biases[0][0] = 0.25;
  const pass = feedforward(net, [1, 0.5]);
  const z = 0.5 * 1 + -1 * 0.5 + 0.25;
  assert.equal(pass.zs[0][0], z);
  assert.equal(pass.activations[1][0], sigmoid.f(z));
});

test("the weight from neuron k of layer l to neuron j of layer l+1 is at data[j * cols + k]", () => {
  const net = createNetwork([3, 2], { seed: 1 });
  net.weights[0].data.fill(0);
  net.biases[0].fill(0);
  net.weights[0].data[1 * 3 + 2] = 5; // from input 2 to output 1
  const out = feedforward(net, [0, 0, 1]).activations[1];
  assert.equal(out[0], 0.5);
  assert.equal(out[1], sigmoid.f(5));
});

test("the forward pass keeps every layer; ReLU hidden layers, sigmoid output", () => {
  const net = createNetwork([4, 6, 3], { activation: "relu", seed: 2 });
  const pass = feedforward(net, [0.1, 0.2, 0.3, 0.4]);
  assert.equal(pass.zs.length, 2);
  assert.equal(pass.activations.length, 3);
  pass.zs[0].forEach((z, j) => assert.equal(pass.activations[1][j], Math.max(0, z)));
  pass.zs[1].forEach((z, j) => assert.equal(pass.activations[2][j], sigmoid.f(z)));
});

test("the same seed gives the same network; scaled init shrinks weights by sqrt(n_in)", () => {
  assert.deepEqual(
    createNetwork([784, 16, 10], { seed: 5 }).weights[0].data,
    createNetwork([784, 16, 10], { seed: 5 }).weights[0].data,
  );
  const scaled = createNetwork([784, 16, 10], { seed: 5, init: "scaled" }).weights[0].data;
  const variance = scaled.reduce((s, w) => s + w * w, 0) / scaled.length;
  assert.ok(Math.abs(variance - 1 / 784) < 0.1 / 784);
});

test("bad layer sizes and inputs are refused with the offending value", () => {
  assert.throws(() => createNetwork([784, 16.5, 10]), /whole numbers of at least 1; got 16.5/);
  assert.throws(() => createNetwork([784]), /at least two layer sizes/);
  assert.throws(() => createNetwork([784, 0, 10]), /got 0/);
  assert.throws(
    () => feedforward(createNetwork([3, 2]), [1, 2]),
    /the input must hold 3 numbers, one per input neuron; got 2 values/,
  );
  assert.throws(() => feedforward(createNetwork([3, 2]), [1, 2, 3, 4]), /must hold 3 numbers, .*got 4 values/);
});

test("the answer is the brightest output", () => {
  assert.equal(argmax([0.1, 0.7, 0.3]), 1);
});
