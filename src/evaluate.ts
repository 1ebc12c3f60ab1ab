import { Cost, quadratic } from "./cost";
import { Dataset, checkDatasetFits, imageOf } from "./data/dataset";
import { Network, argmax, feedforward, forwardBuffers } from "./network";

/** How a network does on a labelled set. */
export interface Evaluation {
  readonly count: number;
  readonly correct: number;
  /** correct / count, in 0..1. */
  readonly accuracy: number;
  /** The average cost over the set: (1/n) Σ_x C_x, the "lousiness" the videos minimise. */
  readonly cost: number;
  /** confusion[actual][predicted]: how often a digit of each label got each answer. */
  readonly confusion: number[][];
  /** The images it got wrong: index into the set, true label, the network's answer. */
  readonly misclassified: { index: number; label: number; predicted: number }[];
}

/** Runs every image of `data` through the network (forward passes only) and counts. */
export function evaluate(net: Network, data: Dataset, cost: Cost = quadratic): Evaluation {
  checkDatasetFits(net.sizes, data);
  const classes = net.sizes[net.sizes.length - 1];
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const misclassified: Evaluation["misclassified"] = [];
  const pass = forwardBuffers(net.sizes);
  const input = new Float64Array(net.sizes[0]);
  let correct = 0;
  let total = 0;
  for (let i = 0; i < data.count; i++) {
    const output = feedforward(net, imageOf(data, i, input), pass).activations[net.sizes.length - 1];
    const label = data.labels[i];
    const predicted = argmax(output);
    for (let j = 0; j < output.length; j++) total += cost.term(output[j], j === label ? 1 : 0);
    if (label < classes) confusion[label][predicted]++;
    if (predicted === label) correct++;
    else misclassified.push({ index: i, label, predicted });
  }
  const count = data.count;
  return {
    count,
    correct,
    accuracy: count ? correct / count : 0,
    cost: count ? total / count : 0,
    confusion,
    misclassified,
  };
}

/** The share of `data` the network classifies right, in 0..1. */
export function accuracy(net: Network, data: Dataset): number {
  return evaluate(net, data).accuracy;
}

/** The average cost of the network over `data`. */
export function averageCost(net: Network, data: Dataset, cost: Cost = quadratic): number {
  return evaluate(net, data, cost).cost;
}

/**
 * The accuracy read off a confusion matrix (confusion[actual][predicted]): the right answers are the diagonal,
 * so it is the diagonal's sum over the sum of every count, the number of examples. It equals `evaluate`'s
 * accuracy when every label is one of the network's classes.
 */
export function accuracyFromConfusion(confusion: readonly (readonly number[])[]): number {
  let right = 0,
    examples = 0;
  confusion.forEach((row, actual) =>
    row.forEach((times, predicted) => {
      examples += times;
      if (predicted === actual) right += times;
    }),
  );
  return examples ? right / examples : 0;
}

/** For each label, the share of its examples read right: confusion[d][d] over row d's sum (0 for a label with no examples). */
export function accuracyOfEachDigit(confusion: readonly (readonly number[])[]): number[] {
  return confusion.map((row, d) => {
    const examples = row.reduce((sum, times) => sum + times, 0);
    return examples ? row[d] / examples : 0;
  });
}
