import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { labelCounts } from "../../src/data/dataset";
import { DataError, hasIdxFiles, idxFileNames, idxImagesBytes, idxLabelsBytes, loadIdxDirectory, loadIdxPair, readIdxImages, readIdxLabels } from "../../src/data/idx";
import { mnistDirectory } from "../../src/data/places";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-idx-"));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

const pixels = Uint8Array.from({ length: 3 * 5 * 4 }, (_, i) => (i * 7) % 256);
const images = { count: 3, rows: 5, cols: 4, pixels };
const labels = Uint8Array.from([7, 0, 9]);
const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

const isDataError = (kind: string, file: RegExp) => (e: unknown) => {
  assert.ok(e instanceof DataError, `expected a DataError, got ${e}`);
  assert.equal(e.kind, kind);
  assert.match(e.message, file);
  return true;
};

test("plain and gzipped IDX files round-trip exactly", () => {
  for (const gz of [false, true]) {
    const wrap = (b: Uint8Array) => (gz ? gzipSync(b) : b);
    const im = write(`im${gz}.idx`, wrap(idxImagesBytes(images)));
    const lb = write(`lb${gz}.idx`, wrap(idxLabelsBytes(labels)));
    const back = readIdxImages(im);
    assert.deepEqual([back.count, back.rows, back.cols], [3, 5, 4]);
    assert.deepEqual(back.pixels, pixels);
    assert.deepEqual(readIdxLabels(lb), labels);
    const set = loadIdxPair(im, lb, "tiny");
    assert.equal(set.count, 3);
    assert.deepEqual(set.labels, labels);
  }
});

test("each kind of broken file gets its own error naming the file", () => {
  const good = idxImagesBytes(images);
  assert.throws(() => readIdxImages(write("truncated", good.subarray(0, good.length - 5))), isDataError("truncated", /truncated.*promises 3 images of 5x4/));
  assert.throws(() => readIdxImages(write("tiny-header", good.subarray(0, 6))), isDataError("truncated", /tiny-header/));
  assert.throws(() => readIdxImages(write("truncated.gz", gzipSync(good).subarray(0, 30))), isDataError("corrupt-gzip", /truncated.gz is a damaged gzip file/));
  const corrupt = Uint8Array.from(gzipSync(good));
  corrupt[20] ^= 0xff;
  corrupt[21] ^= 0xff;
  assert.throws(() => readIdxImages(write("corrupt.gz", corrupt)), isDataError("corrupt-gzip", /corrupt.gz/));
  assert.throws(() => readIdxImages(write("labels-as-images", idxLabelsBytes(labels))), isDataError("magic", /magic number is 0x00000801, expected 0x00000803/));
  const lb = write("two-labels", idxLabelsBytes(labels.subarray(0, 2)));
  assert.throws(() => loadIdxPair(write("three-images", good), lb, "x"), isDataError("count-mismatch", /3 images but .*two-labels holds 2 labels/));
  assert.throws(() => loadIdxPair(write("5x4", good), write("3labels", idxLabelsBytes(labels)), "x", [28, 28]), isDataError("wrong-size", /5x4 images but 28x28 are needed/));
  assert.throws(() => readIdxLabels(path.join(dir, "nope")), isDataError("missing", /nope does not exist; download MNIST with `npm run data -- mnist`/));
});

test("a folder with the four standard names loads as train and test, plain or .gz", () => {
  const folder = fs.mkdtempSync(path.join(dir, "set-"));
  fs.writeFileSync(path.join(folder, idxFileNames.trainImages + ".gz"), gzipSync(idxImagesBytes(images)));
  fs.writeFileSync(path.join(folder, idxFileNames.trainLabels), idxLabelsBytes(labels));
  fs.writeFileSync(path.join(folder, idxFileNames.testImages), idxImagesBytes({ ...images, count: 1, pixels: pixels.subarray(0, 20) }));
  assert.throws(() => loadIdxDirectory(folder), isDataError("missing", /t10k-labels-idx1-ubyte\(\.gz\) does not exist/));
  assert.equal(hasIdxFiles(folder), false, "three of four files are not a data set");
  assert.equal(hasIdxFiles(fs.mkdtempSync(path.join(dir, "empty-"))), false, "an empty folder (a failed download) is not one");
  fs.writeFileSync(path.join(folder, idxFileNames.testLabels + ".gz"), gzipSync(idxLabelsBytes(labels.subarray(2))));
  assert.equal(hasIdxFiles(folder), true);
  const { train, test: testSet } = loadIdxDirectory(folder);
  assert.equal(train.count, 3);
  assert.equal(testSet.count, 1);
  assert.equal(testSet.labels[0], 9);
});

// Where `npm run data -- mnist` puts it, or another copy named by DESCENT_MNIST_DIR.
const mnistDir = process.env.DESCENT_MNIST_DIR || mnistDirectory();
test("full MNIST, when present: 60,000 + 10,000 images of 28x28 with the published label counts", { skip: !hasIdxFiles(mnistDir) && `no MNIST in ${mnistDir} (npm run data -- mnist)` }, () => {
  const { train, test: testSet } = loadIdxDirectory(mnistDir);
  assert.deepEqual([train.count, train.rows, train.cols, testSet.count], [60000, 28, 28, 10000]);
  assert.deepEqual(labelCounts(train), [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
  assert.deepEqual(labelCounts(testSet), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
});

test("a damaged plain file beside a good .gz (a download unpacked half-way) loads from the .gz; two damaged copies name the plain one", () => {
  const folder = fs.mkdtempSync(path.join(dir, "half-"));
  const whole = idxImagesBytes(images);
  for (const [name, bytes] of [[idxFileNames.trainImages, whole], [idxFileNames.trainLabels, idxLabelsBytes(labels)],
    [idxFileNames.testImages, whole], [idxFileNames.testLabels, idxLabelsBytes(labels)]] as const) {
    fs.writeFileSync(path.join(folder, name + ".gz"), gzipSync(bytes));
  }
  fs.writeFileSync(path.join(folder, idxFileNames.trainImages), whole.subarray(0, 30)); // truncated
  assert.equal(loadIdxDirectory(folder).train.count, 3);
  fs.writeFileSync(path.join(folder, idxFileNames.trainImages + ".gz"), gzipSync(whole.subarray(0, 30)));
  assert.throws(() => loadIdxDirectory(folder), isDataError("truncated", /half-\w+\/train-images-idx3-ubyte is truncated/));
});
