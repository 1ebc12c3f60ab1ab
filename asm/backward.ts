import { Layer } from "./layer";
import { flush, madd, sum4 } from "./simd";
import { SET, STEP, stepBiases, stepHalfTile, stepTile } from "./step";

/**
 * BP2, the matrix form of δ^l = ((w^l)ᵀ δ^{l+1}) ⊙ σ'(z^l), for examples i0..i1 (thread t's, see together.ts):
 *   Δ^l = (Δ^{l+1} · w^l) ⊙ σ'(Z^l)          (one row per example)
 * δ^l_k = Σ_j w_jk δ^{l+1}_j is a forward pass through (w^l)ᵀ, so it is computed as forward.ts does: the panels
 * of 4 rows of wᵀ (copied from w first, by each thread into its own copy, below) against 2 examples' errors at
 * once, 8 running sums, whose lanes then add up (sum4). σ'(Z^l) is already in Δ^l, left by the forward pass.
 */
export function backward(L: Layer, i0: i32, i1: i32, t: i32): void {
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2;
  const transposed = L.transposed + <usize>t * <usize>L.pOut * inBytes;
  transpose(L, transposed);
  for (let k: usize = 0; k < <usize>L.pIn; k += 4) {
    const panel = transposed + k * outBytes, end = panel + (outBytes << 2);
    let i = i0;
    for (; i + 2 <= i1; i += 2) {
      const d0 = L.delta + <usize>i * outBytes, d1 = d0 + outBytes;
      let s00 = f32x4.splat(0), s10 = f32x4.splat(0), s20 = f32x4.splat(0), s30 = f32x4.splat(0);
      let s01 = f32x4.splat(0), s11 = f32x4.splat(0), s21 = f32x4.splat(0), s31 = f32x4.splat(0);
      for (let w = panel, j: usize = 0; w < end; w += 64, j += 16) {
        const x0 = v128.load(d0 + j), x1 = v128.load(d1 + j);
        let wk = v128.load(w);
        s00 = madd(wk, x0, s00); s01 = madd(wk, x1, s01);
        wk = v128.load(w, 16);
        s10 = madd(wk, x0, s10); s11 = madd(wk, x1, s11);
        wk = v128.load(w, 32);
        s20 = madd(wk, x0, s20); s21 = madd(wk, x1, s21);
        wk = v128.load(w, 48);
        s30 = madd(wk, x0, s30); s31 = madd(wk, x1, s31);
      }
      const e0 = L.deltaIn + <usize>i * inBytes + (k << 2), e1 = e0 + inBytes;
      v128.store(e0, flush(f32x4.mul(sum4(s00, s10, s20, s30), v128.load(e0))));
      v128.store(e1, flush(f32x4.mul(sum4(s01, s11, s21, s31), v128.load(e1))));
    }
    if (i < i1) { // the last example of an odd number
      const d0 = L.delta + <usize>i * outBytes;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let w = panel, j: usize = 0; w < end; w += 64, j += 16) {
        const x0 = v128.load(d0 + j);
        s0 = madd(v128.load(w), x0, s0); s1 = madd(v128.load(w, 16), x0, s1);
        s2 = madd(v128.load(w, 32), x0, s2); s3 = madd(v128.load(w, 48), x0, s3);
      }
      const e0 = L.deltaIn + <usize>i * inBytes + (k << 2);
      v128.store(e0, flush(f32x4.mul(sum4(s0, s1, s2, s3), v128.load(e0))));
    }
  }
}

/**
 * (w^l)ᵀ, in panels of 4 rows as layer.ts lays out w, into `transposed`: each 4 × 4 block of w (rows j..j+3, columns
 * k..k+3) becomes the block of wᵀ at rows k..k+3, columns j..j+3, transposed by shuffles.
 */
function transpose(L: Layer, transposed: usize): void {
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2;
  for (let k: usize = 0; k < <usize>L.pIn; k += 4) {
    let from = L.weights + (k << 4), to = transposed + k * outBytes;
    for (let j: usize = 0; j < <usize>L.pOut; j += 4, from += inBytes << 2, to += 64) {
      const r0 = v128.load(from), r1 = v128.load(from, 16), r2 = v128.load(from, 32), r3 = v128.load(from, 48);
      const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5), t1 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
      const t2 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5), t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
      v128.store(to, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5));
      v128.store(to, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7), 16);
      v128.store(to, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5), 32);
      v128.store(to, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7), 48);
    }
  }
}

/**
 * BP3 and BP4 for the whole batch, summed over its examples, and the step along them, for the neurons of
 * panels p0..p1 (rows 4·p0..4·p1 of w^l):
 *   ∇w = (Δ^{l+1})ᵀ · A^l   (∂C/∂w_jk = Σ_i δ_ij a_ik),   ∇b = the column sums of Δ^{l+1}
 *   w ← decay · w + c · ∇w,  b ← b + c · ∇b          (to step, c = −eta/m)
 * The errors are already times c (step.ts's scaleErrors), so the sums come out scaled. The loop takes a tile of
 * 4 rows × 8 columns of ∇w at a time (two 4 × 4 blocks of a panel; step.ts's stepTile) and runs down the batch: per example,
 * 2 activation loads and 4 broadcast errors make 8 products, and the 8 sums stay in registers.
 */
export function update(L: Layer, m: i32, decay: f32, mode: i32, p0: i32, p1: i32): void {
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2, j0 = <usize>p0 << 2, j1 = <usize>p1 << 2;
  const kept: f32 = mode == STEP ? decay : 1, keep = f32x4.splat(kept), set = mode == SET, whole = kept == 1;
  const target = mode == STEP ? L.weights : L.nablaW;
  let k: usize = 0;
  for (; k + 32 <= inBytes; k += 32) {
    for (let j = j0; j < j1; j += 4) {
      const w = target + j * inBytes + (k << 2);
      stepTile(L.input + k, L.delta + (j << 2), m, inBytes, outBytes, w, w + 64, keep, set, whole);
    }
  }
  if (k < inBytes) { // a last group of 4 columns, when pIn is not a multiple of 8
    for (let j = j0; j < j1; j += 4) {
      stepHalfTile(L.input + k, L.delta + (j << 2), m, inBytes, outBytes, target + j * inBytes + (k << 2), keep, set, whole);
    }
  }
  stepBiases(L, m, mode, j0, j1);
}

/**
 * The step for a batch whose gradient was summed in parts into nablaW and nablaB (already times −eta/m):
 *   w ← decay · w + nablaW,  b ← b + nablaB
 */
export function applyGradient(L: Layer, decay: f32): void {
  const keep = f32x4.splat(decay);
  const weightBytes = <usize>L.pOut * (<usize>L.pIn << 2);
  for (let p: usize = 0; p < weightBytes; p += 16) {
    v128.store(L.weights + p, f32x4.add(f32x4.mul(keep, v128.load(L.weights + p)), v128.load(L.nablaW + p)));
  }
  for (let p: usize = 0; p < (<usize>L.pOut << 2); p += 16) {
    v128.store(L.biases + p, f32x4.add(v128.load(L.biases + p), v128.load(L.nablaB + p)));
  }
}
