import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as library from "../../src/index";
import { ParameterSpecs, startLesson } from "../../src/checks/parameters";
import { copyCourse, root } from "./jupyterServer";

// A lesson is an experiment to re-run with other values: every lesson runs to its end with each of the
// variations its parameters cell lists (values at the edges of its ranges: a divergent learning rate, one epoch,
// another expression, a batch of 1), on top of its quick values. A claim that no longer holds for them is
// reported and the lesson goes on; a cell that fails, fails this test. The defaults run in notebooks.test.ts.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { lessonFiles, notebooksDir, readParameters, injectedSource } = require(
  path.join(root, "scripts", "notebook", "lessons.js"),
);
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { printedText } = require(path.join(root, "scripts", "notebook", "run.js"));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { executeWithNode } = require(path.join(root, "scripts", "notebook", "executeNode.js"));

type Values = Record<string, unknown>;
const specsOf = (file: string) =>
  (library as unknown as Record<string, ParameterSpecs>)[`lesson${file.slice(0, 2)}Parameters`];

/**
 * Executes a lesson with `values` injected, in a copy of the course of its own (copyCourse: an empty data/, so an
 * experiment's saved model never replaces the one a learner's lesson 08 saved). Resolves with what it printed,
 * or the failing cell's error.
 */
async function execute(file: string, values: Values, label: string) {
  const course = copyCourse([file], (notebook) => JSON.parse(fs.readFileSync(notebook, "utf8")));
  const output = path.join(course, `${file.slice(0, 2)}.${label}.ipynb`);
  const result = await executeWithNode(path.join(course, "notebooks", file), output, injectedSource(values), {
    timeout: 600,
  });
  return { ...result, printed: printedText(output) };
}

for (const file of lessonFiles() as string[]) {
  const notebook = path.join(notebooksDir, file);
  const { quick, variations }: { quick: Values; variations: Values[] } = readParameters(notebook);
  describe(`${file} with other values`, { concurrency: 2 }, () => {
    test("lists at least two variations, each in its ranges and different from the defaults", () => {
      const specs = specsOf(file);
      assert.ok(specs, `src/ exports no lesson${file.slice(0, 2)}Parameters`);
      assert.ok(
        variations.length >= 2,
        `${file} lists ${variations.length} variations in its parameters cell's metadata (descent.variations)`,
      );
      for (const variation of variations) {
        const defaults = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.default]));
        const lesson = startLesson(specs, { ...defaults, ...quick, ...variation }, () => undefined);
        assert.ok(
          Object.keys(variation).some((name) => lesson.changed.includes(name)),
          `${JSON.stringify(variation)} changes nothing`,
        );
      }
    });
    variations.forEach((variation, i) => {
      test(`runs to its end with ${JSON.stringify(variation)}`, { timeout: 10 * 60 * 1000 }, async () => {
        const run = await execute(file, { ...quick, ...variation }, `v${i}`);
        assert.ok(run.ok, `${file} with ${JSON.stringify(variation)} failed:\n${run.stderr}`);
        assert.match(run.printed, /^Your values: /m, "the lesson says which values the learner changed");
      });
    });
  });
}
