import { Layer } from "./layer";
import { shareStart } from "./together";

/**
 * The input layer, w^0, on images: most of an MNIST digit is black, and a black pixel's grey value is exactly 0,
 * so it adds nothing to z = w·a + b (forward pass) nor to ∂C/∂w_jk = Σ_i δ_ij a_ik (BP4). Per 4-pixel group
 * (one f32x4 lane group of a row), 72% of MNIST's groups are all black. The input layer's loops (inputForward.ts,
 * inputStep.ts) visit only the groups with ink, in the same order and with the same operations as the dense loops
 * of forward.ts and backward.ts, so they give the same bits: an all-black group would only have added products
 * that are exactly 0. This file makes the lists they go by.
 *
 * The batch's lists, in the layer record (asm/layer.ts), and A^0:
 *   inked     per example i (a row of pIn/4 + 1 i32): the count, then its groups g with ink, in order
 *   A^0       per example i, the grey values of its groups with ink only, one f32x4 after the other, in that order
 *             (or, when the images have ink nearly everywhere, L.dense, all its groups, each at its own place: then
 *             the forward pass goes over every group, 2 examples at a time, as forward.ts does)
 *   inkedBy   per group g (a row of listBytes(m)): the count, then for each example i with ink there, in order of i,
 *             the address of its 4 grey values in A^0 and the offset of its error row, i · pOut · 4
 */

/** The bytes of a group's `inkedBy` row: 2m + 1 i32, rounded up to whole cache lines, as each thread writes its
 *  own groups' rows (src/engines/fast/kernel.ts reserves as many). */
// @ts-ignore: decorator
@inline export function listBytes(m: i32): usize {
  return ((<usize>m << 3) + 4 + 63) & ~63;
}

/**
 * A^0 = bytes / 255 for examples i0..i1 of the batch (their groups with ink, or with L.dense every group, each at
 * its own place), and their `inked` rows.
 */
export function loadImages(L: Layer, images: usize, indices: usize, i0: i32, i1: i32): void {
  const n = <usize>L.nIn, inBytes = <usize>L.pIn << 2, rowBytes = <usize>L.pIn + 4, dense = L.dense != 0;
  const toGrey = f32x4.splat(<f32>1 / 255);
  for (let i = i0; i < i1; i++) {
    const image = images + <usize>load<u32>(indices + (<usize>i << 2)) * n, a = L.input + <usize>i * inBytes;
    const inked = L.inked + <usize>i * rowBytes;
    let count: usize = 0, k: usize = 0;
    for (; k + 16 <= n; k += 16) {
      // Which of these four groups have ink, one bit each. Each group is widened to 32-bit integers, then floats,
      // and written with its group number at `count`, which moves on only past a group with ink.
      const bytes = v128.load(image + k), ink = <usize>i32x4.bitmask(v128.not(i32x4.eq(bytes, i32x4.splat(0))));
      if (ink == 0 && !dense) continue;
      const lo = i16x8.extend_low_i8x16_u(bytes), hi = i16x8.extend_high_i8x16_u(bytes), at = k >> 2;
      v128.store(a + ((dense ? at : count) << 4), f32x4.mul(f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(lo)), toGrey));
      store<i32>(inked + 4 + (count << 2), <i32>at);
      count += ink & 1;
      v128.store(a + ((dense ? at + 1 : count) << 4), f32x4.mul(f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(lo)), toGrey));
      store<i32>(inked + 4 + (count << 2), <i32>at + 1);
      count += (ink >> 1) & 1;
      v128.store(a + ((dense ? at + 2 : count) << 4), f32x4.mul(f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(hi)), toGrey));
      store<i32>(inked + 4 + (count << 2), <i32>at + 2);
      count += (ink >> 2) & 1;
      v128.store(a + ((dense ? at + 3 : count) << 4), f32x4.mul(f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(hi)), toGrey));
      store<i32>(inked + 4 + (count << 2), <i32>at + 3);
      count += ink >> 3;
    }
    for (; k < n; k += 4) { // the last groups, when the image's size is not a multiple of 16 (the last one padded with 0)
      let ink = false;
      for (let q: usize = 0; q < 4; q++) {
        const pixel = k + q < n ? load<u8>(image + k + q) : <u8>0;
        store<f32>(a + ((dense ? k >> 2 : count) << 4) + (q << 2), <f32>pixel * (<f32>1 / 255));
        ink = ink || pixel != 0;
      }
      if (ink) store<i32>(inked + 4 + (count++ << 2), <i32>(k >> 2));
    }
    store<i32>(inked, <i32>count);
  }
}

/** The `inkedBy` rows of thread t's groups, a contiguous share of them (shareStart), from the `inked` rows of all m
 *  examples, which list each example's groups in order: so each example's entries for those groups are together. */
export function listByGroup(L: Layer, m: i32, t: i32, threads: i32): void {
  const inBytes = <usize>L.pIn << 2, rowBytes = <usize>L.pIn + 4, byRow = listBytes(m), groups = L.pIn >> 2;
  const g0 = <usize>shareStart(groups, t, threads), g1 = <usize>shareStart(groups, t + 1, threads);
  for (let g = g0; g < g1; g++) store<i32>(L.inkedBy + g * byRow, 0);
  for (let i = 0; i < m; i++) {
    const inked = L.inked + <usize>i * rowBytes, count = <usize>load<i32>(inked), a = L.input + <usize>i * inBytes;
    let c: usize = 0;
    while (c < count && <usize>load<i32>(inked + 4 + (c << 2)) < g0) c++;
    for (; c < count; c++) {
      const g = <usize>load<i32>(inked + 4 + (c << 2));
      if (g >= g1) break;
      const list = L.inkedBy + g * byRow, n = <usize>load<i32>(list);
      store<i32>(list + 4 + (n << 3), <i32>(a + ((L.dense != 0 ? g : c) << 4)));
      store<i32>(list + 8 + (n << 3), i * L.pOut << 2);
      store<i32>(list, <i32>n + 1);
    }
  }
}
