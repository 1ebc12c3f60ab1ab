import { Layer } from "./layer";
import { exp4, flush, madd, sum4 } from "./simd";

/**
 * The forward pass through one layer for examples i0..i1 of the batch (every thread its own, see together.ts),
 * the matrix form of a = σ(w·a + b). The lesson
 * writes Z = W·A + b with one column per example; here each example is a row, so it reads
 *   Z^{l+1} = A^l · (w^l)ᵀ + b,   A^{l+1} = σ(Z^{l+1})
 * Each z_ij is a dot product of weight row j with activation row i, four lanes at a time. To reuse every
 * load, the loop takes 4 neurons (one panel, see layer.ts) × 2 examples at once: per group of 4 inputs,
 * 4 weight and 2 activation loads feed 8 running sums.
 */
export function forward(L: Layer, i0: i32, i1: i32, relu: bool): void {
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2;
  for (let j = 0; j < L.pOut; j += 4) {
    const panel = L.weights + <usize>j * inBytes;
    const b = v128.load(L.biases + (<usize>j << 2));
    let i = i0;
    for (; i + 2 <= i1; i += 2) {
      const a0 = L.input + <usize>i * inBytes, a1 = a0 + inBytes;
      let s00 = f32x4.splat(0), s10 = f32x4.splat(0), s20 = f32x4.splat(0), s30 = f32x4.splat(0);
      let s01 = f32x4.splat(0), s11 = f32x4.splat(0), s21 = f32x4.splat(0), s31 = f32x4.splat(0);
      let w = panel;
      for (let k: usize = 0; k < inBytes; k += 16, w += 64) {
        const x0 = v128.load(a0 + k), x1 = v128.load(a1 + k);
        let wj = v128.load(w);
        s00 = madd(wj, x0, s00); s01 = madd(wj, x1, s01);
        wj = v128.load(w, 16);
        s10 = madd(wj, x0, s10); s11 = madd(wj, x1, s11);
        wj = v128.load(w, 32);
        s20 = madd(wj, x0, s20); s21 = madd(wj, x1, s21);
        wj = v128.load(w, 48);
        s30 = madd(wj, x0, s30); s31 = madd(wj, x1, s31);
      }
      const z = L.output + <usize>i * outBytes + (<usize>j << 2);
      v128.store(z, f32x4.add(sum4(s00, s10, s20, s30), b));
      v128.store(z + outBytes, f32x4.add(sum4(s01, s11, s21, s31), b));
    }
    if (i < i1) { // the last example of an odd number
      const a0 = L.input + <usize>i * inBytes;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      let w = panel;
      for (let k: usize = 0; k < inBytes; k += 16, w += 64) {
        const x0 = v128.load(a0 + k);
        s0 = madd(v128.load(w), x0, s0);
        s1 = madd(v128.load(w, 16), x0, s1);
        s2 = madd(v128.load(w, 32), x0, s2);
        s3 = madd(v128.load(w, 48), x0, s3);
      }
      v128.store(L.output + <usize>i * outBytes + (<usize>j << 2), f32x4.add(sum4(s0, s1, s2, s3), b));
    }
  }
  activate(L, i0, i1, relu);
}

/**
 * A = σ(Z) (or ReLU) in place, for examples i0..i1. Backprop will need σ'(z) for every neuron (BP1, BP2), and
 * it is most accurate now, while z is known: with e = e^(−z), σ = 1/(1 + e) and σ' = e/(1 + e)² = e·σ²,
 * which stays exact where σ rounds to 1 and 1 − σ would be 0. It waits in the error buffer Δ, which
 * backprop then multiplies by ∂C/∂a. Pad neurons are set back to 0 so they never pass anything on.
 * Only neurons j0..j1 (multiples of 4) when given: the input layer's threads share its neurons (kernel.ts).
 */
export function activate(L: Layer, i0: i32, i1: i32, relu: bool, j0: usize = 0, j1: usize = <usize>L.pOut): void {
  const outBytes = <usize>L.pOut << 2;
  for (let i = i0; i < i1; i++) {
    const row = <usize>i * outBytes;
    for (let p = row + (j0 << 2); p < row + (j1 << 2); p += 16) {
      const z = v128.load(L.output + p);
      if (relu) {
        v128.store(L.output + p, f32x4.pmax(z, f32x4.splat(0))); // z < 0 ? 0 : z, which keeps a NaN
        v128.store(L.delta + p, v128.and(f32x4.gt(z, f32x4.splat(0)), f32x4.splat(1)));
      } else {
        // Beyond ±70, σ(z) is 1 in f32 or below 1e-30 (flushed to 0 below), so z is clamped there: that keeps
        // e and the quotients away from subnormal numbers (see flush in simd.ts).
        // (pmin and pmax are single instructions; min and max take several, to order NaNs and zeros.)
        const e = exp4(f32x4.neg(f32x4.pmax(f32x4.pmin(z, f32x4.splat(70)), f32x4.splat(-70))));
        const a = f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), e));
        v128.store(L.output + p, flush(a));
        v128.store(L.delta + p, flush(f32x4.mul(e, f32x4.mul(a, a))));
      }
    }
    for (let j = max(<usize>L.nOut, j0); j < j1; j++) { // pad neurons
      store<f32>(L.output + row + (j << 2), 0);
      store<f32>(L.delta + row + (j << 2), 0);
    }
  }
}
