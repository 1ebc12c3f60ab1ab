import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The learner's own copies (my-lessons/): npm start fills them from the shipped lessons and names the lessons that
// changed since; npm run reset gives a lesson back as shipped, keeping the learner's copy as a backup.
const scripts = path.join(__dirname, "..", "..", "..", "scripts");
const { fillMyLessons, fillReport, resetLesson } = require(path.join(scripts, "notebook", "myLessons.js"));
const { lessonsToReset } = require(path.join(scripts, "reset.js"));

/** A shipped folder with two lessons, and an empty place for the learner's copies. */
function course() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-my-lessons-"));
  const shipped = path.join(dir, "notebooks"),
    mine = path.join(dir, "my-lessons");
  fs.mkdirSync(shipped);
  fs.writeFileSync(path.join(shipped, "00-start-here.ipynb"), "lesson 00, first version");
  fs.writeFileSync(path.join(shipped, "03-gradient-descent-1d.ipynb"), "lesson 03, first version");
  return { shipped, mine, read: (file: string) => fs.readFileSync(path.join(mine, file), "utf8") };
}

test("the first start copies every lesson; a later one copies only a lesson added since", () => {
  const { shipped, mine, read } = course();
  const first = fillMyLessons({ dir: mine, shipped });
  assert.deepEqual(first, {
    copied: ["00-start-here.ipynb", "03-gradient-descent-1d.ipynb"],
    updated: [],
    changed: [],
  });
  assert.equal(read("03-gradient-descent-1d.ipynb"), "lesson 03, first version");
  assert.match(
    fillReport(first, { dir: mine, firstTime: true })[0],
    /^Copied the 2 lessons into .*my-lessons\/: they are your own copies, to change and save freely; notebooks\/ keeps the lessons as shipped\.$/,
  );
  fs.writeFileSync(path.join(shipped, "04-gradient-descent-2d.ipynb"), "lesson 04");
  const later = fillMyLessons({ dir: mine, shipped });
  assert.deepEqual(later, { copied: ["04-gradient-descent-2d.ipynb"], updated: [], changed: [] });
  assert.match(
    fillReport(later, { dir: mine })[0],
    /^Copied into .*my-lessons\/ the new lesson 04-gradient-descent-2d\.ipynb\.$/,
  );
  assert.deepEqual(
    fillReport(fillMyLessons({ dir: mine, shipped }), { dir: mine }),
    [],
    "nothing to say when nothing changed",
  );
});

test("--dry-run says what it would copy and copies nothing", () => {
  const { shipped, mine } = course();
  const dry = fillMyLessons({ dir: mine, shipped, dryRun: true });
  assert.equal(dry.copied.length, 2);
  assert.match(fillReport(dry, { dir: mine, dryRun: true, firstTime: true })[0], /^would copy the 2 lessons/);
  assert.equal(fs.existsSync(mine), false);
});

test("a lesson changed since the copy: the learner's edited copy is kept and named with how to take the new one; an untouched copy is updated", () => {
  const { shipped, mine, read } = course();
  fillMyLessons({ dir: mine, shipped });
  fs.writeFileSync(path.join(mine, "03-gradient-descent-1d.ipynb"), "lesson 03, with the learner's experiment");
  fs.writeFileSync(path.join(shipped, "03-gradient-descent-1d.ipynb"), "lesson 03, second version");
  fs.writeFileSync(path.join(shipped, "00-start-here.ipynb"), "lesson 00, second version");
  const result = fillMyLessons({ dir: mine, shipped });
  assert.deepEqual(result, { copied: [], updated: ["00-start-here.ipynb"], changed: ["03-gradient-descent-1d.ipynb"] });
  assert.equal(
    read("03-gradient-descent-1d.ipynb"),
    "lesson 03, with the learner's experiment",
    "the learner's work is untouched",
  );
  assert.equal(read("00-start-here.ipynb"), "lesson 00, second version");
  const lines = fillReport(result, { dir: mine });
  assert.equal(lines.length, 2, "one line per lesson");
  assert.match(lines[0], /00-start-here\.ipynb to the lesson as shipped now \(you had not changed your copy\)\.$/);
  assert.match(
    lines[1],
    /^Lesson 03 has changed since your copy .*03-gradient-descent-1d\.ipynb was made: `npm run reset -- 03` takes the new one \(and keeps yours as a backup\)\.$/,
  );
  assert.deepEqual(
    fillMyLessons({ dir: mine, shipped }).changed,
    ["03-gradient-descent-1d.ipynb"],
    "said again on the next start, until reset",
  );
});

test("reset says what it replaces, keeps the learner's copy as a timestamped backup beside it, and copies the lesson", () => {
  const { shipped, mine, read } = course();
  fillMyLessons({ dir: mine, shipped });
  fs.writeFileSync(path.join(mine, "03-gradient-descent-1d.ipynb"), "my experiment");
  fs.writeFileSync(path.join(shipped, "03-gradient-descent-1d.ipynb"), "lesson 03, second version");
  const said: string[] = [];
  const now = new Date(2026, 4, 1, 10, 20, 30);
  resetLesson("03-gradient-descent-1d.ipynb", { dir: mine, shipped, now, say: (l: string) => said.push(l) });
  assert.equal(read("03-gradient-descent-1d.ipynb"), "lesson 03, second version");
  assert.equal(read("03-gradient-descent-1d.backup-2026-05-01-102030.ipynb"), "my experiment");
  assert.match(
    said[0],
    /03-gradient-descent-1d\.ipynb \(your copy, last saved .*\) is replaced by the lesson as shipped; yours is kept as .*03-gradient-descent-1d\.backup-2026-05-01-102030\.ipynb\.$/,
  );
  assert.deepEqual(fillMyLessons({ dir: mine, shipped }).changed, [], "after reset, nothing is reported changed");
  // Again in the same second: a second backup, not one over the first; an unchanged copy needs none.
  fs.writeFileSync(path.join(mine, "03-gradient-descent-1d.ipynb"), "my second experiment");
  resetLesson("03-gradient-descent-1d.ipynb", { dir: mine, shipped, now, say: (l: string) => said.push(l) });
  assert.equal(read("03-gradient-descent-1d.backup-2026-05-01-102030-2.ipynb"), "my second experiment");
  resetLesson("03-gradient-descent-1d.ipynb", { dir: mine, shipped, now, say: (l: string) => said.push(l) });
  assert.match(said[2], /is already the lesson as shipped; nothing to replace\.$/);
  assert.equal(fs.readdirSync(mine).filter((f) => f.includes("backup")).length, 2);
});

test("reset's arguments: lessons by number or name, all, and one sentence for anything else", () => {
  assert.deepEqual(lessonsToReset(["3", "03-gradient-descent-1d"]), ["03-gradient-descent-1d.ipynb"]);
  assert.equal(
    lessonsToReset(["all"]).length,
    fs.readdirSync(path.join(scripts, "..", "notebooks")).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).length,
  );
  const refused = (argv: string[]) => (lessonsToReset(argv) as Error).message;
  assert.match(
    refused([]),
    /^name the lesson to give back as shipped, as in `npm run reset -- 03`, or `all` for every lesson$/,
  );
  assert.match(refused(["42"]), /^there is no lesson "42"; the lessons are: 00-start-here, /);
  assert.match(refused(["--force"]), /^unknown flag "--force"/);
  assert.match(refused(["all", "03"]), /`all` already means every lesson; give it alone/);
});
