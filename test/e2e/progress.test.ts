import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { copyCourse, root } from "./jupyterServer";

// The learner's progress, in the real tslab kernel: an answered exercise is recorded in the data/ beside the
// lesson's folder (here a copy of the course's, never the learner's own), the Solutions cell adds nothing, lesson
// 00's table shows it, and a progress file that cannot be written is one sentence while the lesson goes on.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { withQuickParameters } = require(path.join(root, "scripts", "notebook", "lessons.js"));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { printedText } = require(path.join(root, "scripts", "notebook", "run.js"));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { executeWithNode } = require(path.join(root, "scripts", "notebook", "executeNode.js"));

const lesson = "00-start-here.ipynb";
type Cell = { source: string | string[]; outputs?: { data?: Record<string, string | string[]> }[] };
const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : (t ?? ""));

/** Lesson 00 (quick values) with its exercise answered 0.1, run in a copy of the course; `prepare` may change the copy. */
async function runAnswered(prepare: (course: string) => void = () => {}) {
  const course = copyCourse([lesson], (file: string) => {
    const nb = withQuickParameters(file);
    for (const cell of nb.cells as Cell[])
      cell.source = text(cell.source).replace("const myGuessRate = undefined;", "const myGuessRate = 0.1;");
    return nb;
  });
  prepare(course);
  const output = path.join(course, "00.answered.ipynb");
  const result = await executeWithNode(path.join(course, "notebooks", lesson), output, undefined, { timeout: 600 });
  assert.ok(result.ok, result.stderr);
  const markdown = (JSON.parse(fs.readFileSync(output, "utf8")).cells as Cell[])
    .flatMap((c) => c.outputs ?? [])
    .map((o) => text(o.data?.["text/markdown"]))
    .join("\n");
  return { course, printed: printedText(output) as string, markdown };
}

const learnersFile = path.join(root, "data", "progress.json");
const learners = () => (fs.existsSync(learnersFile) ? fs.readFileSync(learnersFile, "utf8") : null);

test(
  "an answered exercise is recorded in the copy's own data/progress.json, and lesson 00's table shows it done",
  { timeout: 5 * 60 * 1000 },
  async () => {
    const before = learners();
    const { course, printed, markdown } = await runAnswered();
    assert.match(printed, /^✅ Right: the fraction of digits a random guess gets right/m);
    const progress = JSON.parse(fs.readFileSync(path.join(course, "data", "progress.json"), "utf8"));
    assert.deepEqual(Object.keys(progress.exercises), ["00/guess rate"]);
    assert.equal(progress.exercises["00/guess rate"].done, true);
    assert.match(markdown, /\| lesson \| done \| open \|/);
    assert.match(markdown, /^\| 00 \| 1 of 1: guess rate \| — \|$/m);
    assert.match(
      markdown,
      /^\| 03 \| 0 of 5 \| step direction, next point, learning rate, step\(x, eta, slope\), the descent loop \|$/m,
      "never-tried exercises are open, code exercises too",
    );
    assert.equal(learners(), before, "the learner's own progress file is untouched");
  },
);

test(
  "a progress file that cannot be written is one sentence, and the lesson runs to its end",
  { timeout: 5 * 60 * 1000 },
  async () => {
    const { printed } = await runAnswered((course) => {
      fs.rmdirSync(path.join(course, "data"));
      fs.writeFileSync(path.join(course, "data"), "a file where the folder data/ should be");
    });
    assert.match(
      printed,
      /^Note: your progress could not be saved to .*progress\.json \(.*\); the lesson goes on, but the progress table in lesson 00 will not show this answer\.$/m,
    );
    assert.equal(printed.match(/^Note: your progress/gm)?.length, 1, "said once");
    assert.doesNotMatch(printed, /\n\s+at /, "no stack trace");
    assert.equal(printed.match(/^✅ Right/gm)?.length, 2, "the lesson went on to its Solutions cell");
  },
);
