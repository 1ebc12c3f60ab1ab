import { defineExercise } from "./exercises";
import { CheckResult, Print, check, near } from "./check";
import { FunctionExercise, checkFunction } from "./checkFunction";
import { sigmoid } from "../activation";
import { backprop, layerError } from "../backprop";
import { Matrix, matTVec, toRows } from "../matrix";
import { describeValue } from "./values";
import { Network, createNetwork, feedforward } from "../network";
import { Random, createRandom } from "../random";
import { seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const outputNudgeExercise = defineExercise("06", "output nudge");
const weightGradientExercise = defineExercise("06", "weight gradient");

/** Lesson 06's parameters cell: the ranges its values may take, and their defaults. */
export const lesson06Parameters = {
  seed: seedParameter(1),
  digit: wholeBetween(2, 0, 9),
  batchSize: wholeBetween(10, 1, 8000),
};

/** Lesson 06, "Your turn" 1: the desired nudge −∂C/∂a of an output neuron with activation a and desired value y. */
export function checkOutputNudge(a: number, y: number, answer: unknown, print: Print = console.log): void {
  check<unknown>(
    {
      id: outputNudgeExercise,
      what: `the nudge of an output at ${a} that should be ${y}`,
      isRight: (x) => near(x, 2 * (y - a), 1e-9),
      mistakes: [
        {
          matches: (x) => near(x, y - a, 1e-9),
          hint: "close: the cost is (a − y)² with no ½ in front, so its derivative carries a factor 2",
        },
        {
          matches: (x) => near(x, 2 * (a - y), 1e-9),
          hint: "that is ∂C/∂a, which points uphill; the nudge is its opposite, −∂C/∂a",
        },
        {
          matches: (x) => near(x, (a - y) ** 2, 1e-9),
          hint: "that is the cost itself; the nudge is minus its derivative",
        },
      ],
      otherwise: "differentiate C = (a − y)² with respect to a, then take the opposite",
      praise: "Proportional to how far the output is from its target.",
    },
    answer,
    print,
  );
}

/** Lesson 06, "Your turn" 2: ∂C/∂w for a weight carrying activation aPrev into a neuron whose error is delta (BP4). */
export function checkWeightGradient(delta: number, aPrev: number, answer: unknown, print: Print = console.log): void {
  check<unknown>(
    {
      id: weightGradientExercise,
      what: `∂C/∂w for a weight from an activation of ${aPrev} into a neuron with error δ = ${delta}`,
      isRight: (x) => near(x, delta * aPrev, 1e-9),
      mistakes: [
        {
          matches: (x) => near(x, delta, 1e-9),
          hint: "that is the bias's gradient (BP3); a weight's is scaled by the activation it carries (BP4)",
        },
        { matches: (x) => near(x, aPrev, 1e-9), hint: "multiply the activation by the neuron's error δ" },
        {
          matches: (x) => aPrev !== 0 && near(x, delta / aPrev, 1e-9),
          hint: "multiply, do not divide: a brighter input gives more bang for the buck",
        },
      ],
      otherwise: "BP4: ∂C/∂w = a(previous) · δ",
    },
    answer,
    print,
  );
}

/** The learner's `bp2(W, nextDelta, z)`: BP2 for one layer of sigmoid neurons. */
type Bp2Args = [W: Matrix, nextDelta: Float64Array, z: Float64Array];

const primes = (z: ArrayLike<number>) => Array.from(z, sigmoid.prime);
/** Wᵀδ, the sum over the next layer's neurons j of w_jk δ_j: ∂C/∂a for each neuron k of this layer. */
const summedWishes = (W: Matrix, delta: ArrayLike<number>) => matTVec(W, delta, new Float64Array(W.cols));

/** Weights, a next layer's δ and this layer's z from seeds: non-square (so a transposed W shows), saturated neurons first. */
function bp2Inputs(random: Random): Bp2Args[] {
  const cases: Bp2Args[] = [];
  const add = (rows: number, cols: number, seed: number, z?: number[], delta?: number[]) => {
    const W = createNetwork([cols, rows], { seed }).weights[0];
    const r = createRandom(seed);
    cases.push([
      W,
      Float64Array.from(delta ?? Array.from({ length: rows }, () => r.normal() / 2)),
      Float64Array.from(z ?? Array.from({ length: cols }, () => 2 * r.normal())),
    ]);
  };
  add(2, 3, 1); // a 3-neuron layer before a 2-neuron one, as in a 2-3-2 network
  add(3, 2, 2, [30, -30]); // saturated neurons: σ' almost 0, so almost no error
  add(2, 3, 3, [0, 0, 0]); // σ'(0) = 1/4, its largest
  add(3, 2, 4, undefined, [0, 0, 0]); // a next layer with no error passes none back
  add(1, 1, 5); // one neuron per layer
  while (cases.length < 24) {
    const rows = 1 + random.int(5);
    let cols = 1 + random.int(5);
    if (cols === rows) cols++;
    add(rows, cols, random.int(100000));
  }
  return cases;
}

/** The first mistakes a learner makes with Wᵀ: reading W row-major with j and k swapped, or as if stored transposed. */
const transposedHint =
  "use the transposed weights: neuron k of this layer collects w_jk δ_j over the next layer's neurons j, " +
  "and w_jk is W.data[j * W.cols + k] (one row per neuron of the next layer)";

/**
 * Lesson 06, "Your turn": write BP2 for one layer, `bp2(W, nextDelta, z)` = (Wᵀ δ^{l+1}) ⊙ σ'(z^l) for sigmoid
 * neurons. The answer key is the library's `layerError` (src/backprop.ts), which its backprop calls.
 */
export const bp2Exercise: FunctionExercise<Bp2Args, Float64Array> = {
  id: defineExercise("06", "BP2 for one layer"),
  what: "bp2(W, nextDelta, z), the error δ of a layer from the next one's",
  inputs: bp2Inputs,
  reference: (W, nextDelta, z) => layerError(W, nextDelta, z),
  mistakes: [
    {
      wrong: (W, d, z) =>
        Float64Array.from(primes(z), (p, k) => p * d.reduce((s, dj, j) => s + W.data[k * W.cols + j] * dj, 0)),
      hint: transposedHint,
    },
    {
      wrong: (W, d, z) =>
        Float64Array.from(primes(z), (p, k) => p * d.reduce((s, dj, j) => s + W.data[k * W.rows + j] * dj, 0)),
      hint: transposedHint,
    },
    {
      wrong: (W, d, z) =>
        Float64Array.from(
          { length: W.rows },
          (_, j) =>
            sigmoid.prime(z[j]) *
            Array.from({ length: W.cols }, (_, k) => W.data[j * W.cols + k] * d[k]).reduce((s, x) => s + x, 0),
        ),
      hint: transposedHint,
    },
    {
      wrong: (W, d) => summedWishes(W, d),
      hint: "multiply each sum by σ'(z_k), the slope of neuron k's sigmoid: the error is per unit of z, not of a",
    },
    {
      wrong: (W, d, z) => summedWishes(W, d).map((s, k) => s * sigmoid.f(z[k])),
      hint: "that multiplies by σ(z); BP2 needs its slope σ'(z) = σ(z)(1 − σ(z))",
    },
    {
      wrong: (W, d, z) => summedWishes(W, d).map((s, k) => s * z[k] * (1 - z[k])),
      hint: "σ'(z) = σ(z)(1 − σ(z)): apply the sigmoid to z first; z is the weighted sum, not the activation",
    },
    {
      wrong: (W, d, z) => layerError(W, d, z).map((x) => -x),
      hint: "the sign is flipped: δ = ∂C/∂z, the derivative itself, not the nudge −∂C/∂z",
    },
  ],
  tolerance: 1e-9,
  describe: (W, nextDelta, z) =>
    `W = ${describeValue(toRows(W))}, nextDelta = ${describeValue(nextDelta)}, z = ${describeValue(z)}`,
  otherwise:
    "for each neuron k of this layer, add up W.data[j * W.cols + k] · nextDelta[j] over the next layer's neurons j, then multiply by sigmoid.prime(z[k])",
  praise:
    "This is the library's layerError (src/backprop.ts), which its backprop calls; the lesson calls it from here on.",
};

/** Checks the learner's `bp2` on seeded layers against the library's. */
export function checkBp2(candidate: unknown, print: Print = console.log): void {
  checkFunction(bp2Exercise, candidate, print);
}

/** The learner's `backward(net, input, label)`: the backward pass, δ of every layer after the input. */
type BackwardArgs = [net: Network, input: number[], label: number];

/** Small sigmoid networks from seeds, one example each: the 2-3-2 network first, then saturated ones. */
function backwardInputs(random: Random): BackwardArgs[] {
  const cases: BackwardArgs[] = [];
  const add = (sizes: number[], seed: number, gain = 1) => {
    const net = createNetwork(sizes, { seed });
    net.weights.forEach((w) =>
      w.data.forEach((v, i) => {
        w.data[i] = v * gain;
      }),
    );
    const r = createRandom(seed);
    cases.push([
      net,
      Array.from({ length: sizes[0] }, () => Math.round(r.uniform() * 100) / 100),
      r.int(sizes[sizes.length - 1]),
    ]);
  };
  add([2, 3, 2], 1); // the lesson's 2-3-2 network
  add([2, 3, 2], 2, 15); // large weights: saturated neurons pass back almost nothing
  add([1, 1, 1, 1], 3); // a chain of one neuron per layer
  add([3, 2, 3, 2], 4); // three layers of weights, none square
  add([2, 2], 5); // no hidden layer: only BP1
  while (cases.length < 24) {
    const sizes = Array.from({ length: 3 + random.int(2) }, () => 1 + random.int(4));
    add(sizes, random.int(100000));
  }
  return cases;
}

/** δ^L as a learner might get it wrong, then BP2 backwards with the library's layerError. */
function backwardWith(
  net: Network,
  input: number[],
  label: number,
  outputError: (a: number, y: number, z: number) => number,
  outputLayer = 0,
): Float64Array[] {
  const { zs, activations } = feedforward(net, input);
  const last = net.weights.length - 1;
  const a = activations[last + 1 - outputLayer];
  const deltas: Float64Array[] = [];
  deltas[last] = Float64Array.from(zs[last], (z, j) => outputError(a[j], j === label ? 1 : 0, z));
  for (let l = last; l > 0; l--) deltas[l - 1] = layerError(net.weights[l], deltas[l], zs[l - 1]);
  return deltas;
}

/**
 * Lesson 06, "Your turn": write the backward pass, `backward(net, input, label)`, the error δ of every layer after
 * the input (BP1 at the output, then BP2 backwards); deltas[l] is δ^{l+1}. The answer key is the library's
 * `backprop`, whose deltas are the biases' gradient (BP3), which finite differences check.
 */
export const backwardExercise: FunctionExercise<BackwardArgs, Float64Array[]> = {
  id: defineExercise("06", "the backward pass"),
  what: "backward(net, input, label), the error δ of every layer (BP1, then BP2 backwards)",
  inputs: backwardInputs,
  reference: (net, input, label) => backprop(net, input, label).deltas,
  mistakes: [
    {
      wrong: (net, x, label) => backwardWith(net, x, label, (a, y, z) => (a - y) * sigmoid.prime(z)),
      hint: "BP1 misses the factor 2: the cost (a − y)² has no ½, so ∂C/∂a = 2(a − y)",
    },
    {
      wrong: (net, x, label) => backwardWith(net, x, label, (a, y, z) => 2 * (y - a) * sigmoid.prime(z)),
      hint: "the sign is flipped: ∂C/∂a = 2(a − y), the output minus its desired value",
    },
    {
      wrong: (net, x, label) => backwardWith(net, x, label, (a, y) => 2 * (a - y)),
      hint: "BP1 misses σ'(z^L): the output error is ∂C/∂a ⊙ σ'(z^L), per unit of the output's weighted sum",
    },
    {
      wrong: (net, x, label) => backwardWith(net, x, label, (a, y, z) => 2 * (a - y) * sigmoid.prime(z), 1),
      hint: "BP1 took a from the wrong layer: the output is activations[net.weights.length] (activations[0] is the input), while its z is zs[net.weights.length − 1]",
    },
  ],
  tolerance: 1e-9,
  otherwise:
    "with feedforward's zs and activations, BP1 gives the output's δ_j = 2(a_j − y_j) σ'(z_j); then, from the last layer back, layerError(net.weights[l], deltas[l], zs[l − 1]) gives deltas[l − 1]",
  praise:
    "These are the errors the library's backprop computes (src/backprop.ts); BP3 and BP4 turn them into the gradient.",
};

/** Checks the learner's backward pass on seeded networks against the library's `backprop`; returns the verdict,
 *  so the lesson compares a right one with finite differences too. */
export function checkBackward(candidate: unknown, print: Print = console.log): CheckResult {
  return checkFunction(backwardExercise, candidate, print);
}
