import { Layer } from "./layer";
import { madd } from "./simd";

/** What `update` (backward.ts, input.ts) does with c · ∇ (src/engines/fast/kernel.ts passes the same numbers). */
export const STEP = 0; // w ← decay · w + c · ∇w, b ← b + c · ∇b
export const SET = 1;  // nablaW ← c · ∇w, nablaB ← c · ∇b (w and b stay)
export const ADD = 2;  // nablaW ← nablaW + c · ∇w, ... (a batch too big for one call, in parts)

/** w ← keep · w + g, g already times c (keep is decay to step, 1 to add to a gradient). */
// @ts-ignore: decorator
@inline export function apply(w: usize, g: v128, keep: v128): void {
  v128.store(w, f32x4.add(f32x4.mul(keep, v128.load(w)), g));
}

/** apply for 4 consecutive vectors; with `set` (mode SET) just nablaW ← g, and with `whole` (keep = 1, which
 *  leaves every w as it is) w ← w + g. */
// @ts-ignore: decorator
@inline export function apply4(w: usize, g0: v128, g1: v128, g2: v128, g3: v128, keep: v128, set: bool, whole: bool): void {
  if (set) {
    v128.store(w, g0); v128.store(w, g1, 16); v128.store(w, g2, 32); v128.store(w, g3, 48);
  } else if (whole) {
    v128.store(w, f32x4.add(v128.load(w), g0)); v128.store(w, f32x4.add(v128.load(w, 16), g1), 16);
    v128.store(w, f32x4.add(v128.load(w, 32), g2), 32); v128.store(w, f32x4.add(v128.load(w, 48), g3), 48);
  } else {
    apply(w, g0, keep); apply(w + 16, g1, keep); apply(w + 32, g2, keep); apply(w + 48, g3, keep);
  }
}

/**
 * Errors Δ^{l+1} times c, in the rows of examples i0..i1: so that the sums of BP3 and BP4 come out scaled. Each
 * thread scales its own examples' errors once BP2 has used them (kernel.ts).
 */
export function scaleErrors(L: Layer, i0: i32, i1: i32, c: f32): void {
  const scale = f32x4.splat(c), outBytes = <usize>L.pOut << 2, end = L.delta + <usize>i1 * outBytes;
  for (let d = L.delta + <usize>i0 * outBytes; d < end; d += 16) v128.store(d, f32x4.mul(scale, v128.load(d)));
}

/** BP3 and its step for neurons j0..j1: ∇b = Σ_i δ_ij (already times c), b ← b + ∇b, or nablaB ← nablaB + ∇b. */
export function stepBiases(L: Layer, m: i32, mode: i32, j0: usize, j1: usize): void {
  const biases = mode == STEP ? L.biases : L.nablaB, one = f32x4.splat(1), outBytes = <usize>L.pOut << 2;
  for (let j = j0; j < j1; j += 4) {
    let g = f32x4.splat(0);
    for (let i = 0; i < m; i++) g = f32x4.add(g, v128.load(L.delta + <usize>i * outBytes + (j << 2)));
    if (mode == SET) v128.store(biases + (j << 2), g);
    else apply(biases + (j << 2), g, one);
  }
}

/**
 * BP4 and its step for one tile: 4 neurons × two groups of 4 inputs, ∂C/∂w_jk = Σ_i δ_ij a_ik summed down the m
 * examples in order (δ already times c), then applied (apply4) to the two 4 × 4 blocks at w0 and w1. The tile's
 * activations start at `a` (the second group 16 bytes on), its errors at `d`; rows are inBytes and outBytes apart.
 * Per example, 2 activation loads and 4 errors spread over the lanes make 8 products; the 8 sums stay in registers.
 * (backward.ts's update, and the input layer's dense step in inputStep.ts, lay their weights out differently.)
 */
// @ts-ignore: decorator
@inline export function stepTile(
  a: usize, d: usize, m: i32, inBytes: usize, outBytes: usize, w0: usize, w1: usize, keep: v128, set: bool, whole: bool,
): void {
  let g00 = f32x4.splat(0), g10 = f32x4.splat(0), g20 = f32x4.splat(0), g30 = f32x4.splat(0);
  let g01 = f32x4.splat(0), g11 = f32x4.splat(0), g21 = f32x4.splat(0), g31 = f32x4.splat(0);
  for (let i = 0; i < m; i++, a += inBytes, d += outBytes) {
    const x0 = v128.load(a), x1 = v128.load(a, 16), ds = v128.load(d);
    let dj = i32x4.shuffle(ds, ds, 0, 0, 0, 0);
    g00 = madd(dj, x0, g00); g01 = madd(dj, x1, g01);
    dj = i32x4.shuffle(ds, ds, 1, 1, 1, 1);
    g10 = madd(dj, x0, g10); g11 = madd(dj, x1, g11);
    dj = i32x4.shuffle(ds, ds, 2, 2, 2, 2);
    g20 = madd(dj, x0, g20); g21 = madd(dj, x1, g21);
    dj = i32x4.shuffle(ds, ds, 3, 3, 3, 3);
    g30 = madd(dj, x0, g30); g31 = madd(dj, x1, g31);
  }
  apply4(w0, g00, g10, g20, g30, keep, set, whole);
  apply4(w1, g01, g11, g21, g31, keep, set, whole);
}

/** stepTile for one group of 4 inputs (the last of an odd number). */
// @ts-ignore: decorator
@inline export function stepHalfTile(
  a: usize, d: usize, m: i32, inBytes: usize, outBytes: usize, w: usize, keep: v128, set: bool, whole: bool,
): void {
  let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
  for (let i = 0; i < m; i++, a += inBytes, d += outBytes) {
    const x0 = v128.load(a), ds = v128.load(d);
    g0 = madd(i32x4.shuffle(ds, ds, 0, 0, 0, 0), x0, g0);
    g1 = madd(i32x4.shuffle(ds, ds, 1, 1, 1, 1), x0, g1);
    g2 = madd(i32x4.shuffle(ds, ds, 2, 2, 2, 2), x0, g2);
    g3 = madd(i32x4.shuffle(ds, ds, 3, 3, 3, 3), x0, g3);
  }
  apply4(w, g0, g1, g2, g3, keep, set, whole);
}
