import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { codeRegion } from "../../src/text/codeRegion";

const root = path.join(__dirname, "..", "..", "..");

test("codeRegion returns the lines between the region's markers, without their common indentation", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "region-")), "a.ts");
  fs.writeFileSync(
    file,
    "x\n  // #region two\n  const a = 1;\n    if (a) b();\n  // #endregion\n  // #region other\nz\n  // #endregion\n",
  );
  assert.equal(codeRegion(file, "two"), "const a = 1;\n  if (a) b();");
  assert.equal(codeRegion(file, "other"), "z");
});

test("codeRegion: a missing region or file is one sentence naming it", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "region-")), "a.ts");
  fs.writeFileSync(file, "// #region open\nno end\n");
  assert.throws(() => codeRegion(file, "open"), /has no region "open"/);
  assert.throws(() => codeRegion(file, "absent"), /has no region "absent"/);
  assert.throws(() => codeRegion(file + ".missing", "x"), /does not exist/);
});

test("the regions lesson 09 shows are in the library: L2's decay, the step that applies it, annealing", () => {
  assert.match(
    codeRegion(path.join(root, "src", "training", "options.ts"), "l2"),
    /1 - \(eta \* lambda\) \/ trainingImages/,
  );
  assert.match(
    codeRegion(path.join(root, "src", "engines", "readable.ts"), "step"),
    /decay \* w\[i\] - rate \* nw\[i\]/,
  );
  assert.match(
    codeRegion(path.join(root, "src", "training", "options.ts"), "anneal"),
    /etaFinal \/ eta\) \*\* \(\(epoch - 1\)/,
  );
});

test("the region lesson 06 shows is backprop's four equations, as the library runs them", () => {
  const bp = codeRegion(path.join(root, "src", "backprop.ts"), "bp");
  for (const equation of ["BP1", "BP2", "BP3 and BP4"]) assert.match(bp, new RegExp(`// ${equation}`));
  assert.match(bp, /matTVec\(net\.weights\[l\], delta, ws\.dCdA\[l\]\)/);
  assert.doesNotMatch(bp, /#region|#endregion/);
});
