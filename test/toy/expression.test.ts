import { test } from "node:test";
import assert from "node:assert/strict";
import { ExpressionError, checkDefinedAt, toyFunction } from "../../src/toy/expression";
import { InputError } from "../../src/errors/learnerError";

const kind = (k: string, message: RegExp) => (e: unknown) => {
  assert.ok(e instanceof ExpressionError, `expected an ExpressionError, got ${e}`);
  assert.equal(e.kind, k);
  assert.match(e.message, message);
  return true;
};

test("C(x, y) = 3/2 x^2 + 1/2 y^2 has gradient (3, 1) at (1, 1): x matters three times more", () => {
  const c = toyFunction("3/2 x^2 + 1/2 y^2");
  assert.deepEqual(c.variables, ["x", "y"]);
  assert.equal(c.value([1, 1]), 2);
  assert.deepEqual(c.gradient([1, 1]), [3, 1]);
});

test("symbolic and numeric gradients agree, in one and two variables", () => {
  for (const [expression, points] of [
    ["x^4 - 3x^2 + x", [[-1.5], [0.3], [2]]],
    ["sin(x) * exp(-x^2/4)", [[0.1], [-2]]],
    [
      "1.5*x^2 + 0.5*y^2",
      [
        [1, 1],
        [-2, 0.5],
      ],
    ],
    [
      "(1 - x)^2 + 10 (y - x^2)^2",
      [
        [0, 0],
        [-1.2, 1],
      ],
    ],
    ["log(1 + x^2 + y^2) + cos(x*y)", [[0.5, -0.7]]],
  ] as const) {
    const f = toyFunction(expression);
    for (const p of points) {
      const exact = f.gradient([...p]),
        numeric = f.numericGradient([...p]);
      exact.forEach((g, i) =>
        assert.ok(Math.abs(g - numeric[i]) < 1e-5 * Math.max(1, Math.abs(g)), `${expression} at ${p}`),
      );
    }
  }
  assert.equal(toyFunction("x^4 - 3x^2 + x").derivatives[0], "4 * x ^ 3 + 1 - 6 * x");
});

test("a syntax error names the position", () => {
  assert.throws(() => toyFunction("x^^2"), kind("syntax", /cannot read "x\^\^2": Value expected at character 3/));
  assert.throws(() => toyFunction("(x+1"), kind("syntax", /Parenthesis \) expected at character 5/));
});

test("an unknown variable or function says which", () => {
  assert.throws(() => toyFunction("x^2 + z"), kind("unknown-symbol", /uses "z", which is not a variable here/));
  assert.throws(() => toyFunction("sine(x)"), kind("unknown-symbol", /unknown function "sine"; did you mean sin\?/));
  assert.throws(() => toyFunction("blah(x)"), kind("unknown-symbol", /unknown function "blah"; use one of/));
  assert.equal(toyFunction("pi * x^2").value([1]), Math.PI);
});

test("an expression of the wrong variables for the lesson says what it expects", () => {
  assert.throws(() => toyFunction("x*y", 1), kind("wrong-variables", /uses y, but this is a function of one variable/));
  assert.throws(() => toyFunction("3", 2), kind("wrong-variables", /uses neither x nor y/));
  assert.deepEqual(toyFunction("x^2", 2).gradient([2, 5]), [4, 0]);
});

test("a gradient that is undefined at the start point says so", () => {
  assert.throws(
    () => checkDefinedAt(toyFunction("sqrt(x)"), [0]),
    kind("undefined-gradient", /gradient of "sqrt\(x\)" is undefined at x = 0/),
  );
  assert.throws(() => checkDefinedAt(toyFunction("abs(x) + y^2"), [0, 1]), kind("undefined-gradient", /x = 0, y = 1/));
  assert.throws(() => checkDefinedAt(toyFunction("log(x)"), [-1]), kind("undefined-gradient", /not defined at x = -1/));
  checkDefinedAt(toyFunction("sqrt(x)"), [4]);
});

test("every shape a learner will try that is not one smooth formula gets its one sentence, never a mathjs stack", () => {
  const cases: [unknown, RegExp][] = [
    ["y = x^2", /is an assignment; write only the formula, "x\^2", without a name and "="/],
    ["f(x) = x^2", /is an assignment; write only the formula, "x\^2"/],
    ["max(x, 0)^2", /uses max, whose derivative mathjs cannot take .*"x\^2" instead of "max\(x, 0\)\^2"/],
    ["floor(x)", /uses floor, whose derivative mathjs cannot take/],
    ["mod(x, 2)", /uses mod, whose derivative/],
    ["x % 2", /uses the remainder \(mod\), which jumps/],
    ["x!", /uses "!" \(factorial\)/],
    ["x > 1 ? x : 2", /chooses between formulas with "\? :"/],
    ["x > 1", /compares with ">"/],
    ["[x, x]", /makes a list or a range/],
    ["x^2; y^2", /holds several expressions; write one formula/],
    ["x^2\ny^2", /holds several expressions/],
    ["", /the expression is empty/],
    ["   ", /the expression is empty/],
    ["sin x", /uses sin without parentheses; write sin\(x\)/],
    ["sqrt(-1) * x", /cannot take the derivative of "sqrt\(-1\) \* x"/],
    [3, /an expression is text in quotes, like "x\^4 - 3x\^2 \+ x"; got 3/],
  ];
  for (const [expression, message] of cases) {
    assert.throws(
      () => toyFunction(expression as string),
      (e: unknown) => {
        assert.ok(e instanceof ExpressionError, `${JSON.stringify(expression)}: expected an ExpressionError, got ${e}`);
        assert.match(e.message, message, JSON.stringify(expression));
        assert.doesNotMatch(e.message, /\n/);
        return true;
      },
    );
  }
  assert.throws(
    () => toyFunction("x^2", 3 as never),
    (e: unknown) => e instanceof InputError && /1 or 2 variables .*got 3/.test(e.message),
  );
  // abs, with its one corner, still works where its slope is defined.
  assert.deepEqual(toyFunction("abs(x) + x^2").gradient([-1]), [-3]);
});
