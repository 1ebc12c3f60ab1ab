import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadModel, saveModel } from "../../src/io/model";
import { createNetwork } from "../../src/network";

// What a learner can do to `descent train` that must not lose a model, hang, or print a stack trace (issue 19).
const root = path.join(__dirname, "..", "..", "..");
const bin = path.join(root, "bin", "descent.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-safety-"));
const run = (args: string[], cwd = dir) =>
  spawnSync(process.execPath, [bin, "train", ...args], { encoding: "utf8", cwd });
const quick = ["--epochs", "1", "--train-size", "500"];
const noStack = (text: string) => assert.doesNotMatch(text, /\n\s+at /, "no stack trace");
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test("an unwritable --save path is refused before training, with usage and one sentence, exit 2, nothing written", () => {
  fs.writeFileSync(path.join(dir, "a-file"), "");
  for (const [save, message] of [
    ["", /--save needs a file name/],
    [dir, /--save .* is a folder; name a file in it/],
    [`${dir}/`, /is a folder/],
    [path.join(dir, "a-file", "model.json"), /cannot be written: .*a-file is a file, not a folder/],
    ["/proc/x.json", /--save \/proc\/x\.json cannot be written: files cannot be created in \/proc/],
  ] as const) {
    const result = run([...quick, "--save", save]);
    assert.equal(result.status, 2, `${save}: ${result.stderr}`);
    assert.match(result.stderr, message, save);
    assert.doesNotMatch(result.stdout + result.stderr, /epoch 1/, `${save}: refused before training`);
    noStack(result.stderr);
  }
  assert.deepEqual(fs.readdirSync(dir), ["a-file"]);
});

test("a learning rate that destroys the network is not saved: an existing model is kept, a new path stays empty", () => {
  const kept = path.join(dir, "kept.json");
  saveModel(createNetwork([784, 16, 16, 10], { seed: 9 }), kept);
  const before = fs.readFileSync(kept, "utf8");
  for (const eta of ["100", "1e3", "1e9"]) {
    const result = run([...quick, "--epochs", "3", "--eta", eta, "--save", kept]);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /training diverged in epoch 1.*the network was destroyed.*lower the learning rate/);
    assert.match(result.stderr, /nothing was saved: no epoch finished before training diverged/);
    noStack(result.stderr);
  }
  assert.equal(fs.readFileSync(kept, "utf8"), before);
  const fresh = path.join(dir, "fresh.json");
  assert.equal(run([...quick, "--eta", "100", "--save", fresh]).status, 1);
  assert.equal(fs.existsSync(fresh), false);
});

test("a run that diverges after good epochs saves the last good one where no model was, and keeps a model that was", () => {
  // η annealed upwards: epoch 1 trains at 3, epoch 2 at 3,000, which destroys the network.
  const args = [...quick, "--epochs", "3", "--eta", "3", "--eta-final", "3e6"];
  const fresh = path.join(dir, "last-good.json");
  const first = run([...args, "--save", fresh]);
  assert.equal(first.status, 1, first.stderr);
  assert.match(first.stderr, /training diverged in epoch 2.*keeps the parameters of the last good epoch/);
  assert.match(first.stderr, /saved the model of epoch 1, the last good one, to .*last-good\.json/);
  const saved = fs.readFileSync(fresh, "utf8");
  assert.ok(loadModel(fresh).weights[0].data.every(Number.isFinite));
  const again = run([...args, "--seed", "2", "--save", fresh]);
  assert.match(again.stderr, /nothing was saved: .*last-good\.json keeps the model it held before this run/);
  assert.equal(fs.readFileSync(fresh, "utf8"), saved);
});

for (const [signal, code] of [
  ["SIGTERM", 143],
  ["SIGINT", 130],
  ["SIGHUP", 129],
] as const) {
  test(`${signal} during training says at once that it stops, stops within about a second, and saves the last finished epoch`, async () => {
    const model = path.join(dir, `${signal}.json`);
    const child = spawn(process.execPath, [bin, "train", "--epochs", "1000", "--save", model], { cwd: dir });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", () => {});
    // Wait for the second finished epoch, then signal in the middle of the third.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (/epoch 2:/.test(stderr)) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    const sent = Date.now();
    child.kill(signal);
    const status = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    const seconds = (Date.now() - sent) / 1000;
    assert.equal(status, code, stderr);
    assert.match(stderr, new RegExp(`${signal === "SIGINT" ? "Ctrl-C" : signal}: stopping now`));
    assert.match(stderr, /saved the model of epoch \d+ to/);
    assert.ok(seconds < 5, `stopped ${seconds} s after the signal`);
    assert.deepEqual(loadModel(model).sizes, [784, 16, 16, 10]);
  });
}

