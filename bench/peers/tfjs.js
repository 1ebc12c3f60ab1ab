"use strict";
/**
 * TensorFlow.js peer: `node tfjs.js <shared dir> cpu|wasm`, with @tensorflow/tfjs from bench/.peers.
 * The batched matrix form of backprop written with tf ops (float32; tfjs has no float64), for the quadratic
 * cost C = Σ (a − y)² with no ½, so δ^L = 2 (a − y) ⊙ σ'(z^L), and σ'(z) = a (1 − a).
 */
const path = require("path");
const { start, serve, fail } = require("./serve");

const peers = path.join(__dirname, "..", ".peers", "node_modules");
const shared = start();
const backend = shared.variant;

async function main() {
  const tf = require(path.join(peers, "@tensorflow", "tfjs"));
  if (backend === "wasm") {
    const wasm = require(path.join(peers, "@tensorflow", "tfjs-backend-wasm"));
    wasm.setThreadsCount(1);
  }
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js could not start its "${backend}" backend`);
  await tf.ready();
  const { meta } = shared;
  const size = meta.imageSize,
    classes = meta.sizes[meta.sizes.length - 1];
  const grey = (set) => Float32Array.from(set.pixels, (p) => p / 255);
  const trainX = grey(shared.train);
  const testX = tf.tensor2d(grey(shared.test), [shared.test.count, size]);

  const makeTrainer = (batchSize) => {
    const weights = shared.weights.map((w, l) =>
      tf.variable(tf.tensor2d(Float32Array.from(w), [meta.sizes[l + 1], meta.sizes[l]])),
    );
    const biases = shared.biases.map((b) => tf.variable(tf.tensor1d(Float32Array.from(b))));
    const x = new Float32Array(batchSize * size),
      y = new Float32Array(batchSize * classes);
    const forward = (input) => {
      const activations = [input];
      for (let l = 0; l < weights.length; l++)
        activations.push(tf.sigmoid(tf.add(tf.matMul(activations[l], weights[l], false, true), biases[l])));
      return activations;
    };
    // A minibatch is copied into tensors from the images in memory: much faster than tf.gather on a tensor of
    // all 60,000 images, which costs the CPU backend about 0.7 ms per call.
    const step = (order, start, m) =>
      tf.tidy(() => {
        y.fill(0);
        for (let r = 0; r < m; r++) {
          const i = order[start + r];
          x.set(trainX.subarray(i * size, (i + 1) * size), r * size);
          y[r * classes + shared.train.labels[i]] = 1;
        }
        const activations = forward(tf.tensor2d(x.subarray(0, m * size), [m, size]));
        const a = activations[activations.length - 1];
        const rate = tf.scalar(meta.eta / m);
        let delta = tf.mul(
          tf.mul(tf.sub(a, tf.tensor2d(y.subarray(0, m * classes), [m, classes])), 2),
          tf.mul(a, tf.sub(1, a)),
        ); // BP1
        for (let l = weights.length - 1; l >= 0; l--) {
          const aPrev = activations[l];
          const nablaW = tf.matMul(delta, aPrev, true, false); // BP4, summed over the minibatch
          const nablaB = tf.sum(delta, 0); // BP3
          if (l > 0) delta = tf.mul(tf.matMul(delta, weights[l]), tf.mul(aPrev, tf.sub(1, aPrev))); // BP2, with the weights before the step
          weights[l].assign(tf.sub(weights[l], tf.mul(nablaW, rate)));
          biases[l].assign(tf.sub(biases[l], tf.mul(nablaB, rate)));
        }
      });
    return {
      // Both backends run each op before returning, so the epoch is over when its last step returns.
      epoch: (order) => {
        for (let start = 0; start < order.length; start += batchSize)
          step(order, start, Math.min(batchSize, order.length - start));
      },
      accuracy: () =>
        tf.tidy(() => {
          const predicted = tf.argMax(forward(testX)[weights.length], 1).dataSync();
          return predicted.reduce((n, p, i) => n + (p === shared.test.labels[i] ? 1 : 0), 0) / shared.test.count;
        }),
    };
  };
  const { version } = require(path.join(peers, "@tensorflow", "tfjs", "package.json"));
  await serve(shared, `TensorFlow.js ${version}`, makeTrainer);
}

main().catch(fail);
