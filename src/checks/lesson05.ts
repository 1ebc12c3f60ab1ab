import { defineExercise } from "./exercises";
import { Print, check, near } from "./check";
import { FunctionExercise, checkFunction } from "./checkFunction";
import { describeValue } from "./values";
import { exampleCost } from "../cost";
import { numericPartial } from "../gradcheck";
import { Network, createNetwork, outputOf } from "../network";
import { Random } from "../random";
import { seedParameter, wholeBetween } from "./parameters";

// The exercises of this lesson, counted in the learner's progress (exercises.ts).
const sensitivityRatioExercise = defineExercise("05", "sensitivity ratio");
const nudgeDirectionExercise = defineExercise("05", "nudge direction");

/** Lesson 05's parameters cell: the ranges its values may take, and their defaults. */
export const lesson05Parameters = {
  seed: seedParameter(1),
  examples: wholeBetween(100, 1, 500),
  probes: wholeBetween(200, 1, 250),
};

/** Lesson 05, "Your turn" 1: how many times more sensitive is the cost to a weight whose gradient component is a than to one whose component is b? */
export function checkSensitivityRatio(a: number, b: number, answer: unknown, print: Print = console.log): void {
  check<unknown>(
    {
      id: sensitivityRatioExercise,
      what: `how many times more the cost reacts to the weight with component ${a} than to the one with ${b}`,
      isRight: (x) => near(x, a / b, 1e-6),
      mistakes: [
        {
          matches: (x) => near(x, a - b, 1e-6),
          hint: "that is the difference; sensitivity compares by ratio: how many times larger",
        },
        {
          matches: (x) => near(x, b / a, 1e-6),
          hint: "that is the ratio the wrong way up: divide the larger by the smaller",
        },
      ],
      otherwise: `divide the two components: ${a} ÷ ${b}`,
      praise: "The same small nudge changes the cost that many times more.",
    },
    answer,
    print,
  );
}

/** Lesson 05, "Your turn" 2: a parameter's gradient component is g; should descent nudge it up or down? */
export function checkNudgeDirection(g: number, answer: unknown, print: Print = console.log): void {
  const right = g < 0 ? "up" : "down";
  check<unknown>(
    {
      id: nudgeDirectionExercise,
      what: `the nudge of a parameter whose gradient component is ${g}`,
      isRight: (x) => x === right,
      mistakes: [
        {
          matches: (x) => x === (right === "up" ? "down" : "up"),
          hint: `the gradient points uphill, towards more cost; descent goes against it, so a ${g < 0 ? "negative" : "positive"} component means ${right}`,
        },
        { matches: (x) => x !== "up" && x !== "down", hint: 'answer with the text "up" or "down"' },
      ],
      otherwise: "go against the sign of the component",
    },
    answer,
    print,
  );
}

/** The learner's `partial`: the slope of the cost in the weight w[l][j][k], by central differences with step h. */
type PartialArgs = [net: Network, l: number, j: number, k: number, costOf: (net: Network) => number, h: number];

/** The inputs the partial-derivative exercise is tried on: small networks from seeds, one example's cost each. */
function partialInputs(random: Random): PartialArgs[] {
  const cases: PartialArgs[] = [];
  const add = (
    sizes: number[],
    seed: number,
    x: number[],
    label: number,
    l: number,
    j: number,
    k: number,
    h: number,
    gain = 1,
  ) => {
    const net = createNetwork(sizes, { seed });
    net.weights.forEach((w) =>
      w.data.forEach((v, i) => {
        w.data[i] = v * gain;
      }),
    );
    cases.push([net, l, j, k, (n: Network) => exampleCost(outputOf(n, x), label), h]);
  };
  add([2, 3, 2], 1, [0.6, 0.9], 0, 1, 0, 2, 0.1); // the 2-3-2 network of lesson 06
  add([3, 2, 2], 2, [0, 0.5, 1], 1, 0, 1, 0, 0.01); // from a black pixel: exactly 0
  add([2, 3, 2], 3, [1, 1], 1, 0, 2, 1, 0.5, 12); // saturated neurons: a tiny slope
  add([1, 1, 1], 4, [0.7], 0, 1, 0, 0, 0.001); // a chain of one neuron per layer
  while (cases.length < 24) {
    const sizes = [1 + random.int(4), 1 + random.int(4), 1 + random.int(3)];
    const l = random.int(2);
    const x = Array.from({ length: sizes[0] }, () => Math.round(random.uniform() * 100) / 100);
    const h = [0.5, 0.1, 0.01, 0.001][random.int(4)];
    add(sizes, random.int(1000), x, random.int(sizes[2]), l, random.int(sizes[l + 1]), random.int(sizes[l]), h);
  }
  return cases;
}

