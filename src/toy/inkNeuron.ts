import { sigmoidOf } from "../activation";
import { Dataset } from "../data/dataset";
import { createRandom } from "../random";
import { Point, ToyFunction } from "./expression";

/**
 * A model with only two parameters, so its whole cost surface can be drawn (lesson 07): one sigmoid neuron
 * that reads a single number from each image, how much ink it has (standardised), and answers
 * a = σ(w·x + b) to the question "is this digit a `digit`?". Its cost is the lesson's quadratic cost,
 * averaged over examples: C(w, b) = (1/n) Σ (σ(w·x + b) − y)².
 */
export interface TwoParameterModel {
  /** Each image's standardised ink, and its desired answer (1 or 0). */
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  /** The average cost at p = [w, b], over the given examples (all of them by default). */
  cost(p: Point, indices?: ArrayLike<number>): number;
  /** Its gradient [∂C/∂w, ∂C/∂b] over the same examples: the backprop of one neuron. */
  gradient(p: Point, indices?: ArrayLike<number>): number[];
  /** The full-data cost as a toy function, for the contour plots and for full-batch gradient descent. */
  readonly fullCost: ToyFunction;
}

export function inkModel(data: Dataset, digit = 1): TwoParameterModel {
  const size = data.rows * data.cols;
  const ink = new Float64Array(data.count);
  for (let i = 0; i < data.count; i++) {
    let sum = 0;
    for (let p = 0; p < size; p++) sum += data.pixels[i * size + p];
    ink[i] = sum / (255 * size);
  }
  const mean = ink.reduce((s, v) => s + v, 0) / ink.length;
  const std = Math.sqrt(ink.reduce((s, v) => s + (v - mean) ** 2, 0) / ink.length) || 1;
  const inputs = ink.map((v) => (v - mean) / std);
  const targets = Float64Array.from(data.labels, (label) => (label === digit ? 1 : 0));

  const each = (indices: ArrayLike<number> | undefined, visit: (x: number, y: number) => void): number => {
    const n = indices ? indices.length : inputs.length;
    for (let m = 0; m < n; m++) {
      const i = indices ? indices[m] : m;
      visit(inputs[i], targets[i]);
    }
    return n;
  };
  const cost = ([w, b]: Point, indices?: ArrayLike<number>): number => {
    let total = 0;
    const n = each(indices, (x, y) => {
      total += (sigmoidOf(w * x + b) - y) ** 2;
    });
    return total / n;
  };
  const gradient = ([w, b]: Point, indices?: ArrayLike<number>): number[] => {
    let dw = 0,
      db = 0;
    const n = each(indices, (x, y) => {
      const a = sigmoidOf(w * x + b);
      const delta = 2 * (a - y) * a * (1 - a); // BP1 for one neuron
      dw += delta * x; // BP4
      db += delta; // BP3
    });
    return [dw / n, db / n];
  };
  const fullCost: ToyFunction = {
    expression: `cost of "is it a ${digit}?" from ink`,
    variables: ["w", "b"],
    value: (p) => cost(p),
    gradient: (p) => gradient(p),
    numericGradient: (p, h = 1e-6) =>
      [0, 1].map((i) => {
        const up = [...p],
          down = [...p];
        up[i] += h;
        down[i] -= h;
        return (cost(up) - cost(down)) / (2 * h);
      }),
    derivatives: ["mean of 2(a − y)·a(1 − a)·x", "mean of 2(a − y)·a(1 − a)"],
    derivativesTex: [],
  };
  return { inputs, targets, cost, gradient, fullCost };
}

/** Stochastic gradient descent on the model: each step uses a fresh minibatch of a shuffled order. */
export function sgdPath(
  model: TwoParameterModel,
  options: { start: Point; eta: number; batchSize: number; steps: number; seed: number },
): { points: Point[]; values: number[] } {
  const random = createRandom(options.seed);
  const n = model.inputs.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let at = n; // reshuffle before the first batch
  const points: Point[] = [[...options.start]];
  const values = [model.cost(options.start)];
  for (let step = 0; step < options.steps; step++) {
    if (at + options.batchSize > n) {
      for (let i = n - 1; i > 0; i--) {
        const j = random.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      at = 0;
    }
    const batch = order.slice(at, at + options.batchSize);
    at += options.batchSize;
    const p = points[points.length - 1];
    const g = model.gradient(p, batch);
    const next = [p[0] - options.eta * g[0], p[1] - options.eta * g[1]];
    points.push(next);
    values.push(model.cost(next));
  }
  return { points, values };
}
