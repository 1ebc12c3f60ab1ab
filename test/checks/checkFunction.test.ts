import { test } from "node:test";
import assert from "node:assert/strict";
import { FunctionExercise, checkFunction, judgeFunction, yourTurn } from "../../src/checks/checkFunction";

// A small exercise to test the machinery: one gradient-descent step x − η·slope on a list of points.
const step: FunctionExercise<[number[], number, number], number[]> = {
  what: "step(xs, eta, slope)",
  inputs: (random) => {
    const cases: [number[], number, number][] = [[[1, 2], 0.1, 0]];
    while (cases.length < 20) cases.push([[random.normal(), random.normal()], random.uniform(), random.normal()]);
    return cases;
  },
  reference: (xs, eta, slope) => xs.map((x) => x - eta * slope),
  mistakes: [{ wrong: (xs, eta, slope) => xs.map((x) => x + eta * slope), hint: "that steps uphill" }],
  otherwise: "subtract η times the slope",
};

test("a right function is praised with the number of inputs it agreed on", () => {
  const result = judgeFunction(step, (xs: number[], eta: number, slope: number) => xs.map((x) => x - eta * slope));
  assert.equal(result.correct, true);
  assert.match(result.message, /^Right: step\(xs, eta, slope\); it agrees with the library's on all 20 inputs\.$/);
});

test("the stub and undefined are 'your turn', with no hint", () => {
  for (const candidate of [undefined, (): number[] => yourTurn()]) {
    const result = judgeFunction(step, candidate);
    assert.equal(result.pending, true);
    assert.match(result.message, /^Your turn: write step/);
    assert.doesNotMatch(result.message, /uphill|subtract/);
  }
});

test("a recognised mistake names the first failing input, expected against got, and its hint", () => {
  const result = judgeFunction(step, (xs: number[], eta: number, slope: number) => xs.map((x) => x + eta * slope));
  assert.equal(result.correct, false);
  // Input 1 has slope 0, where uphill and downhill agree: the first failure is input 2.
  assert.match(
    result.message,
    /on input 2 of 20 \(\[-?[\d.]+, -?[\d.]+\], [\d.]+, -?[\d.]+\) it should give \[.*\] but gave \[.*\]\. That steps uphill$/,
  );
});

test("an unrecognised wrong result gets the general hint; a missing return says so", () => {
  assert.match(
    judgeFunction(step, (xs: number[]) => xs.map(() => 0)).message,
    /on input 1 .* but gave \[0, 0\]\. Subtract η times the slope$/,
  );
  assert.match(
    judgeFunction(step, () => {
      /* forgot to return */
    }).message,
    /gave nothing \(undefined\): add a `return`/,
  );
});

test("an error in the learner's code is reported with its message and the input, never thrown", () => {
  const result = judgeFunction(step, () => {
    throw new TypeError("xs.mapp is not a function");
  });
  assert.match(result.message, /your function threw an error on input 1 of 20 .*: xs\.mapp is not a function$/);
});

test("changing the input is caught even when the result is right", () => {
  const inPlace = (xs: number[], eta: number, slope: number) => {
    for (let i = 0; i < xs.length; i++) xs[i] -= eta * slope;
    return xs;
  };
  // Input 1 has slope 0, so nothing changes there; input 2 is changed in place.
  assert.match(judgeFunction(step, inPlace).message, /changed its input on input 2 of 20/);
});

test("something that is not a function is refused in one sentence", () => {
  assert.match(judgeFunction(step, 3).message, /that is 3, not a function/);
});

test("checkFunction prints one line with the verdict's mark", () => {
  const lines: string[] = [];
  checkFunction(step, undefined, (l) => lines.push(l));
  checkFunction(
    step,
    (xs: number[]) => xs,
    (l) => lines.push(l),
  );
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^✏️ Your turn/);
  assert.match(lines[1], /^❌ Not yet/);
});

test("every argument of a failing input is written out, whatever its position", () => {
  const add: FunctionExercise<[number, number, number[]], number[]> = {
    what: "add(a, b, xs)",
    inputs: () => Array.from({ length: 20 }, () => [1, 2, [3, 4]] as [number, number, number[]]),
    reference: (a, b, xs) => xs.map((x) => x + a + b),
    otherwise: "add a and b to each",
  };
  assert.match(judgeFunction(add, () => [0, 0]).message, /on input 1 of 20 \(1, 2, \[3, 4\]\)/);
});

test("every argument of an input is written out, the third as fully as the first", () => {
  const sum: FunctionExercise<[number[], number[], number[]], number> = {
    what: "sum(a, b, c)",
    inputs: () =>
      Array.from({ length: 20 }, () => [
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    reference: (a, b, c) => [...a, ...b, ...c].reduce((s, x) => s + x, 0),
    otherwise: "add them all",
  };
  assert.match(judgeFunction(sum, () => 0).message, /on input 1 of 20 \(\[1, 2\], \[3, 4\], \[5, 6\]\)/);
});

test("a function exercise with an id records right and wrong answers in the progress file, never 'your turn'", () => {
  const fs = require("fs") as typeof import("fs");
  const os = require("os") as typeof import("os");
  const path = require("path") as typeof import("path");
  const { defineExercise } = require("../../src/checks/exercises") as typeof import("../../src/checks/exercises");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-progress-fn-"));
  const file = path.join(dir, "progress.json");
  const before = process.env.DESCENT_PROGRESS_FILE;
  process.env.DESCENT_PROGRESS_FILE = file;
  try {
    const counted = { ...step, id: defineExercise("99", "step function") };
    const quiet = () => {};
    checkFunction(counted, undefined, quiet);
    assert.equal(fs.existsSync(file), false, "'your turn' is not an answer");
    checkFunction(counted, (xs: number[]) => xs, quiet);
    assert.equal(JSON.parse(fs.readFileSync(file, "utf8")).exercises["99/step function"].done, false);
    checkFunction(counted, (xs: number[], eta: number, slope: number) => xs.map((x) => x - eta * slope), quiet);
    assert.equal(JSON.parse(fs.readFileSync(file, "utf8")).exercises["99/step function"].done, true);
  } finally {
    if (before === undefined) delete process.env.DESCENT_PROGRESS_FILE;
    else process.env.DESCENT_PROGRESS_FILE = before;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
