import { defineExercise } from "./exercises";
import { Print, check } from "./check";
import { FunctionExercise, checkFunction } from "./checkFunction";
import { averageGradient } from "../backprop";
import { Dataset } from "../data/dataset";
import { minibatches } from "../minibatches";
import { Network, cloneNetwork, createNetwork } from "../network";
import { Random, createRandom, permutation, shuffleInPlace } from "../random";
import { train } from "../training/trainer";
import { between, seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const stepsPerEpochExercise = defineExercise("07", "steps per epoch");

/** Lesson 07's parameters cell: the ranges its values may take, and their defaults. */
export const lesson07Parameters = {
  seed: seedParameter(1),
  batchSize: wholeBetween(100, 1, 8000),
  walkerBatch: wholeBetween(10, 1, 8000),
  eta: between(3, 0.01, 50),
  seconds: between(1.5, 0.2, 3),
};

/** Lesson 07, "Your turn": how many SGD steps one epoch over n examples takes with minibatches of batchSize. */
export function checkStepsPerEpoch(n: number, batchSize: number, answer: unknown, print: Print = console.log): void {
  const steps = Math.ceil(n / batchSize);
  check<unknown>(
    {
      id: stepsPerEpochExercise,
      what: `the number of steps in one epoch of ${n} examples with minibatches of ${batchSize}`,
      isRight: (x) => x === steps,
      mistakes: [
        {
          matches: (x) => x === Math.floor(n / batchSize) && steps !== Math.floor(n / batchSize),
          hint: "almost: the examples left over make one last, smaller minibatch",
        },
        {
          matches: (x) => x === n,
          hint: "that is one step per example (batch size 1); a minibatch step uses a whole batch",
        },
        { matches: (x) => x === n * batchSize, hint: "divide the examples among the batches instead of multiplying" },
        {
          matches: (x) => typeof x === "number" && Math.abs(x - n / batchSize) < 1 && !Number.isInteger(x),
          hint: "steps are whole: round up, the last minibatch may be smaller",
        },
      ],
      otherwise: `one step per minibatch: ${n} ÷ ${batchSize}, rounded up`,
      praise: `Each looks at ${batchSize} examples instead of ${n}.`,
    },
    answer,
    print,
  );
}

/** Lesson 07's exercises (below) try small cases first: a last minibatch that is shorter, minibatches of 1, one minibatch of everything. */
function minibatchCases(random: Random): [number, number, number][] {
  const cases: [number, number, number][] = [
    [10, 3, 1],
    [5, 1, 2],
    [4, 4, 3],
    [3, 10, 4],
    [1, 1, 0],
    [12, 4, 5],
    [7, 2, 4294967295],
  ];
  while (cases.length < 24) {
    const count = 2 + random.int(59);
    cases.push([count, 1 + random.int(count + 4), random.int(2 ** 32)]);
  }
  return cases;
}

/** Cuts `order` into minibatches with a typical slip: the short last one dropped, or `extra` indices more or fewer in each. */
function cut(
  order: ArrayLike<number>,
  batchSize: number,
  options: { keepShortLast?: boolean; extra?: number } = {},
): number[][] {
  const batches: number[][] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    if (options.keepShortLast === false && start + batchSize > order.length) break;
    batches.push(Array.from(order).slice(start, start + batchSize + (options.extra ?? 0)));
  }
  return batches;
}

/**
 * Lesson 07, "Your turn": write `shuffleAndSplit(count, batchSize, seed)`, one epoch's minibatches as arrays of
 * example indices: 0..count-1 shuffled by `permutation(count, createRandom(seed))`, then cut in order into
 * minibatches of batchSize, the last one holding what is left. The answer key is the library's `minibatches`
 * (src/minibatches.ts), the very split `train` uses.
 */
