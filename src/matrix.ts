import { InputError } from "./errors/learnerError";
import { checkWholeNumber } from "./errors/validate";

/**
 * A matrix stored as one flat Float64Array, row-major: the entry in row j, column k is data[j * cols + k].
 * In a network, weights[l] has one row per neuron of layer l+1 and one column per neuron of layer l, so the
 * weight from neuron k of layer l to neuron j of layer l+1 is at data[j * cols + k] (network.ts says how
 * weights[l] maps to the lessons' w^{l+1}).
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  checkWholeNumber("a matrix's number of rows", rows, 1);
  checkWholeNumber("a matrix's number of columns", cols, 1);
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** The entry in row j, column k. */
export function entry(m: Matrix, j: number, k: number): number {
  if (!Number.isInteger(j) || !Number.isInteger(k) || j < 0 || k < 0 || j >= m.rows || k >= m.cols) {
    throw new InputError(
      `entry (${j}, ${k}) is not in this ${m.rows}×${m.cols} matrix; ` +
        `its rows are 0..${m.rows - 1} and its columns 0..${m.cols - 1}`,
    );
  }
  return m.data[j * m.cols + k];
}

/** The matrix as nested arrays, m[j][k]: for display and for saving as JSON. */
export function toRows(m: Matrix): number[][] {
  const rows: number[][] = [];
  for (let j = 0; j < m.rows; j++) rows.push(Array.from(m.data.subarray(j * m.cols, (j + 1) * m.cols)));
  return rows;
}

/** out = m · v (out has m.rows entries, v has m.cols). */
export function matVec(m: Matrix, v: ArrayLike<number>, out: Float64Array): Float64Array {
  checkProductShapes("matVec(m, v, out) computes m · v", m.rows, m.cols, m, v, out);
  const { rows, cols, data } = m;
  for (let j = 0; j < rows; j++) {
    let sum = 0;
    const row = j * cols;
    for (let k = 0; k < cols; k++) sum += data[row + k] * v[k];
    out[j] = sum;
  }
  return out;
}

/** out = mᵀ · v (out has m.cols entries, v has m.rows): (mᵀv)_k = Σ_j m_jk v_j, the summed wishes of BP2. */
export function matTVec(m: Matrix, v: ArrayLike<number>, out: Float64Array): Float64Array {
  checkProductShapes("matTVec(m, v, out) computes mᵀ · v", m.cols, m.rows, m, v, out);
  const { rows, cols, data } = m;
  out.fill(0);
  for (let j = 0; j < rows; j++) {
    const vj = v[j];
    const row = j * cols;
    for (let k = 0; k < cols; k++) out[k] += data[row + k] * vj;
  }
  return out;
}

/** The one shape check of both products: a product with `rows` rows and `cols` columns takes `cols` values into `rows`. */
function checkProductShapes(
  what: string,
  rows: number,
  cols: number,
  m: Matrix,
  v: ArrayLike<number>,
  out: Float64Array,
): void {
  if (v?.length === cols && out?.length === rows) return;
  throw new InputError(
    `${what}: for this ${m.rows}×${m.cols} matrix, v needs ${cols} values and out ${rows}; ` +
      `got ${v?.length ?? String(v)} and ${out?.length ?? String(out)}`,
  );
}
