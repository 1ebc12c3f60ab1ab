#!/usr/bin/env node
// npm run data -- mnist [--dir DIR] [--mirror URL ...]: downloads full MNIST into data/mnist (verified by MD5).
const path = require("path");
const usage = "usage: npm run data -- mnist [--dir DIR] [--mirror URL ...]";

async function main(argv) {
  const [what, ...rest] = argv;
  if (what !== "mnist") {
    console.error(`data: ${what === undefined ? "which data set?" : `unknown data set "${what}"`}; the one there is: mnist\n${usage}`);
    return 2;
  }
  let dir = path.join(__dirname, "..", "data", "mnist");
  const mirrors = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--dir" && rest[i + 1]) dir = rest[++i];
    else if (rest[i] === "--mirror" && rest[i + 1]) mirrors.push(rest[++i]);
    else { console.error(`data: unknown argument "${rest[i]}"\n${usage}`); return 2; }
  }
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
        process.stderr.write(`\r${file} [${"#".repeat(Math.round(30 * share)).padEnd(30, "-")}] ${(received / 1e6).toFixed(1)} MB\x1b[K`);
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

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
