import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// `npm run data -- mnist` without a network: one sentence, exit 1, and no empty data/mnist for lesson 08 to trip on.
const script = path.join(__dirname, "..", "..", "..", "scripts", "data.js");

test("an offline npm run data -- mnist says what to do and leaves no folder behind", () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "descent-data-"));
  const dir = path.join(parent, "mnist");
  const result = spawnSync(process.execPath, [script, "mnist", "--dir", dir, "--mirror", "http://127.0.0.1:1/"], {
    encoding: "utf8",
  });
  assert.equal(result.status, 1, result.stderr);
  assert.match(
    result.stderr,
    /^http:\/\/127\.0\.0\.1:1\/train-images-idx3-ubyte\.gz: .+\ndata: could not get train-images-idx3-ubyte\.gz: tried http:\/\/127\.0\.0\.1:1\/train-images-idx3-ubyte\.gz \(.+\)\. Check your internet connection, or download the four MNIST files by hand into .*mnist\n$/,
  );
  assert.equal(fs.existsSync(dir), false);
  fs.rmSync(parent, { recursive: true, force: true });
});
