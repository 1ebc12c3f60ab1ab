import { test } from "node:test";
import assert from "node:assert/strict";
import { entry, matTVec, matVec, toRows, zeros } from "../src/matrix";
import { createRandom } from "../src/random";
import { InputError } from "../src/errors/learnerError";

/** A rows×cols matrix from nested arrays, row by row. */
const matrix = (rows: number[][]) => ({
  rows: rows.length,
  cols: rows[0].length,
  data: Float64Array.from(rows.flat()),
});

test("a matrix is row-major: row j, column k is data[j * cols + k]", () => {
  const m = matrix([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.equal(entry(m, 0, 2), 3);
  assert.equal(entry(m, 1, 0), 4);
  assert.deepEqual(toRows(m), [
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const z = zeros(2, 3);
  assert.deepEqual([z.rows, z.cols, Array.from(z.data)], [2, 3, [0, 0, 0, 0, 0, 0]]);
});

test("m · v and mᵀ · v by hand", () => {
  const m = matrix([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.deepEqual(Array.from(matVec(m, [1, 0, -1], new Float64Array(2))), [1 - 3, 4 - 6]);
  // (mᵀv)_k = Σ_j m_jk v_j: the column sums weighted by v.
  assert.deepEqual(Array.from(matTVec(m, [1, 10], new Float64Array(3))), [1 + 40, 2 + 50, 3 + 60]);
});

test("mᵀ · v is m's transpose times v, on random matrices (and `out` is overwritten, not added to)", () => {
  const random = createRandom(3);
  for (let trial = 0; trial < 20; trial++) {
    const rows = 1 + random.int(6),
      cols = 1 + random.int(6);
    const m = zeros(rows, cols);
    m.data.forEach((_, i) => {
      m.data[i] = random.normal();
    });
    const t = zeros(cols, rows);
    for (let j = 0; j < rows; j++) for (let k = 0; k < cols; k++) t.data[k * rows + j] = entry(m, j, k);
    const v = Array.from({ length: rows }, () => random.normal());
    const out = new Float64Array(cols).fill(99);
    const byTranspose = matVec(t, v, new Float64Array(cols));
    matTVec(m, v, out).forEach((x, k) => assert.ok(Math.abs(x - byTranspose[k]) < 1e-12, `${rows}×${cols}, k = ${k}`));
  }
});

test("a product of mismatched shapes, an entry outside the matrix or a matrix of no rows is one sentence", () => {
  const m = zeros(2, 3);
  const refused = (pattern: RegExp) => (e: unknown) => e instanceof InputError && pattern.test(e.message);
  assert.throws(() => matVec(m, [1, 2, 3], new Float64Array(3)), refused(/v needs 3 values and out 2; got 3 and 3/));
  assert.throws(() => matTVec(m, [1, 2], new Float64Array(2)), refused(/v needs 2 values and out 3; got 2 and 2/));
  assert.throws(() => entry(m, 0, 3), refused(/entry \(0, 3\) is not in this 2×3 matrix/));
  assert.throws(() => entry(m, -1, 0), refused(/entry \(-1, 0\)/));
  assert.throws(() => zeros(2, 1.5), refused(/number of columns must be a whole number of at least 1; got 1.5/));
});
