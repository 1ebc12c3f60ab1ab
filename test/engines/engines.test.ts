import { test } from "node:test";
import assert from "node:assert/strict";
import { costNamed } from "../../src/cost";
import { engineNames, makeEngine } from "../../src/engines/engines";
import { LearnerError } from "../../src/errors/learnerError";
import { evaluate } from "../../src/evaluate";
import { createNetwork } from "../../src/network";
import { randomDataset } from "../helpers";

test("every engine in the table is made the same way and evaluates as the library's evaluate does", () => {
  const data = randomDataset(50, 4, 4, 3, 1);
  const net = createNetwork([16, 6, 3], { seed: 2 });
  assert.deepEqual(engineNames, ["fast", "readable"]);
  for (const name of engineNames) {
    for (const cost of ["quadratic", "cross-entropy"] as const) {
      const engine = makeEngine(name, net, { cost, batchSize: 10 });
      const ours = engine.evaluate(net, data),
        reference = evaluate(net, data, costNamed(cost));
      assert.equal(ours.accuracy, reference.accuracy, `${name}, ${cost}: accuracy`);
      assert.ok(
        Math.abs(ours.cost - reference.cost) < 1e-5 * Math.max(1, reference.cost),
        `${name}, ${cost}: cost ${ours.cost} vs ${reference.cost}`,
      );
      assert.ok(engine.threads >= 1);
    }
  }
});

test("an engine name not in the table is refused in one sentence naming those that are", () => {
  const net = createNetwork([4, 2], { seed: 1 });
  assert.throws(
    () => makeEngine("gpu" as never, net, { cost: "quadratic", batchSize: 1 }),
    (error: unknown) =>
      error instanceof LearnerError &&
      error.name === "InputError" &&
      error.message === 'there is no engine called "gpu"; use "fast" or "readable"',
  );
});
