import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseTrainCommand } from "../../src/cli/options";
import { loadModel, saveModel } from "../../src/io/model";
import { createNetwork } from "../../src/network";

const bin = path.join(__dirname, "..", "..", "..", "bin", "descent.js");
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-cli-"));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test("flags are read with their defaults: the videos' network, eta 3, batch 10, 30 epochs", () => {
  const c = parseTrainCommand([]);
  assert.deepEqual(
    [c.layers, c.activation, c.cost, c.eta, c.batch, c.epochs, c.seed, c.data],
    [[784, 16, 16, 10], "sigmoid", "quadratic", 3, 10, 30, 1, "embedded"],
  );
  const d = parseTrainCommand([
    "--layers",
    "784,30,10",
    "--activation",
    "relu",
    "--cost",
    "cross-entropy",
    "--eta",
    "0.5",
    "--no-shuffle",
    "--data",
    "idx:/x",
  ]);
  assert.deepEqual(
    [d.layers, d.activation, d.cost, d.eta, d.shuffle, d.data],
    [[784, 30, 10], "relu", "cross-entropy", 0.5, false, "idx:/x"],
  );
});

test("bad flags print the usage and one sentence, and exit 2", () => {
  for (const [args, message] of [
    [["--bogus"], /Unknown option '--bogus'/],
    [["--eta", "-1"], /--eta must be a number greater than 0; got -1/],
    [["--eta", "fast"], /--eta needs a number; got "fast"/],
    [["--batch", "0"], /--batch must be a whole number of at least 1; got 0/],
    [["--epochs", "2.5"], /--epochs must be a whole number of at least 1; got 2.5/],
    [["--layers", "784,16.5,10"], /whole numbers of at least 1; got 16.5/],
    [["--activation", "tanh"], /--activation must be one of sigmoid, relu/],
    [["--data", "foo"], /--data must be embedded, mnist or idx:DIR/],
    [["--train-size", "9000", "--epochs", "1"], /--train-size 9000 is more than the 8000 training images/],
  ] as const) {
    const result = run("train", ...args);
    assert.equal(result.status, 2, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, /usage: npx descent train/);
    assert.match(result.stderr, message);
  }
  assert.equal(run("fly").status, 2);
});

test("--json prints one line per epoch with cost, accuracies and speed; --save writes a model that --init loads", () => {
  const model = path.join(dir, "model.json");
  const result = run("train", "--epochs", "2", "--train-size", "2000", "--json", "--save", model);
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.deepEqual(Object.keys(lines[0]), ["epoch", "cost", "trainAccuracy", "testAccuracy", "examplesPerSecond"]);
  assert.ok(lines[1].cost < lines[0].cost);
  assert.ok(lines[1].testAccuracy > 0.5);
  assert.deepEqual(loadModel(model).sizes, [784, 16, 16, 10]);
  const again = run("train", "--epochs", "1", "--train-size", "2000", "--json", "--init", model);
  assert.equal(again.status, 0, again.stderr);
  assert.ok(
    JSON.parse(again.stdout).testAccuracy >= lines[1].testAccuracy - 0.05,
    "training continues from the saved model",
  );
});

test("the same seed prints the same numbers twice", () => {
  const a = run("train", "--epochs", "1", "--train-size", "1000", "--json", "--seed", "3");
  const b = run("train", "--epochs", "1", "--train-size", "1000", "--json", "--seed", "3");
  const strip = (s: string) => s.replace(/"examplesPerSecond":\d+/g, "");
  assert.equal(strip(a.stdout), strip(b.stdout));
});

test("a diverging run says so, exits 1, and leaves the model saved before untouched", () => {
  const model = path.join(dir, "keep.json");
  saveModel(createNetwork([784, 16, 16, 10], { seed: 9 }), model);
  const before = fs.readFileSync(model, "utf8");
  const result = run(
    "train",
    "--epochs",
    "3",
    "--train-size",
    "500",
    "--activation",
    "relu",
    "--cost",
    "cross-entropy",
    "--eta",
    "1e300",
    "--save",
    model,
  );
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /training diverged in epoch 1.*lower the learning rate/);
  assert.equal(fs.readFileSync(model, "utf8"), before);
});

test("missing data and broken models are one sentence and exit 1", () => {
  const missing = run("train", "--data", `idx:${dir}`);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /train-images-idx3-ubyte\(\.gz\) does not exist/);
  fs.writeFileSync(path.join(dir, "bad.json"), "nope");
  const bad = run("train", "--init", path.join(dir, "bad.json"));
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /bad.json is not a model: it is not valid JSON/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");
});
