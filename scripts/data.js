#!/usr/bin/env node
// npm run data -- mnist [--dir DIR] [--mirror URL ...]: downloads full MNIST into data/mnist (verified by MD5).
const { readArgs, UsageError } = require("./lib/args");
const usage = "usage: npm run data -- mnist [--dir DIR] [--mirror URL ...]";
const flags = { dir: { type: "string", value: "DIR" }, mirror: { type: "string", multiple: true, value: "URL" } };

async function main(argv) {
  let values, what, extra;
  try {
    ({
      values,
      positionals: [what, ...extra],
    } = readArgs(argv, flags, { positionals: true }));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`data: ${error.message}\n${usage}`);
    return 2;
  }
  if (what !== "mnist" || extra.length) {
    const problem =
      what !== "mnist"
        ? `${what === undefined ? "which data set?" : `unknown data set "${what}"`}; the one there is: mnist`
        : `one data set at a time; "${extra[0]}" is one too many`;
    console.error(`data: ${problem}\n${usage}`);
    return 2;
  }
  // data/mnist in the project, wherever the command runs: where --data mnist and lesson 09 look (src/data/places.ts).
  const dir = values.dir ?? require("../dist/data/places").mnistDirectory();
  const mirrors = values.mirror ?? [];
  const { downloadMnist } = require("../dist/data/download");
  const tty = process.stderr.isTTY;
  let last = 0;
  try {
    await downloadMnist(dir, {
      mirrors: mirrors.length ? mirrors : undefined,
      onProgress: (file, received, total) => {
        if (!tty || Date.now() - last < 100) return;
        last = Date.now();
        const share = total ? received / total : 0;
        process.stderr.write(
          `\r${file} [${"#".repeat(Math.round(30 * share)).padEnd(30, "-")}] ${(received / 1e6).toFixed(1)} MB\x1b[K`,
        );
      },
      log: (line) => process.stderr.write(`${tty ? "\r\x1b[K" : ""}${line}\n`),
    });
  } catch (error) {
    console.error(`data: ${error.message}`);
    return 1;
  }
  console.error(`MNIST is in ${dir}; train on it with: npx descent train --data mnist`);
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
