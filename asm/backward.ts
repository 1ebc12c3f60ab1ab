import { Layer } from "./layer";
import { flush, madd } from "./simd";
import { SET, STEP, apply } from "./step";
import { updateInput } from "./input";

/**
 * BP2 for the whole batch, the matrix form of δ^l = ((w^l)ᵀ δ^{l+1}) ⊙ σ'(z^l):
 *   Δ^l = (Δ^{l+1} · w^l) ⊙ σ'(Z^l)          (one row per example)
 * Row i of Δ^l is a sum of weight rows, each scaled by one of example i's errors δ_ij, four lanes of k at
 * a time, one panel of 4 rows per step (4 separate sums, so no addition waits for the one before).
 * σ'(Z^l) is already in Δ^l, left there by the forward pass (forward.ts).
 */
export function backward(L: Layer, m: i32): void {
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2, panelBytes = inBytes << 2;
  const panels = L.weights + <usize>L.pOut * inBytes;
  for (let i = 0; i < m; i++) {
    const deltaIn = L.deltaIn + <usize>i * inBytes;
    for (let k: usize = 0; k < inBytes; k += 16) {
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      let d = L.delta + <usize>i * outBytes;
      for (let w = L.weights + (k << 2); w < panels; w += panelBytes, d += 16) {
        s0 = madd(v128.load32_splat(d), v128.load(w), s0);
        s1 = madd(v128.load32_splat(d, 4), v128.load(w, 16), s1);
        s2 = madd(v128.load32_splat(d, 8), v128.load(w, 32), s2);
        s3 = madd(v128.load32_splat(d, 12), v128.load(w, 48), s3);
      }
      const sum = f32x4.add(f32x4.add(s0, s1), f32x4.add(s2, s3));
      v128.store(deltaIn + k, flush(f32x4.mul(sum, v128.load(deltaIn + k))));
    }
  }
}

/**
 * BP3 and BP4 for the whole batch, summed over its examples, and the step along them:
 *   ∇w = (Δ^{l+1})ᵀ · A^l   (∂C/∂w_jk = Σ_i δ_ij a_ik),   ∇b = the column sums of Δ^{l+1}
 *   w ← decay · w + c · ∇w,  b ← b + c · ∇b          (to step, c = −eta/m)
 * First the errors are multiplied by c (no one needs Δ^{l+1} after this), so the sums come out scaled.
 * Then the loop takes a tile of 4 rows × 8 columns of ∇w at a time (two 4 × 4 blocks of a panel) and runs
 * down the batch: per example, 2 activation loads and 4 broadcast errors make 8 products, and the 8 sums
 * stay in registers. For the input layer on images, `inked` takes input.ts's loop over the groups with ink.
 */
export function update(L: Layer, m: i32, c: f32, decay: f32, mode: i32, inked: bool): void {
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2;
  const scale = f32x4.splat(c), end = L.delta + <usize>m * outBytes;
  for (let d = L.delta; d < end; d += 16) v128.store(d, f32x4.mul(scale, v128.load(d)));
  if (mode == SET) { // a gradient from zero: 0 + g is g, bit for bit (a sum that starts at +0 is never −0)
    memory.fill(L.nablaW, 0, <usize>L.pOut * inBytes);
    memory.fill(L.nablaB, 0, outBytes);
  }
  const target = mode == STEP ? L.weights : L.nablaW;
  const kept: f32 = mode == STEP ? decay : 1, keep = f32x4.splat(kept);
  let k: usize = 0;
  if (inked) {
    updateInput(L, m, target, kept);
    k = inBytes;
  }
  for (; k + 32 <= inBytes; k += 32) {
    for (let j = 0; j < L.pOut; j += 4) {
      let g00 = f32x4.splat(0), g10 = f32x4.splat(0), g20 = f32x4.splat(0), g30 = f32x4.splat(0);
      let g01 = f32x4.splat(0), g11 = f32x4.splat(0), g21 = f32x4.splat(0), g31 = f32x4.splat(0);
      let a = L.input + k, d = L.delta + (<usize>j << 2);
      for (let i = 0; i < m; i++, a += inBytes, d += outBytes) {
        const x0 = v128.load(a), x1 = v128.load(a, 16);
        let dj = v128.load32_splat(d);
        g00 = madd(dj, x0, g00); g01 = madd(dj, x1, g01);
        dj = v128.load32_splat(d, 4);
        g10 = madd(dj, x0, g10); g11 = madd(dj, x1, g11);
        dj = v128.load32_splat(d, 8);
        g20 = madd(dj, x0, g20); g21 = madd(dj, x1, g21);
        dj = v128.load32_splat(d, 12);
        g30 = madd(dj, x0, g30); g31 = madd(dj, x1, g31);
      }
      const w = target + <usize>j * inBytes + (k << 2);
      apply(w, g00, keep); apply(w + 16, g10, keep);
      apply(w + 32, g20, keep); apply(w + 48, g30, keep);
      apply(w + 64, g01, keep); apply(w + 80, g11, keep);
      apply(w + 96, g21, keep); apply(w + 112, g31, keep);
    }
  }
  if (k < inBytes) { // a last group of 4 columns, when pIn is not a multiple of 8
    for (let j = 0; j < L.pOut; j += 4) {
      let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
      let a = L.input + k, d = L.delta + (<usize>j << 2);
      for (let i = 0; i < m; i++, a += inBytes, d += outBytes) {
        const x0 = v128.load(a);
        g0 = madd(v128.load32_splat(d), x0, g0);
        g1 = madd(v128.load32_splat(d, 4), x0, g1);
        g2 = madd(v128.load32_splat(d, 8), x0, g2);
        g3 = madd(v128.load32_splat(d, 12), x0, g3);
      }
      const w = target + <usize>j * inBytes + (k << 2);
      apply(w, g0, keep); apply(w + 16, g1, keep);
      apply(w + 32, g2, keep); apply(w + 48, g3, keep);
    }
  }
  // BP3: the biases, from the errors alone (L2 decay shrinks weights only).
  const biases = mode == STEP ? L.biases : L.nablaB;
  const keepB = f32x4.splat(1);
  for (let j: usize = 0; j < outBytes; j += 16) {
    let g = f32x4.splat(0);
    for (let i = 0; i < m; i++) g = f32x4.add(g, v128.load(L.delta + <usize>i * outBytes + j));
    apply(biases + j, g, keepB);
  }
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

/** nablaW ← nablaW + the other's nablaW, nablaB likewise (two threads' parts of one batch's gradient). */
export function addGradient(L: Layer, other: Layer): void {
  const weightBytes = <usize>L.pOut * (<usize>L.pIn << 2);
  for (let p: usize = 0; p < weightBytes; p += 16) {
    v128.store(L.nablaW + p, f32x4.add(v128.load(L.nablaW + p), v128.load(other.nablaW + p)));
  }
  for (let p: usize = 0; p < (<usize>L.pOut << 2); p += 16) {
    v128.store(L.nablaB + p, f32x4.add(v128.load(L.nablaB + p), v128.load(other.nablaB + p)));
  }
}
