import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { format } from "util";
import { activationNamed } from "../../src/activation";
import { averageGradient, backprop, layerError } from "../../src/backprop";
import { claim, ClaimError } from "../../src/checks/claim";
import { yourTurn } from "../../src/checks/checkFunction";
import { defineExercise } from "../../src/checks/exercises";
import { ParameterError, startLesson } from "../../src/checks/parameters";
import { lesson03Parameters } from "../../src/checks/lesson03";
import { UsageError, parseTrainCommand } from "../../src/cli/options";
import { costNamed } from "../../src/cost";
import { withCorruptedLabels } from "../../src/data/corrupt";
import { imageOf, labelCounts, subset, take } from "../../src/data/dataset";
import { DownloadError } from "../../src/data/download";
import { embeddedSplit } from "../../src/data/embedded";
import { DataError, readIdxImages } from "../../src/data/idx";
import { downsample } from "../../src/data/transform";
import { fastGradient } from "../../src/engines/fast";
import { makeEngine } from "../../src/engines/engines";
import { InputError, LearnerError } from "../../src/errors/learnerError";
import { ModelError, loadModel } from "../../src/io/model";
import { entry, matTVec, matVec, zeros } from "../../src/matrix";
import { createNetwork, feedforward, outputOf } from "../../src/network";
import { createRandom } from "../../src/random";
import { markdownTable } from "../../src/text/markdownTable";
import { gradientDescent } from "../../src/toy/descent";
import { ExpressionError, toyFunction } from "../../src/toy/expression";
import { DivergenceError } from "../../src/training/divergence";
import { randomDataset } from "../helpers";

