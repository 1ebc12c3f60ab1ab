import { Layer } from "./layer";
import { flush, sum1 } from "./simd";

/** Cost functions, by number (src/engines/fast/kernel.ts's costCode gives the same numbers). */
export const QUADRATIC = 0;

/**
 * The output layer against the desired outputs y (1 for the label's neuron, 0 for the others): adds up the
 * cost, counts the right answers (the brightest output neuron, the first one on a tie), and when `withDelta`
 * writes BP1's output error δ^L = ∂C/∂a ⊙ σ'(z): 2(a − y)·σ'(z) for the quadratic cost C = Σ (a − y)²
 * (σ'(z) waits in the error buffer, from the forward pass), and a − y for cross-entropy.
 */
export function outputError(L: Layer, m: i32, labels: usize, cost: i32, withDelta: bool, results: usize): void {
  const outBytes = <usize>L.pOut << 2;
  let total: f64 = 0, correct = 0;
  for (let i = 0; i < m; i++) {
    const a = L.output + <usize>i * outBytes, delta = L.delta + <usize>i * outBytes;
    const label = <i32>load<u8>(labels + <usize>i);
    let best = 0;
    for (let j = 1; j < L.nOut; j++) if (load<f32>(a + (<usize>j << 2)) > load<f32>(a + (<usize>best << 2))) best = j;
    if (best == label) correct++;
    let squares = f32x4.splat(0);
    for (let j = 0; j < L.pOut; j += 4) {
      const aj = v128.load(a + (<usize>j << 2));
      const isLabel = i32x4.eq(i32x4.add(i32x4.splat(j), i32x4(0, 1, 2, 3)), i32x4.splat(label));
      const diff = f32x4.sub(aj, v128.and(isLabel, f32x4.splat(1))); // a − y
      squares = f32x4.add(squares, f32x4.mul(diff, diff));
      if (!withDelta) continue;
      v128.store(delta + (<usize>j << 2), cost == QUADRATIC
        ? flush(f32x4.mul(f32x4.add(diff, diff), v128.load(delta + (<usize>j << 2))))
        : diff);
    }
    if (cost == QUADRATIC) total += <f64>sum1(squares);
    else total += crossEntropy(a, L.nOut, label);
  }
  store<f64>(results, total);
  store<f64>(results, <f64>correct, 8);
}

/** C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)], with a kept within 1e-12 of 0 and 1 as src/cost.ts does. */
function crossEntropy(a: usize, n: i32, label: i32): f64 {
  let sum: f64 = 0;
  for (let j = 0; j < n; j++) {
    const p = Math.min(Math.max(<f64>load<f32>(a + (<usize>j << 2)), 1e-12), 1 - 1e-12);
    sum -= j == label ? Math.log(p) : Math.log(1 - p);
  }
  return sum;
}
