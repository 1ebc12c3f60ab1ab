import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { placePlotly, plotlyFileName, plotlySource } from "../../src/plot/plotlyFile";

test("plotly.js is put beside a notebook once, and replaced when it differs from the package's", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "descent-plotly-"));
  const target = placePlotly(folder);
  assert.equal(target, path.join(folder, plotlyFileName));
  assert.ok(fs.readFileSync(target).equals(fs.readFileSync(plotlySource())));
  const inode = fs.statSync(target).ino;
  placePlotly(folder);
  assert.equal(fs.statSync(target).ino, inode, "an up-to-date copy is left alone");
  fs.writeFileSync(target, "half a file");
  placePlotly(folder);
  assert.equal(fs.statSync(target).size, fs.statSync(plotlySource()).size, "a stale or broken copy is replaced");
  assert.deepEqual(fs.readdirSync(folder), [plotlyFileName], "no temporary file is left behind");
  fs.rmSync(folder, { recursive: true });
});