/** The error `f` throws; fails when it throws none. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new assert.AssertionError({ message: "expected an error" });
}

// A notebook kernel prints a thrown error with console.error (util.format): a learner sees one sentence, no stack.
test("learner errors print as one sentence, without a stack trace", () => {
  assert.equal(
    format(thrown(() => createNetwork([784, 16.5, 10]))),
    "InputError: layer sizes must be whole numbers of at least 1; got 16.5 in [784,16.5,10]",
  );
  assert.doesNotMatch(format(thrown(() => toyFunction("x^^2"))), /\n\s+at /);
});

test("every kind of error a learner can meet is a LearnerError, and keeps its own name", () => {
  const kinds = [
    InputError,
    DataError,
    DownloadError,
    ModelError,
    ExpressionError,
    ClaimError,
    ParameterError,
    DivergenceError,
    UsageError,
  ];
  for (const kind of kinds) assert.ok(kind.prototype instanceof LearnerError, kind.name);
  assert.ok(!(thrown(() => createNetwork([0, 1])) instanceof RangeError), "an InputError is no longer a RangeError");
});

// One row per mistake a learner can make with the library's public functions: the call, the kind of error, its sentence.
const net = () => createNetwork([4, 3, 2], { seed: 1 });
const data = randomDataset(5, 2, 2, 2, 1); // five 2×2 images, labels 0 and 1
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "learner-error-"));
const mistakes: [string, () => unknown, string, string][] = [
  [
    "one layer",
    () => createNetwork([784]),
    "InputError",
    "a network needs at least two layer sizes (input and output); got [784]",
  ],
  [
    "an unknown init",
    () => createNetwork([2, 2], { init: "zeros" as never }),
    "InputError",
    `unknown init "zeros"; use "normal" or "scaled"`,
  ],
  [
    "an unknown activation",
    () => activationNamed("tanh"),
    "InputError",
    `unknown activation "tanh"; use "sigmoid" or "relu"`,
  ],
  [
    "an unknown cost",
    () => costNamed("hinge"),
    "InputError",
    `unknown cost "hinge"; use "quadratic" or "cross-entropy"`,
  ],
  ["a seed that is not a number", () => createRandom(NaN), "InputError", "the seed must be a finite number; got NaN"],
  [
    "an input of the wrong length",
    () => feedforward(net(), [1, 2]),
    "InputError",
    "the input must hold 4 numbers, one per input neuron; got 2 values",
  ],
  [
    "no input",
    () => outputOf(net(), undefined as never),
    "InputError",
    "the input must hold 4 numbers, one per input neuron; got undefined",
  ],
  [
    "a label past the outputs",
    () => backprop(net(), [0, 0, 0, 0], 2),
    "InputError",
    "a label is a whole number from 0 to 1, one per output neuron; got 2",
  ],
  [
    "an image past the end",
    () => imageOf(data, 5),
    "InputError",
    `image 5 does not exist; "random test set" has images 0..4`,
  ],
  [
    "an image index that is text",
    () => imageOf(data, "2" as never),
    "InputError",
    `image "2" does not exist; "random test set" has images 0..4`,
  ],
  [
    "imageOf into a buffer of another size",
    () => imageOf(data, 0, new Float64Array(3)),
    "InputError",
    "imageOf writes 4 grey values into `out`, but it holds 3; pass a new Float64Array(4) or leave it out",
  ],
  [
    "a subset with an index past the end",
    () => subset(data, [0, 7]),
    "InputError",
    `image 7 does not exist; "random test set" has images 0..4`,
  ],
  [
    "a subset of no list",
    () => subset(data, 3 as never),
    "InputError",
    "the images are chosen by a list of indices, such as [0, 1, 2]; got 3",
  ],
  [
    "taking −1 images",
    () => take(data, -1),
    "InputError",
    "the number of images to take must be a whole number of at least 0; got -1",
  ],
  [
    "counting fewer labels than there are",
    () => labelCounts(data, 1),
    "InputError",
    `"random test set" has label 1 at image ${Array.from(data.labels).indexOf(1)}, but only labels 0 to 0 are counted; use labelCounts(data, 2)`,
  ],
  [
    "a gradient over no examples",
    () => averageGradient(net(), data, []),
    "InputError",
    "averageGradient averages over examples and needs at least one; the list of indices is empty",
  ],
  [
    "a gradient over an image past the end",
    () => averageGradient(net(), data, [0, 5]),
    "InputError",
    `image 5 does not exist; "random test set" has images 0..4`,
  ],
  [
    "the fast engine's gradient over no examples",
    () => fastGradient(net(), data, []),
    "InputError",
    "fastGradient averages over examples and needs at least one; the list of indices is empty",
  ],
  [
    "the fast engine's gradient over an image past the end",
    () => fastGradient(net(), data, [0, 5]),
    "InputError",
    `image 5 does not exist; "random test set" has images 0..4`,
  ],
  [
    "an engine that does not exist",
    () => makeEngine("gpu" as never, net(), { cost: "quadratic", batchSize: 1 }),
    "InputError",
    'there is no engine called "gpu"; use "fast" or "readable"',
  ],
  ...(["fast", "readable"] as const).map((name): [string, () => unknown, string, string] => [
    `a ${name} engine's step on an image past the end`,
    () => makeEngine(name, net(), { cost: "quadratic", batchSize: 2 }).step(data, Uint32Array.from([0, 9]), 0, 2, 1, 1),
    "InputError",
    `image 9 does not exist; "random test set" has images 0..4`,
  ]),
  [
    "an entry outside the matrix",
    () => entry(zeros(2, 3), 2, 0),
    "InputError",
    "entry (2, 0) is not in this 2×3 matrix; its rows are 0..1 and its columns 0..2",
  ],
  [
    "a matrix of no rows",
    () => zeros(0, 3),
    "InputError",
    "a matrix's number of rows must be a whole number of at least 1; got 0",
  ],
  [
    "m · v with v too short",
    () => matVec(zeros(2, 3), [1, 2], new Float64Array(2)),
    "InputError",
    "matVec(m, v, out) computes m · v: for this 2×3 matrix, v needs 3 values and out 2; got 2 and 2",
  ],
  [
    "mᵀ · v with v the length of a row",
    () => matTVec(zeros(2, 3), [1, 2, 3], new Float64Array(3)),
    "InputError",
    "matTVec(m, v, out) computes mᵀ · v: for this 2×3 matrix, v needs 2 values and out 3; got 3 and 3",
  ],
  [
    "layerError with the z of the wrong layer",
    () => layerError(zeros(2, 3), [1, 1], [0, 0]),
    "InputError",
    "layerError needs the weights from this layer into the next (2×3: one row per neuron of the next layer, one column per neuron of this one), " +
      "the next layer's δ (2 values; got 2) and this layer's z (3 values; got 2); pass the z of the layer whose error you compute",
  ],
  [
    "corrupting 150% of the labels",
    () => withCorruptedLabels(data, 1.5, 1),
    "InputError",
    "the share of labels to corrupt must be a number from 0 to 1; got 1.5",
  ],
  [
    "shrinking 2×2 images by 3",
    () => downsample(data, 3),
    "InputError",
    "cannot shrink 2x2 images by 3; the factor must be a whole number dividing both sides",
  ],
  [
    "a split larger than the embedded digits",
    () => embeddedSplit({ trainSize: 9000, testSize: 2000 }),
    "InputError",
    "the embedded digits hold 10000 images; a split of 9000 to train and 2000 to test does not fit (both whole numbers, adding up to at most 10000)",
  ],
  [
    "a momentum of 1",
    () => gradientDescent(toyFunction("x^2"), { eta: 0.1, start: [1], momentum: 1 }),
    "InputError",
    "the momentum must be a number from 0 up to (not including) 1, such as 0.9; got 1",
  ],
  [
    "a start point of the wrong size",
    () => gradientDescent(toyFunction("x^2"), { eta: 0.1, start: [1, 2] }),
    "InputError",
    "the start point must be 1 finite number(s) (x); got [1,2]",
  ],
  [
    "a table row of the wrong length",
    () => markdownTable(["a", "b"], [["1"]]),
    "InputError",
    "row 1 of the table has 1 cells but the header has 2 (a, b); give every row one cell per column",
  ],
  [
    "an exercise named by one digit",
    () => defineExercise("3", "step"),
    "InputError",
    `an exercise's lesson is its two digits, such as "03"; got "3"`,
  ],
  [
    "an exercise without a name",
    () => defineExercise("03", " "),
    "InputError",
    "an exercise of lesson 03 needs a name",
  ],
  [
    "an assignment for an expression",
    () => toyFunction("y = x^2"),
    "ExpressionError",
    `"y = x^2" is an assignment; write only the formula, "x^2", without a name and "="`,
  ],
  [
    "a missing IDX file",
    () => readIdxImages(path.join(folder, "nope")),
    "DataError",
    `${path.join(folder, "nope")} does not exist; download MNIST with \`npm run data -- mnist\` or point --data at a folder holding the IDX files`,
  ],
  [
    "a missing model file",
    () => loadModel(path.join(folder, "model.json")),
    "ModelError",
    `there is no model file at ${path.join(folder, "model.json")}; train and save one first (e.g. npx descent train --save ${path.join(folder, "model.json")})`,
  ],
  [
    "a parameter outside its range",
    () => startLesson(lesson03Parameters, { ...defaults(lesson03Parameters), eta: 5 }, () => undefined),
    "ParameterError",
    "eta = 5 is outside this lesson's range: it must be a number from 0.001 to 0.5 (default 0.05); change it in the parameters cell and run the lesson again.",
  ],
  [
    "a claim that does not hold",
    () => claim("the cost falls", false, "", () => undefined),
    "ClaimError",
    `The lesson claims "the cost falls", but this run shows otherwise. If you changed the parameters, that may be the lesson of your experiment; with the defaults, please report it.`,
  ],
  [
    "--eta 0 on the command line",
    () => parseTrainCommand(["--eta", "0"]),
    "UsageError",
    "--eta must be a number greater than 0; got 0",
  ],
  [
    "calling an exercise not written yet",
    () => yourTurn(),
    "NotWrittenYet",
    "replace `return yourTurn();` with your code",
  ],
];

function defaults(specs: Record<string, { default: unknown }>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.default]));
}

for (const [mistake, call, name, sentence] of mistakes) {
  test(`a learner's mistake is one sentence of the family: ${mistake}`, () => {
    const error = thrown(call);
    assert.ok(error instanceof LearnerError, `${mistake}: ${format(error)}`);
    assert.equal(error.name, name);
    assert.equal(error.message, sentence);
    assert.equal(format(error), `${name}: ${sentence}`);
  });
}
