// The learner's own copies of the lessons: my-lessons/ (git-ignored), beside notebooks/ so that ../dist/index
// and ../data/ resolve the same. npm start fills it from notebooks/ and opens it, so autosave changes the
// learner's copy and never the lesson as shipped, and a `git pull` never meets the learner's edits.
// `npm run lesson`, `npm run site` and the tests keep running the shipped notebooks/ (lessons.js).
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { root, notebooksDir, lessonFiles } = require("./lessons");

const myLessonsDir = path.join(root, "my-lessons");
const label = (dir, file) => path.relative(process.cwd(), path.join(dir, file)) || file;
const hash = (file) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
/** Which shipped version each copy was made from (file name to the shipped notebook's sha256), hidden in the folder. */
const manifestOf = (dir) => path.join(dir, ".shipped.json");
const readManifest = (dir) =>
  fs.existsSync(manifestOf(dir)) ? JSON.parse(fs.readFileSync(manifestOf(dir), "utf8")) : {};
const writeManifest = (dir, manifest) => fs.writeFileSync(manifestOf(dir), JSON.stringify(manifest, null, 2) + "\n");

/**
 * Brings `dir` up to the shipped lessons: copies every lesson it lacks (all of them on the first start, and a
 * lesson added later), replaces a copy the learner never saved when its lesson changed, and lists the lessons
 * that changed since the learner's own, changed copy was made. With `dryRun`, only says so.
 */
function fillMyLessons({ dir = myLessonsDir, shipped = notebooksDir, dryRun = false } = {}) {
  const manifest = fs.existsSync(dir) ? readManifest(dir) : {};
  const copied = [],
    updated = [],
    changed = [];
  for (const file of lessonFiles(shipped)) {
    const lesson = path.join(shipped, file),
      copy = path.join(dir, file);
    const now = hash(lesson);
    if (!fs.existsSync(copy)) copied.push(file);
    else if (hash(copy) === now)
      manifest[file] = now; // the same as shipped (also when its record was lost)
    else if (manifest[file] === now)
      continue; // the learner's copy of the current lesson
    else if (manifest[file] && hash(copy) === manifest[file])
      updated.push(file); // never saved by the learner
    else changed.push(file);
  }
  if (!dryRun) {
    fs.mkdirSync(dir, { recursive: true });
    for (const file of [...copied, ...updated]) {
      fs.copyFileSync(path.join(shipped, file), path.join(dir, file));
      manifest[file] = hash(path.join(shipped, file));
    }
    writeManifest(dir, manifest);
  }
  return { copied, updated, changed };
}

/** What npm start says about the copies, one line each (nothing when all is as it was). */
function fillReport({ copied, updated, changed }, { dir = myLessonsDir, dryRun = false, firstTime = false } = {}) {
  const lines = [];
  const where = label(dir, "") + "/";
  if (copied.length) {
    lines.push(
      firstTime
        ? `${dryRun ? "would copy" : "Copied"} the ${copied.length} lessons into ${where}: they are your own copies, to change and save freely; notebooks/ keeps the lessons as shipped.`
        : `${dryRun ? "would copy" : "Copied"} into ${where} the new lesson${copied.length > 1 ? "s" : ""} ${copied.join(", ")}.`,
    );
  }
  for (const file of updated)
    lines.push(
      `${dryRun ? "would update" : "Updated"} ${label(dir, file)} to the lesson as shipped now (you had not changed your copy).`,
    );
  for (const file of changed) {
    lines.push(
      `Lesson ${file.slice(0, 2)} has changed since your copy ${label(dir, file)} was made: \`npm run reset -- ${file.slice(0, 2)}\` takes the new one (and keeps yours as a backup).`,
    );
  }
  return lines;
}

/** "2026-05-01-102030": a backup's time, in local time, sortable and safe in a file name. */
function stamp(date) {
  const two = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

/**
 * Gives one lesson back as shipped: says what it replaces, keeps the learner's copy beside it as a timestamped
 * backup (same folder, so it still runs), and copies the lesson. Returns the lines it said.
 */
function resetLesson(file, { dir = myLessonsDir, shipped = notebooksDir, now = new Date(), say = console.log } = {}) {
  const lesson = path.join(shipped, file),
    copy = path.join(dir, file);
  fs.mkdirSync(dir, { recursive: true });
  const manifest = readManifest(dir);
  if (!fs.existsSync(copy)) {
    say(`${label(dir, file)}: you had no copy; copied the lesson as shipped.`);
  } else if (hash(copy) === hash(lesson)) {
    say(`${label(dir, file)} is already the lesson as shipped; nothing to replace.`);
  } else {
    let backup = path.join(dir, file.replace(/\.ipynb$/, `.backup-${stamp(now)}.ipynb`));
    for (let n = 2; fs.existsSync(backup); n++)
      backup = path.join(dir, file.replace(/\.ipynb$/, `.backup-${stamp(now)}-${n}.ipynb`));
    say(
      `${label(dir, file)} (your copy, last saved ${fs.statSync(copy).mtime.toLocaleString()}) is replaced by the lesson as shipped; yours is kept as ${label(dir, path.basename(backup))}.`,
    );
    fs.renameSync(copy, backup);
  }
  fs.copyFileSync(lesson, copy);
  manifest[file] = hash(lesson);
  writeManifest(dir, manifest);
}

module.exports = { myLessonsDir, fillMyLessons, fillReport, resetLesson };