export const minibatchesExercise: FunctionExercise<[number, number, number], number[][]> = {
  id: defineExercise("07", "shuffle and split into minibatches"),
  what: "shuffleAndSplit(count, batchSize, seed), one epoch's minibatches",
  inputs: minibatchCases,
  reference: minibatches,
  describe: (count, batchSize, seed) => `count ${count}, batchSize ${batchSize}, seed ${seed}`,
  mistakes: [
    {
      wrong: (count, batchSize, seed) =>
        cut(permutation(count, createRandom(seed)), batchSize, { keepShortLast: false }),
      hint: "the last minibatch is missing: keep the examples left over as one last, shorter minibatch, or they are never trained on",
    },
    {
      wrong: (count, batchSize) =>
        cut(
          Array.from({ length: count }, (_, i) => i),
          batchSize,
        ),
      hint: "the indices are in order: shuffle them first with permutation(count, createRandom(seed)), so each epoch's minibatches are a fair random sample",
    },
    {
      wrong: (count, batchSize, seed) => cut(permutation(count, createRandom(seed)), batchSize, { extra: 1 }),
      hint: "off by one: the minibatches overlap; slice(start, start + batchSize) already stops before its end index",
    },
    {
      wrong: (count, batchSize, seed) => cut(permutation(count, createRandom(seed)), batchSize, { extra: -1 }),
      hint: "off by one: each minibatch is one short; slice(start, start + batchSize) stops before its end index, so no − 1",
    },
    {
      wrong: (count, batchSize, seed) => {
        const random = createRandom(seed);
        return cut(
          Array.from({ length: count }, (_, i) => i),
          batchSize,
        ).map((b) => Array.from(shuffleInPlace(b, random)));
      },
      hint: "you shuffled inside each minibatch, so every minibatch holds the same examples each epoch; shuffle all the indices first, then cut",
    },
  ],
  otherwise:
    "make the order with permutation(count, createRandom(seed)), then cut it into consecutive slices of batchSize; the last slice keeps what is left",
  praise:
    "This is the library's minibatches (src/minibatches.ts): the split train makes in its first epoch with that seed.",
};

/** Checks the learner's `shuffleAndSplit(count, batchSize, seed)` against the library's `minibatches`. */
export function checkMinibatches(learner: unknown, print: Print = console.log): void {
  checkFunction(minibatchesExercise, learner, print);
}

type EpochArgs = [network: Network, data: Dataset, eta: number, batchSize: number, seed: number];

/** A small network and data set for the epoch exercise: images of 2 × 2 or 2 × 3 pixels, 2 or 3 classes. */
function epochCases(random: Random): EpochArgs[] {
  const make = (count: number, batchSize: number, hidden: number[], eta: number): EpochArgs => {
    const cols = 2 + random.int(2),
      classes = 2 + random.int(2);
    const pixels = new Uint8Array(count * 2 * cols).map(() => random.int(256));
    const labels = new Uint8Array(count).map(() => random.int(classes));
    const data: Dataset = { name: "small examples", count, rows: 2, cols, pixels, labels };
    const network = createNetwork([2 * cols, ...hidden, classes], { seed: random.int(2 ** 32) });
    return [network, data, eta, batchSize, random.int(2 ** 32)];
  };
  const cases = [make(10, 3, [3], 1), make(6, 1, [3], 0.5), make(5, 5, [4], 2), make(9, 4, [3, 3], 3)];
  while (cases.length < 20) {
    const count = 2 + random.int(20);
    cases.push(make(count, 1 + random.int(count), random.uniform() < 0.5 ? [3] : [4, 3], 0.1 + 3 * random.uniform()));
  }
  return cases;
}

/** The library's training of one epoch, on a copy: the answer key of the epoch exercise. */
function libraryEpoch(
  network: Network,
  data: Dataset,
  eta: number,
  batchSize: number,
  seed: number,
  shuffle = true,
): Network {
  const net = cloneNetwork(network);
  train(net, data, { eta, batchSize, epochs: 1, seed, shuffle, engine: "readable", evaluateTraining: false });
  return net;
}

