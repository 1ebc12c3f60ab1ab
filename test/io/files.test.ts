import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeFileAtomic } from "../../src/io/files";
import { loadModel, saveModel } from "../../src/io/model";
import { createNetwork } from "../../src/network";

test("an atomic write replaces the file whole and leaves no temporary file behind", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-files-"));
  const file = path.join(dir, "a.txt");
  writeFileAtomic(file, "first");
  writeFileAtomic(file, "second");
  assert.equal(fs.readFileSync(file, "utf8"), "second");
  assert.deepEqual(fs.readdirSync(dir), ["a.txt"]);
  fs.rmSync(dir, { recursive: true });
});

test("killing a process in the middle of saving a model never corrupts the model saved before", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-kill-"));
  const file = path.join(dir, "model.json");
  const before = createNetwork([784, 100, 10], { seed: 1 });
  saveModel(before, file);
  const saved = fs.readFileSync(file, "utf8");
  // A child that saves a much larger model over the same file, again and again, until it is killed.
  const model = require.resolve("../../src/io/model");
  const network = require.resolve("../../src/network");
  const child = spawn(process.execPath, [
    "-e",
    `
    const { saveModel } = require(${JSON.stringify(model)});
    const { createNetwork } = require(${JSON.stringify(network)});
    const big = createNetwork([784, 400, 400, 10], { seed: 2 });
    process.stdout.write("ready\\n");
    for (;;) saveModel(big, ${JSON.stringify(file)});
  `,
  ]);
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  for (let k = 0; k < 5; k++) {
    await new Promise((resolve) => setTimeout(resolve, 37 + 23 * k));
    // The file is always one whole model: the old one or the new one, never a mix.
    const net = loadModel(file);
    assert.ok(net.sizes.length === 3 || net.sizes.length === 4);
  }
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  const after = loadModel(file);
  assert.ok([3, 4].includes(after.sizes.length), "a whole model survives the kill");
  if (after.sizes.length === 3) assert.equal(fs.readFileSync(file, "utf8"), saved);
  fs.rmSync(dir, { recursive: true });
});

test("temporary files of killed saves are removed by the next save to that path, and nothing else is", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-stale-"));
  const file = path.join(dir, "model.json");
  // A process id that cannot be running (above Linux's pid_max), and this process's own.
  const stale = [`.model.json.4194305.1700000000000.tmp`, `.model.json.${process.pid}.1700000000001.tmp`];
  const kept = [`.other.json.4194305.1700000000000.tmp`, `.model.json.${process.ppid}.1700000000002.tmp`, "notes.txt"];
  for (const name of [...stale, ...kept]) fs.writeFileSync(path.join(dir, name), "partial");
  writeFileAtomic(file, "whole");
  assert.deepEqual(fs.readdirSync(dir).sort(), [...kept, "model.json"].sort());
  fs.rmSync(dir, { recursive: true });
});
