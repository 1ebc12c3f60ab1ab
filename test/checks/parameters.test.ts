import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ParameterError,
  between,
  listOf,
  outsideRange,
  rangeText,
  seedParameter,
  startLesson,
  text,
  wholeBetween,
} from "../../src/checks/parameters";
import { ClaimError } from "../../src/checks/claim";
import { kernelBuild, useKernelBuild } from "../../src/engines/fast/wasmModule";

const specs = {
  seed: seedParameter(1),
  eta: between(0.05, 0.001, 0.35),
  steps: wholeBetween(40, 1, 200),
  expression: text("x^2"),
  answer: text("real", ["real", "random"]),
  sizes: listOf([250, 500], 50, 8000, { integer: true, minLength: 2, maxLength: 5 }),
};
const defaults = { seed: 1, eta: 0.05, steps: 40, expression: "x^2", answer: "real", sizes: [250, 500] };

function run(values: Record<string, unknown>) {
  const lines: string[] = [];
  const lesson = startLesson(specs, values, (l) => lines.push(l));
  return { lesson, lines };
}

test("a lesson trains with the plain kernel, whose seeded numbers are the same on every machine", () => {
  try {
    useKernelBuild("relaxed");
    run(defaults);
    assert.equal(kernelBuild(), "plain");
  } finally {
    useKernelBuild("auto");
  }
});

test("ranges read as the parameters cell's comments state them", () => {
  assert.equal(rangeText(specs.eta), "0.001 to 0.35");
  assert.equal(rangeText(specs.sizes), "50 to 8,000");
  assert.equal(rangeText(specs.answer), '"real" or "random"');
  assert.equal(rangeText(specs.expression), "");
});

test("with the defaults nothing is said, and a false claim stops the lesson", () => {
  const { lesson, lines } = run(defaults);
  assert.equal(lesson.usesDefaults, true);
  assert.deepEqual(lesson.changed, []);
  assert.deepEqual(lines, []);
  lesson.claim("the cost falls", true, "3 → 1");
  assert.deepEqual(lines, ["Claim holds: the cost falls (3 → 1)"]);
  assert.throws(() => lesson.claim("the cost falls", false, "3 → 4"), ClaimError);
});

test("with the learner's values the changes are named and a false claim is an observation", () => {
  const { lesson, lines } = run({ ...defaults, eta: 0.2, sizes: [100, 200, 300] });
  assert.deepEqual(lesson.changed, ["eta", "sizes"]);
  assert.equal(lesson.usesDefaults, false);
  assert.match(
    lines[0],
    /^Your values: eta = 0.2 \(default 0.05\), sizes = \[100, 200, 300\] \(default \[250, 500\]\)/,
  );
  lesson.claim("the cost falls", false, "3.150 → 3.6");
  assert.equal(
    lines[1],
    "With your values this no longer holds: the cost falls (3.150 → 3.6); with the defaults it does.",
  );
  lesson.claim("steps shrink", true);
  assert.equal(lines[2], "Claim holds: steps shrink");
});

test("after an interrupted training a false claim is reported even with the defaults, until a full run", () => {
  const { lesson, lines } = run(defaults);
  lesson.setInterrupted(true);
  lesson.claim("the cost falls", false, "3 → 4");
  assert.equal(
    lines[0],
    "Not shown, because you interrupted the training: the cost falls (3 → 4); run the training cell again to the end to see it.",
  );
  lesson.claim("the cost falls", true, "3 → 1");
  assert.equal(lines[1], "Claim holds: the cost falls (3 → 1)");
  lesson.setInterrupted(false);
  assert.throws(() => lesson.claim("the cost falls", false, "3 → 4"), ClaimError);
});

test("a value outside its range is refused in one sentence naming the range and the default", () => {
  const refused = (values: Record<string, unknown>, pattern: RegExp) =>
    assert.throws(
      () => run({ ...defaults, ...values }),
      (e: unknown) => e instanceof ParameterError && pattern.test(e.message),
    );
  refused(
    { eta: 5 },
    /^eta = 5 is outside this lesson's range: it must be a number from 0.001 to 0.35 \(default 0.05\); change it in the parameters cell and run the lesson again\.$/,
  );
  refused({ eta: 0 }, /a number from 0.001 to 0.35/);
  refused({ eta: "0.1" }, /eta = "0.1" is outside/);
  refused({ eta: NaN }, /eta = NaN is outside/);
  refused({ steps: 2.5 }, /a whole number from 1 to 200/);
  refused({ seed: -1 }, /a whole number from 0 to 4,294,967,295/);
  refused({ answer: "fake" }, /one of "real" or "random"/);
  refused({ sizes: [250] }, /a list of 2 to 5 whole numbers, each from 50 to 8,000/);
  refused({ sizes: [250, 9000] }, /sizes = \[250, 9000\]/);
  assert.throws(() => run({ ...defaults, extra: 1 }), /no parameter "extra"/);
  const { eta: _, ...missing } = defaults;
  assert.throws(() => run(missing), /eta is missing/);
});

test("outsideRange checks only the values given (npm run lesson's --set ones) and names the first outside its range", () => {
  assert.equal(outsideRange(specs, {}), null);
  assert.equal(outsideRange(specs, { eta: 0.2, steps: 200 }), null);
  assert.equal(
    outsideRange(specs, { steps: 2.5 }),
    "steps = 2.5 is outside this lesson's range: it must be a whole number from 1 to 200 (default 40)",
  );
  assert.equal(
    outsideRange(specs, { answer: "noise" }),
    `answer = "noise" is outside this lesson's range: it must be one of "real" or "random" (default "real")`,
  );
  assert.equal(
    outsideRange(specs, { sizes: [100] }),
    "sizes = [100] is outside this lesson's range: it must be a list of 2 to 5 whole numbers, each from 50 to 8,000 (default [250, 500])",
  );
});
