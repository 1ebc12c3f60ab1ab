#!/usr/bin/env node
// npm run reset -- NN [NN ...] | all
// Gives lessons back as shipped in my-lessons/ (the learner's own copies, which npm start opens): says what it
// replaces and keeps the learner's copy beside it as a timestamped backup.
const path = require("path");
const { readArgs, UsageError } = require("./lib/args");
const { findLesson, lessonFiles } = require("./notebook/lessons");
const { resetLesson } = require("./notebook/myLessons");

const usage = "usage: npm run reset -- NN [NN ...]   (or: npm run reset -- all)";
const flags = { help: { type: "boolean", short: "h" } };

/** The command line's lessons: { help } for --help, else the lesson files it names, or an Error whose message is the one sentence to say. */
function lessonsToReset(argv) {
  let values, names;
  try {
    ({ values, positionals: names } = readArgs(argv, flags, {
      positionals: true,
      hint: "name lessons, as in `npm run reset -- 03`, or say `all`",
    }));
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  if (values.help) return { help: true };
  if (names.length === 0)
    return new Error("name the lesson to give back as shipped, as in `npm run reset -- 03`, or `all` for every lesson");
  if (names.includes("all"))
    return names.length === 1 ? lessonFiles() : new Error("`all` already means every lesson; give it alone");
  const files = [];
  for (const name of names) {
    try {
      files.push(path.basename(findLesson(name)));
    } catch (error) {
      return error;
    }
  }
  return [...new Set(files)];
}

function main(argv) {
  const files = lessonsToReset(argv);
  if (files instanceof Error) {
    console.error(`reset: ${files.message}.`);
    return 2;
  }
  if (files.help) {
    console.log(usage);
    console.log(
      "Gives the lessons back as shipped in my-lessons/, keeping each changed copy there as a timestamped backup.",
    );
    return 0;
  }
  for (const file of files) resetLesson(file);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { lessonsToReset };
