import { InputError } from "../errors/learnerError";
import { Gradient, zeroGradient } from "../backprop";
import { Cost, costNamed, quadratic } from "../cost";
import { Dataset, checkAtLeastOneExample, checkDatasetFits, checkImageIndices } from "../data/dataset";
import { Engine, EngineOptions } from "./engine";
import { holdImages, loadParameters, setBatch, storeParameters } from "./fast/copy";
import { ADD, Kernel, SET, STEP, costCode, createKernel } from "./fast/kernel";
import { Network } from "../network";
import { bindWorkers } from "./fast/threads";
import { defaultThreads, gradientInParts, stepInParts } from "./fast/split";
export { KernelBuild, kernelBuild, useKernelBuild } from "./fast/wasmModule";
import { fastEvaluate } from "./fast/evaluate";
export { fastEvaluate };

/**
 * The fast engine: the same SGD as the readable engine (readable.ts), computed in f32 by the WebAssembly
 * kernel in asm/, one call per minibatch, with every equation of backprop taken over the whole batch
 * as a product of matrices (lesson 07). Gradients agree with the readable engine's to about 1e-5.
 * The engine copies the pixels of the data set it trains on into its own memory once (a data set is
 * taken not to change while it is trained on); a batch bigger than `chunk` is summed in parts.
 */
export function fastEngine(net: Network, options: EngineOptions): Engine {
  const cost = costCode(options.cost);
  const costFunction = costNamed(options.cost);
  const capacity = Math.min(Math.max(1, options.batchSize), chunk);
  let threads = chooseThreads(net.sizes, options.batchSize, options.threads);
  const kernel: Kernel = createKernel(
    net.sizes,
    net.activation.name === "relu",
    threads > 1 ? Math.ceil(capacity / threads) : capacity,
    threads,
  );
  if (threads > 1 && !bindWorkers(kernel, threads - 1)) threads = 1; // worker threads could not start: one thread does it all
  const batch = { cost: 0, correct: 0 };

  const step = (data: Dataset, order: Uint32Array, start: number, end: number, eta: number, decay: number): void => {
    const m = end - start;
    checkAtLeastOneExample("a step of gradient descent", m);
    holdImages(kernel, data);
    batch.cost = 0;
    batch.correct = 0;
    if (threads > 1) {
      // The batch shared by the threads (fast/split.ts): its gradient and the step along it, in one call.
      bindWorkers(kernel, threads - 1);
      Object.assign(batch, stepInParts(kernel, threads, data, order, start, end, cost, -eta / m, decay));
      return;
    }
    if (m <= kernel.capacity) {
      batch.cost = trainOn(kernel, data, order, start, end, cost, -eta / m, decay, STEP);
      batch.correct = kernel.results[1];
      return;
    }
    // A batch bigger than the kernel's buffers: its gradient is summed in parts, then one step.
    for (let s = start; s < end; s += kernel.capacity) {
      batch.cost += trainOn(
        kernel,
        data,
        order,
        s,
        Math.min(s + kernel.capacity, end),
        cost,
        -eta / m,
        decay,
        s === start ? SET : ADD,
      );
      batch.correct += kernel.results[1];
    }
    kernel.calls.step(kernel.layout.table, kernel.sizes.length - 1, decay);
  };

  loadParameters(kernel, net);
  return {
    batch,
    threads,
    load: (from) => loadParameters(kernel, from),
    step,
    store: (into) =>
      storeParameters(
        kernel,
        into.weights.map((w) => w.data),
        into.biases,
      ),
    // 60,000 readable forward passes would take longer than the epoch: the kernel evaluates too.
    evaluate: (trained, data) => fastEvaluate(trained, data, costFunction),
  };
}

/** The threads to train with: the number asked for (a whole number from 1 to 64), or those that help. */
function chooseThreads(sizes: readonly number[], batchSize: number, asked: number | undefined): number {
  if (asked === undefined) return defaultThreads(sizes, batchSize);
  if (!(Number.isInteger(asked) && asked >= 1 && asked <= 64)) {
    throw new InputError(
      `the number of threads must be a whole number from 1 to 64; got ${asked} (leave it out to use the cores that help, ${defaultThreads(sizes, batchSize)} here)`,
    );
  }
  return Math.min(asked, Math.max(1, batchSize));
}

/**
 * The gradient of the average cost over some examples of `data` (all by default), computed by the kernel:
 * the fast twin of backprop.ts's averageGradient, for checking one against the other; with `threads` > 1,
 * summed in parts by that many threads, as training with them does.
 */
export function fastGradient(
  net: Network,
  data: Dataset,
  indices?: ArrayLike<number>,
  cost: Cost = quadratic,
  threads = 1,
): { gradient: Gradient; cost: number } {
  checkDatasetFits(net.sizes, data);
  const order = indices ?? Uint32Array.from({ length: data.count }, (_, i) => i);
  const count = order.length;
  checkImageIndices(data, order);
  checkAtLeastOneExample("fastGradient", count);
  const t = chooseThreads(net.sizes, count, threads);
  const k = createKernel(net.sizes, net.activation.name === "relu", Math.min(Math.ceil(count / t), chunk), t);
  loadParameters(k, net);
  holdImages(k, data);
  let total = 0;
  if (t > 1 && bindWorkers(k, t - 1)) {
    total = gradientInParts(k, t, data, order, 0, count, costCode(cost.name), 1 / count).cost;
  } else {
    for (let start = 0; start < count; start += k.capacity) {
      total += trainOn(
        k,
        data,
        order,
        start,
        Math.min(start + k.capacity, count),
        costCode(cost.name),
        1 / count,
        1,
        start === 0 ? SET : ADD,
      );
    }
  }
  const gradient = zeroGradient(net.sizes);
  storeParameters(
    k,
    gradient.nablaW.map((w) => w.data),
    gradient.nablaB,
    true,
  );
  return { gradient, cost: total / count };
}

/**
 * Backprop on images order[start..end) of `data` (held with holdImages): `mode` and `scale` say what to do
 * with the summed gradient (STEP, SET or ADD). Returns the summed cost; results[1] has the number right.
 */
function trainOn(
  k: Kernel,
  data: Dataset,
  order: ArrayLike<number>,
  start: number,
  end: number,
  cost: number,
  scale: number,
  decay: number,
  mode: number,
): number {
  const upcoming = setBatch(k, data, order, start, end);
  const { layout } = k;
  k.calls.train(
    layout.table,
    k.sizes.length - 1,
    end - start,
    layout.images,
    layout.indices,
    upcoming,
    layout.labels,
    k.relu ? 1 : 0,
    cost,
    scale,
    decay,
    mode,
    layout.results,
  );
  return k.results[0];
}

/** The most examples one kernel call takes: enough to keep calls few, few enough for the batch to stay in cache. */
const chunk = 256;