/** C with the weight w[l][j][k] set to `value` (and put back). */
function costWith(
  net: Network,
  l: number,
  j: number,
  k: number,
  costOf: (net: Network) => number,
  value: number,
): number {
  const w = net.weights[l];
  const saved = w.data[j * w.cols + k];
  w.data[j * w.cols + k] = value;
  const c = costOf(net);
  w.data[j * w.cols + k] = saved;
  return c;
}

const weightOf = (net: Network, l: number, j: number, k: number) => net.weights[l].data[j * net.weights[l].cols + k];

/**
 * Lesson 05, "Your turn": write `partial(net, l, j, k, costOf, h)`, the slope of the cost in the weight from neuron k
 * of layer l to neuron j of layer l+1, by central differences. The answer key is the library's `numericPartial`.
 */
export const partialExercise: FunctionExercise<PartialArgs, number> = {
  id: defineExercise("05", "one partial derivative by central differences"),
  what: "partial(net, l, j, k, costOf, h), the slope of the cost in one weight by central differences",
  inputs: partialInputs,
  reference: (net, l, j, k, costOf, h) =>
    numericPartial(
      net,
      { name: `w[${l}][${j}][${k}]`, values: net.weights[l].data, index: j * net.weights[l].cols + k },
      costOf,
      h,
    ),
  mistakes: [
    {
      wrong: (net, l, j, k, costOf, h) => {
        const w = weightOf(net, l, j, k);
        return (costWith(net, l, j, k, costOf, w + h) - costWith(net, l, j, k, costOf, w)) / h;
      },
      hint: "that is the forward difference (C(w + h) − C(w)) / h; the central one, (C(w + h) − C(w − h)) / 2h, nudges both ways and is far more accurate",
    },
    {
      wrong: (net, l, j, k, costOf, h) => {
        const w = weightOf(net, l, j, k);
        return (costWith(net, l, j, k, costOf, w + h) - costWith(net, l, j, k, costOf, w - h)) / h;
      },
      hint: "that is twice the slope: from w − h to w + h the weight moves by 2h, so divide by 2h",
    },
    {
      wrong: (net, l, j, k, costOf, h) => {
        const w = weightOf(net, l, j, k);
        return (costWith(net, l, j, k, costOf, w - h) - costWith(net, l, j, k, costOf, w + h)) / (2 * h);
      },
      hint: "the sign is flipped: subtract the cost at w − h from the cost at w + h",
    },
  ],
  tolerance: 1e-8,
  describe: (net, l, j, k, _costOf, h) =>
    `${describeValue(net)}, w[${l}][${j}][${k}] = ${describeValue(weightOf(net, l, j, k))}, h = ${h}`,
  changedInput:
    "put the weight back exactly as it was: save its value before nudging it and assign the saved value at the end " +
    "(adding h and subtracting it again can leave a rounding error)",
  otherwise:
    "set the weight to w + h and evaluate costOf(net), then to w − h and evaluate it again; the slope is their difference divided by 2h",
  praise: "This is the library's numericPartial (src/gradcheck.ts); the lesson calls it from here on.",
};

/** Checks the learner's `partial` on seeded networks against the library's `numericPartial`. */
export function checkPartial(partial: unknown, print: Print = console.log): void {
  checkFunction(partialExercise, partial, print);
}
