import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { yourTurn } from "../../src/checks/checkFunction";
import { ToyFunction } from "../../src/toy/expression";
import {
  checkDescend,
  checkLearningRate,
  checkNextPoint,
  checkStep,
  checkStepDirection,
} from "../../src/checks/lesson03";

test("step direction: right answers pass, the opposite and non-answers get their hints", () => {
  assert.equal(verdict((p) => checkStepDirection(4, "left", p)).correct, true);
  assert.equal(verdict((p) => checkStepDirection(-1, "right", p)).correct, true);
  assert.match(verdict((p) => checkStepDirection(4, "right", p)).message, /positive slope means the function rises/);
  assert.match(verdict((p) => checkStepDirection(4, "up", p)).message, /answer with the text "left" or "right"/);
});

test("next point: x − η·slope passes; adding, forgetting η or forgetting x get their hints", () => {
  assert.equal(verdict((p) => checkNextPoint(2, 0.1, 4, 1.6, p)).correct, true);
  assert.match(verdict((p) => checkNextPoint(2, 0.1, 4, 2.4, p)).message, /steps uphill/);
  assert.match(verdict((p) => checkNextPoint(2, 0.1, 4, -2, p)).message, /not the slope alone/);
  assert.match(verdict((p) => checkNextPoint(2, 0.1, 4, -0.4, p)).message, /only the step/);
});

test("learning rate: a good one passes; too large, too small and non-numbers get their hints", () => {
  assert.equal(verdict((p) => checkLearningRate(0.05, 2, 50, p)).correct, true);
  assert.match(
    verdict((p) => checkLearningRate(0.05, 2, 50, p)).message,
    /x ends at 1\.131, in the valley below the start: a local minimum/,
  );
  assert.match(
    verdict((p) => checkLearningRate(0.1, 2, 50, p)).message,
    /Right.*x ends at -1\.301: your steps leapt over the hump into the deeper valley, the global minimum/,
  );
  // The range the hint suggests really works, at both ends; 0.01 is too small.
  assert.equal(verdict((p) => checkLearningRate(0.02, 2, 50, p)).correct, true);
  assert.equal(verdict((p) => checkLearningRate(0.08, 2, 50, p)).correct, true);
  assert.match(verdict((p) => checkLearningRate(0.01, 2, 50, p)).message, /too small/);
  assert.match(
    verdict((p) => checkLearningRate(0.15, 2, 50, p)).message,
    /bounce from wall to wall.*between 0.02 and 0.08/,
  );
  assert.match(verdict((p) => checkLearningRate(undefined, 2, 50, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkLearningRate(1, 2, 50, p)).message, /diverges/);
  assert.match(verdict((p) => checkLearningRate(0.001, 2, 50, p)).message, /too small/);
  assert.match(verdict((p) => checkLearningRate("fast", 2, 50, p)).message, /number greater than 0/);
});

test("step(x, eta, slope): x − η·slope passes; the stub is 'your turn'; four typical mistakes get their own hints", () => {
  assert.match(
    verdict((p) => checkStep((x: number, eta: number, slope: number) => x - eta * slope, p)).message,
    /^✅ Right.*all 24 inputs.*descentStep/,
  );
  assert.match(
    verdict((p) => checkStep((): number => yourTurn(), p)).message,
    /^✏️ Your turn: write step\(x, eta, slope\)/,
  );
  const wrong: [string, (x: number, eta: number, slope: number) => number, RegExp][] = [
    ["uphill", (x, eta, slope) => x + eta * slope, /steps uphill/i],
    ["no learning rate", (x, _eta, slope) => x - slope, /not the slope alone/i],
    ["only the step", (_x, eta, slope) => -eta * slope, /only the step/i],
    ["divided by the slope", (x, eta, slope) => x - eta / slope, /do not divide/i],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkStep(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, name);
  }
});

/** A right descent loop, written as a learner would, with the library's divergence rules. */
function rightDescend(f: ToyFunction, start: number, eta: number, steps: number): number[] {
  const path = [start];
  let growing = 0;
  for (let n = 1; n <= steps; n++) {
    const x = path[path.length - 1];
    const next = x - eta * f.gradient([x])[0];
    const value = f.value([next]);
    if (
      !Number.isFinite(next) ||
      !Number.isFinite(value) ||
      !Number.isFinite(f.gradient([next])[0]) ||
      Math.abs(next) > 1e8
    )
      break;
    growing = value > f.value([x]) ? growing + 1 : 0;
    path.push(next);
    if (growing === 10) break;
  }
  return path;
}

test("descend(f, start, eta, steps): the library's rules pass; the stub is 'your turn'", () => {
  assert.match(verdict((p) => checkDescend(rightDescend, p)).message, /^✅ Right.*all 24 inputs.*same step/);
  assert.match(verdict((p) => checkDescend((): number[] => yourTurn(), p)).message, /^✏️ Your turn: write descend/);
  // A loop that calls a step() still at its stub is not written yet either.
  const step = (): number => yourTurn();
  assert.match(
    verdict((p) => checkDescend((f: ToyFunction, start: number, eta: number) => [start, step()], p)).message,
    /^✏️ Your turn/,
  );
});

test("descend: each typical mistake gets its own hint, on the input that shows it", () => {
  const loop = (
    f: ToyFunction,
    start: number,
    eta: number,
    steps: number,
    stop: (next: number, growing: number) => "keep" | "drop" | "keepAndStop",
  ) => {
    const path = [start];
    let growing = 0;
    for (let n = 1; n <= steps; n++) {
      const x = path[path.length - 1];
      const next = x - eta * f.gradient([x])[0];
      const verdict = stop(next, (growing = f.value([next]) > f.value([x]) ? growing + 1 : 0));
      if (verdict === "drop") break;
      path.push(next);
      if (verdict === "keepAndStop") break;
    }
    return path;
  };
  const wrong: [string, (f: ToyFunction, start: number, eta: number, steps: number) => number[], RegExp][] = [
    ["uphill", (f, start, eta, steps) => rightDescend(f, start, -eta, steps), /walks uphill/i],
    [
      "no start point",
      (f, start, eta, steps) => rightDescend(f, start, eta, steps).slice(1),
      /begins with the start point/i,
    ],
    [
      "one step short",
      (f, start, eta, steps) => rightDescend(f, start, eta, steps - 1),
      /take `steps` steps: the path has steps \+ 1 points/i,
    ],
    ["one step too many", (f, start, eta, steps) => rightDescend(f, start, eta, steps + 1), /not one more/i],
    ["never stops", (f, start, eta, steps) => loop(f, start, eta, steps, () => "keep"), /your loop went on/i],
    [
      "keeps the point that ran off",
      (f, start, eta, steps) =>
        loop(f, start, eta, steps, (next, growing) =>
          !Number.isFinite(f.value([next])) || Math.abs(next) > 1e8
            ? "keepAndStop"
            : growing === 10
              ? "keepAndStop"
              : "keep",
        ),
      /leave out the point that ran off/i,
    ],
    [
      "no rule for a growing value",
      (f, start, eta, steps) =>
        loop(f, start, eta, steps, (next) =>
          !Number.isFinite(f.value([next])) || Math.abs(next) > 1e8 ? "drop" : "keep",
        ),
      /grew for 10 steps in a row/i,
    ],
    [
      "the input changed",
      (f, start, eta, steps) => {
        const path = rightDescend(f, start, eta, steps);
        (f as { expression: string }).expression = "x";
        return path;
      },
      /changed its input/i,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkDescend(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, `${name}: ${seen.message}`);
  }
});
