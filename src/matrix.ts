/**
 * A matrix stored as one flat Float64Array, row-major.
 * In a network, weights[l] has one row per neuron of layer l+1 and one column per neuron of layer l,
 * so the weight from neuron k of layer l to neuron j of layer l+1 (Nielsen's w^l_jk) is at data[j * cols + k].
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** The entry in row j, column k. */
export function entry(m: Matrix, j: number, k: number): number {
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
  const { rows, cols, data } = m;
  for (let j = 0; j < rows; j++) {
    let sum = 0;
    const row = j * cols;
    for (let k = 0; k < cols; k++) sum += data[row + k] * v[k];
    out[j] = sum;
  }
  return out;
}

/** out = mᵀ · v (out has m.cols entries, v has m.rows). */
export function matTVec(m: Matrix, v: ArrayLike<number>, out: Float64Array): Float64Array {
  const { rows, cols, data } = m;
  out.fill(0);
  for (let j = 0; j < rows; j++) {
    const vj = v[j];
    const row = j * cols;
    for (let k = 0; k < cols; k++) out[k] += data[row + k] * vj;
  }
  return out;
}
