import { Layer } from "./layer";
import { listBytes } from "./input";
import { SET, STEP, apply4, stepHalfTile, stepTile } from "./step";
import { madd } from "./simd";

// The input layer's step, on the lists of input.ts.

/**
 * BP4 for w^0 and its step (backward.ts's update, on the groups with ink), for neurons j0..j1 (multiples of 4:
 * each thread its own, so a thread's weights stay in its core's cache from batch to batch): w ← keep · w + ∇w
 * (w^0 itself, or nablaW), for each group of 4 inputs and 8 neurons at a time, with ∇w = Σ_i δ_ij a_ik over the
 * examples with ink there (listByGroup), in order of i (δ already times c). Where no example has ink, ∇w = 0: the
 * weights only shrink by keep (with L2), or stay as they are. (BP3 is step.ts's stepBiases.)
 */
export function updateInput(L: Layer, m: i32, decay: f32, mode: i32, j0: usize, j1: usize): void {
  const pOut = <usize>L.pOut, byRow = listBytes(m), groups = <usize>L.pIn >> 2, delta = L.delta;
  const groupBytes = pOut << 4, zero = f32x4.splat(0);
  const target = mode == STEP ? L.weights : L.nablaW, kept: f32 = mode == STEP ? decay : 1, keep = f32x4.splat(kept), set = mode == SET, whole = kept == 1;
  if (L.dense != 0) {
    updateDense(L, m, target, keep, set, whole, j0, j1);
    return;
  }
  for (let g: usize = 0; g < groups; g++) {
    const list = L.inkedBy + g * byRow, end = list + 4 + (<usize>load<i32>(list) << 3);
    const first = target + g * groupBytes + (j0 << 4), last = target + g * groupBytes + (j1 << 4);
    if (end == list + 4) { // no ink in this group
      if (set) memory.fill(first, 0, last - first);
      else if (kept != 1) for (let w = first; w < last; w += 16) v128.store(w, f32x4.add(f32x4.mul(keep, v128.load(w)), zero));
      continue;
    }
    let j = j0, w = first;
    for (; j + 8 <= j1; j += 8, w += 128) {
      let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
      let g4 = f32x4.splat(0), g5 = f32x4.splat(0), g6 = f32x4.splat(0), g7 = f32x4.splat(0);
      for (let e = list + 4; e < end; e += 8) { // 8 errors, each spread over 4 lanes (shuffles: fewer registers than loads)
        const x = v128.load(<usize>load<i32>(e)), d = delta + <usize>load<i32>(e, 4) + (j << 2);
        const d0 = v128.load(d), d1 = v128.load(d, 16);
        g0 = madd(i32x4.shuffle(d0, d0, 0, 0, 0, 0), x, g0); g1 = madd(i32x4.shuffle(d0, d0, 1, 1, 1, 1), x, g1);
        g2 = madd(i32x4.shuffle(d0, d0, 2, 2, 2, 2), x, g2); g3 = madd(i32x4.shuffle(d0, d0, 3, 3, 3, 3), x, g3);
        g4 = madd(i32x4.shuffle(d1, d1, 0, 0, 0, 0), x, g4); g5 = madd(i32x4.shuffle(d1, d1, 1, 1, 1, 1), x, g5);
        g6 = madd(i32x4.shuffle(d1, d1, 2, 2, 2, 2), x, g6); g7 = madd(i32x4.shuffle(d1, d1, 3, 3, 3, 3), x, g7);
      }
      apply4(w, g0, g1, g2, g3, keep, set, whole);
      apply4(w + 64, g4, g5, g6, g7, keep, set, whole);
    }
    if (j < j1) { // a last 4 neurons
      let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
      for (let e = list + 4; e < end; e += 8) {
        const x = v128.load(<usize>load<i32>(e)), d0 = v128.load(delta + <usize>load<i32>(e, 4) + (j << 2));
        g0 = madd(i32x4.shuffle(d0, d0, 0, 0, 0, 0), x, g0); g1 = madd(i32x4.shuffle(d0, d0, 1, 1, 1, 1), x, g1);
        g2 = madd(i32x4.shuffle(d0, d0, 2, 2, 2, 2), x, g2); g3 = madd(i32x4.shuffle(d0, d0, 3, 3, 3, 3), x, g3);
      }
      apply4(w, g0, g1, g2, g3, keep, set, whole);
    }
  }
}

/**
 * updateInput when the images have ink nearly everywhere (L.dense, A^0 with every group at its own place): the same
 * sums over every example, in order of i, without the lists (a black group's products are exactly 0). Two groups
 * of 4 inputs and 4 neurons at a time (step.ts's stepTile), so each error spread over the lanes serves two groups.
 */
function updateDense(L: Layer, m: i32, target: usize, keep: v128, set: bool, whole: bool, j0: usize, j1: usize): void {
  const groups = <usize>L.pIn >> 2, inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2, groupBytes = <usize>L.pOut << 4;
  let g: usize = 0;
  for (; g + 2 <= groups; g += 2) {
    for (let j = j0; j < j1; j += 4) {
      const w = target + g * groupBytes + (j << 4);
      stepTile(L.input + (g << 4), L.delta + (j << 2), m, inBytes, outBytes, w, w + groupBytes, keep, set, whole);
    }
  }
  if (g < groups) { // the last group of an odd number
    for (let j = j0; j < j1; j += 4) {
      stepHalfTile(L.input + (g << 4), L.delta + (j << 2), m, inBytes, outBytes, target + g * groupBytes + (j << 4), keep, set, whole);
    }
  }
}
