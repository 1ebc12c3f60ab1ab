import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as library from "../../src/index";
import { allExercises, defineExercise, exerciseKey } from "../../src/checks/exercises";
import { progressFile, readProgress, recordVerdict, withoutRecording } from "../../src/checks/progress";
import { lessonProgress, progressTable } from "../../src/checks/progressTable";
import { startLesson } from "../../src/checks/parameters";

// The learner's progress: verdicts recorded in a file (atomically, never failing a lesson), every exercise of the
// course known to the registry (so never-tried ones count as open), and the table lesson 00 shows.
const temporaryFile = () =>
  path.join(fs.mkdtempSync(path.join(os.tmpdir(), "descent-progress-")), "data", "progress.json");
const guess = { lesson: "00", name: "guess rate" };

test("a right answer is recorded as done, and stays done after a later wrong one", () => {
  const file = temporaryFile();
  recordVerdict(guess, false, () => {}, file, new Date("2026-01-01T10:00:00Z"));
  assert.deepEqual(readProgress(file), {
    exercises: { "00/guess rate": { done: false, last: "not yet", at: "2026-01-01T10:00:00.000Z" } },
  });
  recordVerdict(guess, true, () => {}, file);
  recordVerdict(guess, false, () => {}, file, new Date("2026-01-02T10:00:00Z"));
  assert.deepEqual(readProgress(file), {
    exercises: { "00/guess rate": { done: true, last: "not yet", at: "2026-01-02T10:00:00.000Z" } },
  });
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ["progress.json"], "no temporary file is left beside it");
});

test("a lesson's checks record through the file DESCENT_PROGRESS_FILE names; 'Your turn' and the Solutions cell record nothing", () => {
  const file = temporaryFile();
  process.env.DESCENT_PROGRESS_FILE = file;
  try {
    const printed: string[] = [];
    library.checkNextPoint(2, 0.1, 4, undefined, (l) => printed.push(l));
    assert.equal(fs.existsSync(file), false, "an unanswered exercise is no verdict");
    startLesson(library.lesson00Parameters, { seed: 1, epochs: 5, eta: 3 }, () => {}).solutions(() => {
      library.checkGuessRate(0.1, (l) => printed.push(l));
    });
    assert.match(printed[1], /^✅ Right/, "the solution still says Right");
    assert.equal(fs.existsSync(file), false, "the lesson's own solutions are not the learner's progress");
    library.checkNextPoint(2, 0.1, 4, 1.6, (l) => printed.push(l));
    library.checkStepDirection(4, "right", (l) => printed.push(l));
    const progress = readProgress(file);
    assert.ok(!(progress instanceof Error));
    assert.equal(progress.exercises["03/next point"].done, true);
    assert.equal(progress.exercises["03/step direction"].done, false);
    assert.deepEqual(Object.keys(progress.exercises).sort(), ["03/next point", "03/step direction"]);
  } finally {
    delete process.env.DESCENT_PROGRESS_FILE;
  }
});

test("outside a notebook kernel (tests, the CLI) nothing is recorded unless DESCENT_PROGRESS_FILE says where", () => {
  assert.equal(progressFile(), null);
});

test("an unwritable progress file is one sentence, said once, and the check goes on", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-progress-"));
  const blocker = path.join(dir, "data");
  fs.writeFileSync(blocker, "a file where the folder data/ should be");
  const file = path.join(blocker, "progress.json");
  const printed: string[] = [];
  assert.doesNotThrow(() => recordVerdict(guess, true, (l) => printed.push(l), file));
  recordVerdict(guess, true, (l) => printed.push(l), file);
  assert.equal(printed.length, 1, "said once");
  assert.match(
    printed[0],
    /^Note: your progress could not be saved to .*progress\.json \(.*\); the lesson goes on, but the progress table in lesson 00 will not show this answer\.$/,
  );
  assert.doesNotMatch(printed[0], /\n/);
});

test("a file that is not progress is not overwritten: one sentence says to delete it", () => {
  const file = temporaryFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "{ not json");
  const printed: string[] = [];
  recordVerdict(guess, true, (l) => printed.push(l), file);
  assert.equal(fs.readFileSync(file, "utf8"), "{ not json");
  assert.match(
    printed[0],
    /is not a progress file \(.*\); delete it to start your progress afresh; the lesson goes on/,
  );
});

test("the registry knows every lesson's exercises, once each, in lesson order; defining one again returns the first", () => {
  const exercises = allExercises();
  const lessons = [...new Set(exercises.map((e) => e.lesson))];
  assert.deepEqual(lessons, ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10"]);
  assert.equal(new Set(exercises.map(exerciseKey)).size, exercises.length, "no exercise twice");
  assert.deepEqual(
    exercises.filter((e) => e.lesson === "03").map((e) => e.name),
    ["step direction", "next point", "learning rate", "step(x, eta, slope)", "the descent loop"],
  );
  // The code exercises are counted too: 12 of them in lessons 02 to 08.
  assert.deepEqual(
    exercises.filter((e) => e.lesson === "06").map((e) => e.name),
    ["output nudge", "weight gradient", "BP2 for one layer", "the backward pass"],
  );
  assert.equal(
    defineExercise("03", "next point"),
    exercises.find((e) => exerciseKey(e) === "03/next point"),
  );
  assert.throws(() => defineExercise("3", "x"), /two digits, such as "03"; got "3"/);
});

test("the table lists per lesson the exercises done and open, never-tried ones among the open", () => {
  const exercises = [
    { lesson: "98", name: "first" },
    { lesson: "98", name: "second" },
    { lesson: "99", name: "only" },
  ];
  const progress = {
    exercises: {
      "98/second": { done: true, last: "right" as const, at: "" },
      "99/only": { done: false, last: "not yet" as const, at: "" },
    },
  };
  assert.deepEqual(lessonProgress(progress, exercises), [
    { lesson: "98", done: ["second"], open: ["first"] },
    { lesson: "99", done: [], open: ["only"] },
  ]);
  assert.equal(
    progressTable(progress, exercises),
    [
      "| lesson | done | open |",
      "| --- | --- | --- |",
      "| 98 | 1 of 2: second | first |",
      "| 99 | 0 of 1 | only |",
    ].join("\n"),
  );
  assert.match(
    progressTable(
      { exercises: { "98/first": { done: true, last: "right", at: "" }, ...progress.exercises } },
      exercises,
    ),
    /\| 98 \| 2 of 2: first, second \| — \|/,
  );
});
