#!/usr/bin/env node
// npm run reset -- NN [NN ...] | all
// Gives lessons back as shipped in my-lessons/ (the learner's own copies, which npm start opens): says what it
// replaces and keeps the learner's copy beside it as a timestamped backup.
const path = require("path");
const { findLesson, lessonFiles } = require("./notebook/lessons");
const { resetLesson } = require("./notebook/myLessons");

const usage = "usage: npm run reset -- NN [NN ...]   (or: npm run reset -- all)";

/** The lesson files the arguments name, or an Error whose message is the one sentence to say. */
function lessonsToReset(argv) {
  if (argv.length === 0) return new Error("name the lesson to give back as shipped, as in `npm run reset -- 03`, or `all` for every lesson");
  const flag = argv.find((a) => a.startsWith("-"));
  if (flag) return new Error(`unknown flag "${flag}"; name lessons, as in \`npm run reset -- 03\`, or say \`all\``);
  if (argv.includes("all")) return argv.length === 1 ? lessonFiles() : new Error("`all` already means every lesson; give it alone");
  const files = [];
  for (const name of argv) {
    try {
      files.push(path.basename(findLesson(name)));
    } catch (error) {
      return error;
    }
  }
  return [...new Set(files)];
}

function main(argv) {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    console.log("Gives the lessons back as shipped in my-lessons/, keeping each changed copy there as a timestamped backup.");
    return 0;
  }
  const files = lessonsToReset(argv);
  if (files instanceof Error) {
    console.error(`reset: ${files.message}.`);
    return 2;
  }
  for (const file of files) resetLesson(file);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { lessonsToReset };
