import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ModelError, fromJson, loadModel, saveModel, toJson } from "../../src/io/model";
import { createNetwork, outputOf } from "../../src/network";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "descent-model-"));

test("a saved model loads back exactly: same sizes, activation, every weight and bias bit for bit", () => {
  const dir = tempDir();
  const net = createNetwork([784, 16, 16, 10], { activation: "relu", seed: 4 });
  const file = path.join(dir, "model.json");
  saveModel(net, file);
  const back = loadModel(file);
  assert.deepEqual(back.sizes, net.sizes);
  assert.equal(back.activation.name, "relu");
  back.weights.forEach((w, l) => assert.deepEqual(w.data, net.weights[l].data));
  back.biases.forEach((b, l) => assert.deepEqual(b, net.biases[l]));
  const x = new Array(784).fill(0.5);
  assert.deepEqual(outputOf(back, x), outputOf(net, x));
});

test("the JSON is { sizes, activation, weights: w[l][j][k], biases: b[l][j] }", () => {
  const net = createNetwork([3, 2], { seed: 1 });
  const json = toJson(net);
  assert.deepEqual(Object.keys(json), ["sizes", "activation", "weights", "biases"]);
  assert.equal(json.weights[0].length, 2);
  assert.equal(json.weights[0][1].length, 3);
  assert.equal(json.weights[0][1][2], net.weights[0].data[1 * 3 + 2]);
});

test("a model whose shapes do not match its sizes, or that is not JSON, is refused with the reason", () => {
  const good = toJson(createNetwork([3, 2], { seed: 1 }));
  assert.throws(
    () => fromJson({ ...good, sizes: [4, 2] }),
    /weights\[0\] must be 2 rows of 4 numbers to match sizes \[4,2\]/,
  );
  assert.throws(() => fromJson({ ...good, biases: [[1]] }), /biases\[0\] must hold 2 numbers/);
  assert.throws(() => fromJson({ ...good, weights: [] }), /"weights" must hold 1 matrices/);
  assert.throws(() => fromJson({ ...good, activation: "tanh" }), /unknown activation "tanh"/);
  assert.throws(() => fromJson([1, 2]), /no "sizes" list/);
  const dir = tempDir();
  const file = path.join(dir, "broken.json");
  fs.writeFileSync(file, "{ not json");
  assert.throws(
    () => loadModel(file),
    (e: unknown) => e instanceof ModelError && /broken.json is not a model: it is not valid JSON/.test(e.message),
  );
  assert.throws(() => loadModel(path.join(dir, "missing.json")), /there is no model file at .*missing.json/);
});

test("saving over an existing model replaces it whole and leaves no temporary file", () => {
  const dir = tempDir();
  const file = path.join(dir, "model.json");
  saveModel(createNetwork([3, 2], { seed: 1 }), file);
  saveModel(createNetwork([3, 4, 2], { seed: 2 }), file);
  assert.deepEqual(loadModel(file).sizes, [3, 4, 2]);
  assert.deepEqual(fs.readdirSync(dir), ["model.json"]);
});

test("a weight or bias that is not a finite number is refused on load, naming where it is", () => {
  const good = toJson(createNetwork([3, 2], { seed: 1 }));
  for (const bad of [null, "0.5", true, [1], 1e999, undefined]) {
    const weights = good.weights.map((w) => w.map((row) => [...row]));
    weights[0][1][2] = bad as number;
    assert.throws(
      () => fromJson({ ...good, weights }),
      /weights\[0\]\[1\]\[2\] is .*, not a finite number/,
      String(bad),
    );
    const biases = good.biases.map((b) => [...b]);
    biases[0][1] = bad as number;
    assert.throws(() => fromJson({ ...good, biases }), /biases\[0\]\[1\] is .*, not a finite number/, String(bad));
  }
});

test("a diverged network is not saved: one sentence, and the file saved before stays as it was", () => {
  const dir = tempDir();
  const file = path.join(dir, "model.json");
  saveModel(createNetwork([3, 2], { seed: 1 }), file);
  const before = fs.readFileSync(file, "utf8");
  for (const bad of [NaN, Infinity]) {
    const net = createNetwork([3, 2], { seed: 2 });
    net.weights[0].data[4] = bad;
    assert.throws(
      () => saveModel(net, file),
      (e: unknown) =>
        e instanceof ModelError &&
        /nothing was saved .*not all finite numbers \(training diverged\); train again with a lower learning rate/.test(
          e.message,
        ),
    );
  }
  assert.equal(fs.readFileSync(file, "utf8"), before);
});

test("a file far too large to be a model is refused before it is read", () => {
  const dir = tempDir();
  const file = path.join(dir, "huge.json");
  fs.writeFileSync(file, "");
  fs.truncateSync(file, 65 * 1024 * 1024 + 1);
  assert.throws(() => loadModel(file), /huge\.json is 65 MB, too large for a model \(at most 64 MB/);
});
