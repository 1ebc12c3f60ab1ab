import { test } from "node:test";
import assert from "node:assert/strict";
import { verdict } from "../helpers";
import { checkNudgeDirection, checkPartial, checkSensitivityRatio } from "../../src/checks/lesson05";
import { yourTurn } from "../../src/checks/checkFunction";
import { Network } from "../../src/network";

test("sensitivity ratio: 32 passes; the difference and the inverse get their hints", () => {
  assert.equal(verdict((p) => checkSensitivityRatio(3.2, 0.1, 32, p)).correct, true);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, 3.1, p)).message, /difference/);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, 0.03125, p)).message, /wrong way up/);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, 7, p)).message, /3.2 ÷ 0.1/);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, undefined, p)).message, /^✏️ Your turn/);
  assert.match(verdict((p) => checkSensitivityRatio(3.2, 0.1, "32", p)).message, /^❌ Not yet.*3.2 ÷ 0.1/);
});

test("nudge direction: against the sign passes; with the sign and non-answers get hints", () => {
  assert.equal(verdict((p) => checkNudgeDirection(-0.4, "up", p)).correct, true);
  assert.equal(verdict((p) => checkNudgeDirection(2, "down", p)).correct, true);
  assert.match(verdict((p) => checkNudgeDirection(-0.4, "down", p)).message, /points uphill/);
  assert.match(verdict((p) => checkNudgeDirection(-0.4, 1, p)).message, /"up" or "down"/);
  assert.match(verdict((p) => checkNudgeDirection(-0.4, undefined, p)).message, /^✏️ Your turn/);
});

// Learner-style versions of partial(net, l, j, k, costOf, h), written as a learner would, not copied from the check.
type Partial = (net: Network, l: number, j: number, k: number, costOf: (n: Network) => number, h: number) => number;
const nudged =
  (body: (w: Float64Array, i: number, costOf: () => number, h: number) => number): Partial =>
  (net, l, j, k, costOf, h) =>
    body(net.weights[l].data, j * net.weights[l].cols + k, () => costOf(net), h);

const central = nudged((w, i, cost, h) => {
  const saved = w[i];
  w[i] = saved + h;
  const up = cost();
  w[i] = saved - h;
  const down = cost();
  w[i] = saved;
  return (up - down) / (2 * h);
});

test("partial: central differences that put the weight back pass; the stub is 'your turn'", () => {
  const right = verdict((p) => checkPartial(central, p));
  assert.equal(right.correct, true, right.message);
  assert.match(right.message, /all 24 inputs.*numericPartial/);
  const stub = verdict((p) => checkPartial((): number => yourTurn(), p));
  assert.match(stub.message, /^✏️ Your turn: write partial\(net, l, j, k, costOf, h\)/);
  assert.doesNotMatch(stub.message, /forward|2h|sign|back exactly/);
});

test("partial: each typical mistake gets its own hint", () => {
  const wrong: [string, Partial, RegExp][] = [
    [
      "a forward difference",
      nudged((w, i, cost, h) => {
        const saved = w[i],
          before = cost();
        w[i] = saved + h;
        const up = cost();
        w[i] = saved;
        return (up - before) / h;
      }),
      /forward difference/,
    ],
    [
      "dividing by h",
      nudged((w, i, cost, h) => {
        const saved = w[i];
        w[i] = saved + h;
        const up = cost();
        w[i] = saved - h;
        const down = cost();
        w[i] = saved;
        return (up - down) / h;
      }),
      /divide by 2h/,
    ],
    [
      "a flipped sign",
      nudged((w, i, cost, h) => {
        const saved = w[i];
        w[i] = saved - h;
        const down = cost();
        w[i] = saved + h;
        const up = cost();
        w[i] = saved;
        return (down - up) / (2 * h);
      }),
      /sign is flipped/,
    ],
    [
      "the weight not put back",
      nudged((w, i, cost, h) => {
        w[i] += h;
        const up = cost();
        w[i] -= 2 * h;
        return (up - cost()) / (2 * h);
      }),
      /changed its input.*put the weight back exactly/,
    ],
    [
      "the weight put back by adding h again",
      nudged((w, i, cost, h) => {
        w[i] += h;
        const up = cost();
        w[i] -= 2 * h;
        const down = cost();
        w[i] += h; // w + h − 2h + h need not round back to w
        return (up - down) / (2 * h);
      }),
      /changed its input.*rounding error/,
    ],
  ];
  for (const [name, fn, hint] of wrong) {
    const seen = verdict((p) => checkPartial(fn, p));
    assert.equal(seen.correct, false, name);
    assert.match(seen.message, hint, name);
    assert.match(
      seen.message,
      /on input \d+ of 24 \(a [\d-]+ network[^,]*(, [^,]*)*?, w\[\d\]\[\d\]\[\d\] = -?[\d.e-]+, h = [\d.]+\)/,
      name,
    );
  }
});
