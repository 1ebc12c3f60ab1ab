import { Layer } from "./layer";
import { flush, sum1 } from "./simd";

/** Cost functions, by number (src/engines/fast/kernel.ts's costCode gives the same numbers). */
export const QUADRATIC = 0;

/**
 * The output layer against the desired outputs y (1 for the label's neuron, 0 for the others), for examples
 * i0..i1: each one's cost, and whether the network got it right (the brightest output neuron, the first one on a
 * tie), go to results[2 + 2i] and results[3 + 2i] (f64, for addUp); and with `withDelta`, BP1's output error
 * δ^L = ∂C/∂a ⊙ σ'(z): 2(a − y)·σ'(z) for the quadratic cost C = Σ (a − y)² (σ'(z) waits in the error buffer,
 * from the forward pass), and a − y for cross-entropy.
 */
export function outputError(L: Layer, i0: i32, i1: i32, labels: usize, cost: i32, withDelta: bool, results: usize): void {
  const outBytes = <usize>L.pOut << 2;
  for (let i = i0; i < i1; i++) {
    const a = L.output + <usize>i * outBytes, delta = L.delta + <usize>i * outBytes;
    const label = <i32>load<u8>(labels + <usize>i);
    let best = 0;
    for (let j = 1; j < L.nOut; j++) if (load<f32>(a + (<usize>j << 2)) > load<f32>(a + (<usize>best << 2))) best = j;
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
    const example = results + 16 + (<usize>i << 4);
    store<f64>(example, cost == QUADRATIC ? <f64>sum1(squares) : crossEntropy(a, L.nOut, label));
    store<f64>(example, best == label ? 1 : 0, 8);
  }
}

/** results[0] = the batch's summed cost, results[1] = how many it got right, from outputError's per example,
 *  added in the examples' order (so the sum is the same however many threads computed them). */
export function addUp(results: usize, m: i32): void {
  let total: f64 = 0, correct: f64 = 0;
  for (let i = 0; i < m; i++) {
    total += load<f64>(results + 16 + (<usize>i << 4));
    correct += load<f64>(results + 24 + (<usize>i << 4));
  }
  store<f64>(results, total);
  store<f64>(results, correct, 8);
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