/** One epoch with a typical slip: each minibatch's step scaled by `scale(m)` for m examples, or batches dropped. */
function slippedEpoch(
  network: Network,
  data: Dataset,
  eta: number,
  batches: number[][],
  scale: (m: number) => number,
): Network {
  const net = cloneNetwork(network);
  for (const batch of batches) {
    const { gradient } = averageGradient(net, data, batch);
    const step = eta * scale(batch.length);
    net.weights.forEach((w, l) =>
      w.data.forEach((_, i) => {
        w.data[i] -= step * gradient.nablaW[l].data[i];
      }),
    );
    net.biases.forEach((b, l) =>
      b.forEach((_, j) => {
        b[j] -= step * gradient.nablaB[l][j];
      }),
    );
  }
  return net;
}

/**
 * Lesson 07, "Your turn": write `sgdEpoch(network, data, eta, batchSize, seed)`, one epoch of minibatch SGD on a
 * copy of the network: for each minibatch of `minibatches(data.count, batchSize, seed)`, the average gradient by
 * the library's backprop (`averageGradient`), then w ← w − η · gradient. The answer key is the library's own
 * training of one epoch (`train`, readable engine).
 */
export const sgdEpochExercise: FunctionExercise<EpochArgs, Network> = {
  id: defineExercise("07", "one epoch of SGD"),
  what: "sgdEpoch(network, data, eta, batchSize, seed), one epoch of minibatch SGD",
  inputs: epochCases,
  reference: (network, data, eta, batchSize, seed) => libraryEpoch(network, data, eta, batchSize, seed),
  describe: (network, data, eta, batchSize, seed) =>
    `a ${network.sizes.join("-")} network, ${data.count} examples, eta ${Number(eta.toPrecision(4))}, minibatches of ${batchSize}, seed ${seed}`,
  tolerance: 1e-9,
  mistakes: [
    {
      wrong: (n, d, eta, size, seed) => slippedEpoch(n, d, eta, minibatches(d.count, size, seed), (m) => m),
      hint: "that step used the sum of the minibatch's gradients; use their average (averageGradient already averages), so η means the same for every batch size",
    },
    {
      wrong: (n, d, eta, size, seed) => slippedEpoch(n, d, eta, minibatches(d.count, size, seed), () => -1),
      hint: "the parameters went uphill: subtract η times the gradient, w ← w − η ∇C",
    },
    {
      wrong: (n, d, eta, _size, seed) => libraryEpoch(n, d, eta, 1, seed),
      hint: "you stepped after every example; take one step per minibatch, with the minibatch's average gradient",
    },
    {
      wrong: (n, d, eta, size, seed) =>
        slippedEpoch(
          n,
          d,
          eta,
          minibatches(d.count, size, seed).filter((b) => b.length === size),
          () => 1,
        ),
      hint: "the last, shorter minibatch was not trained on; step on every minibatch that minibatches(...) returns",
    },
    {
      wrong: (n, d, eta, size) => libraryEpoch(n, d, eta, size, 0, false),
      hint: "the examples were taken in their stored order; take the minibatches from minibatches(data.count, batchSize, seed)",
    },
  ],
  otherwise:
    "for each minibatch of minibatches(data.count, batchSize, seed): const { gradient } = averageGradient(net, data, batch); then subtract eta times gradient.nablaW[l] from each weights[l].data and eta times gradient.nablaB[l] from each biases[l]",
  praise:
    "That is what the library's train does in one epoch (epochSteps in src/sgd.ts, on the readable engine): from here on the lessons call train.",
};

/** Checks the learner's `sgdEpoch(network, data, eta, batchSize, seed)` against the library's one epoch of `train`. */
export function checkSgdEpoch(learner: unknown, print: Print = console.log): void {
  checkFunction(sgdEpochExercise, learner, print);
}