test("a reader that closes the output (--json | head -1) ends the output, not the run: the model is saved", async () => {
  const model = path.join(dir, "piped.json");
  const child = spawn(
    process.execPath,
    [bin, "train", "--epochs", "3", "--train-size", "500", "--json", "--save", model],
    { cwd: dir },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout.once("data", () => child.stdout.destroy());
  const status = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  assert.equal(status, 0, stderr);
  noStack(stderr);
  assert.deepEqual(loadModel(model).sizes, [784, 16, 16, 10]);
});

test("a network too large for the machine, and a batch larger than the data, are refused up front in one sentence", () => {
  const huge = run(["--layers", "784,1000000,10"]);
  assert.equal(huge.status, 1);
  assert.match(
    huge.stderr,
    /training a 784-1000000-10 network \(795,000,010 weights and biases\) on 10,000 images needs about [\d.]+ GB, more than half of this machine's/,
  );
  noStack(huge.stderr);
  const batch = run(["--batch", "100000"]);
  assert.equal(batch.status, 2);
  assert.match(batch.stderr, /usage: npx descent train/);
  assert.match(batch.stderr, /--batch 100000 is more than the 8000 training images/);
});

test("--init says that the model's own layers and activation are used, when other ones were asked for", () => {
  const model = path.join(dir, "init.json");
  saveModel(createNetwork([784, 20, 10], { seed: 1 }), model);
  const result = run([...quick, "--init", model, "--layers", "784,16,16,10", "--activation", "relu"]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(
    result.stderr,
    /note: --layers, --activation are not used with --init: training goes on from .*init\.json's own 784-20-10 sigmoid network/,
  );
});

test("--data mnist looks in the project's data/mnist from any folder", () => {
  const mnist = path.join(root, "data", "mnist");
  const hasMnist = ["train-images-idx3-ubyte", "train-images-idx3-ubyte.gz"].some((f) =>
    fs.existsSync(path.join(mnist, f)),
  );
  const result = run(["--data", "mnist", "--epochs", "1", "--train-size", "100"], os.tmpdir());
  if (hasMnist) assert.equal(result.status, 0, result.stderr);
  else
    assert.match(
      result.stderr,
      new RegExp(`${mnist.replace(/[/.]/g, "\\$&")}/train-images-idx3-ubyte\\(\\.gz\\) does not exist`),
    );
});

test("a damaged kernel.wasm is one sentence saying to rebuild, not a CompileError", () => {
  // A copy of the built project whose kernel is damaged.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "descent-wasm-"));
  fs.cpSync(path.join(root, "dist"), path.join(copy, "dist"), { recursive: true });
  fs.cpSync(path.join(root, "bin"), path.join(copy, "bin"), { recursive: true });
  fs.copyFileSync(path.join(root, "package.json"), path.join(copy, "package.json"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
  // Both builds (src/engines/fast/wasmModule.ts): a damaged relaxed one is passed over for the plain one, which is then needed.
  for (const kernel of ["kernel.wasm", "kernel-relaxed.wasm"])
    fs.writeFileSync(path.join(copy, "dist", kernel), "not wasm");
  const result = spawnSync(process.execPath, [path.join(copy, "bin", "descent.js"), "train", ...quick], {
    encoding: "utf8",
  });
  assert.equal(result.status, 1, result.stderr);
  assert.match(
    result.stderr,
    /the fast engine's kernel .*kernel\.wasm is damaged .*run `npm run build` to compile it again/,
  );
  noStack(result.stderr);
  fs.rmSync(copy, { recursive: true, force: true });
});

test("a second Ctrl-C while stopping and saving does not lose the trained model", async () => {
  const model = path.join(dir, "twice.json");
  const child = spawn(process.execPath, [bin, "train", "--layers", "784,100,10", "--epochs", "1000", "--save", model], {
    cwd: dir,
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout.on("data", () => {});
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (/epoch 1:/.test(stderr)) {
        clearInterval(poll);
        resolve();
      }
    }, 20);
  });
  child.kill("SIGINT");
  // The second as soon as the first is acknowledged: while training stops and the model is written.
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (/stopping now/.test(stderr)) {
        clearInterval(poll);
        resolve();
      }
    }, 1);
  });
  child.kill("SIGINT");
  const status = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  assert.equal(status, 130, stderr);
  assert.match(stderr, /saved the model of epoch \d+ to/);
  assert.deepEqual(loadModel(model).sizes, [784, 100, 10]);
});
