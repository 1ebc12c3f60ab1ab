import { Layer } from "./layer";
import { activate } from "./forward";
import { SET, STEP, apply4 } from "./step";
import { madd, sum4 } from "./simd";

/**
 * The input layer, w^0, on images: most of an MNIST digit is black, and a black pixel's grey value is exactly 0,
 * so it adds nothing to z = w·a + b (forward pass) nor to ∂C/∂w_jk = Σ_i δ_ij a_ik (BP4). Per 4-pixel group
 * (one f32x4 lane group of a row), 72% of MNIST's groups are all black. The loops here visit only the groups
 * with ink, in the same order and with the same operations as the dense loops of forward.ts and backward.ts,
 * so they give the same bits: an all-black group would only have added products that are exactly 0.
 *
 * The batch's lists, in the layer record (asm/layer.ts), and A^0:
 *   inked     per example i (a row of pIn/4 + 1 i32): the count, then its groups g with ink, in order
 *   A^0       per example i, the grey values of its groups with ink only, one f32x4 after the other, in that order
 *             (or, when the images have ink nearly everywhere, L.dense, all its groups, each at its own place: then
 *             the forward pass goes over every group, 2 examples at a time, as forward.ts does)
 *   inkedBy   per group g (a row of listBytes(m)): the count, then for each example i with ink there, in order of i,
 *             the address of its 4 grey values in A^0 and the offset of its error row, i · pOut · 4
 */

/** The bytes of a group's `inkedBy` row: 2m + 1 i32, rounded up to whole cache lines, as the threads write
 *  alternate groups' rows (src/engines/fast/kernel.ts reserves as many). */
// @ts-ignore: decorator
@inline function listBytes(m: i32): usize {
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

/** The `inkedBy` rows of thread t's groups (g = t, t + threads, ...: their ink is spread alike), from the
 *  `inked` rows of all m examples. */
export function listByGroup(L: Layer, m: i32, t: i32, threads: i32): void {
  const inBytes = <usize>L.pIn << 2, rowBytes = <usize>L.pIn + 4, byRow = listBytes(m), groups = <usize>L.pIn >> 2;
  for (let g = <usize>t; g < groups; g += <usize>threads) store<i32>(L.inkedBy + g * byRow, 0);
  for (let i = 0; i < m; i++) {
    const inked = L.inked + <usize>i * rowBytes, count = <usize>load<i32>(inked), a = L.input + <usize>i * inBytes;
    for (let c: usize = 0; c < count; c++) {
      const g = <usize>load<i32>(inked + 4 + (c << 2));
      if (threads > 1 && g % <usize>threads != <usize>t) continue;
      const list = L.inkedBy + g * byRow, n = <usize>load<i32>(list);
      store<i32>(list + 4 + (n << 3), <i32>(a + ((L.dense != 0 ? g : c) << 4)));
      store<i32>(list + 8 + (n << 3), i * L.pOut << 2);
      store<i32>(list, <i32>n + 1);
    }
  }
}

/**
 * The forward pass through w^0 (forward.ts's, on the groups with ink) for examples i0..i1:
 * z_ij = Σ_k w_jk a_ik + b_j, 8 neurons of one example at a time, then σ. w^0 is stored by groups of 4 inputs
 * (asm/layer.ts), so the 32 weights of 8 neurons that meet one group are 128 contiguous bytes.
 */
export function forwardInput(L: Layer, i0: i32, i1: i32, relu: bool): void {
  if (L.dense != 0) {
    forwardDense(L, i0, i1);
    activate(L, i0, i1, relu);
    return;
  }
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2, rowBytes = <usize>L.pIn + 4;
  const input = L.input, inkedRows = L.inked, output = L.output, j1 = <usize>L.pOut, groupBytes = <usize>L.pOut << 4;
  let j: usize = 0;
  for (; j + 8 <= j1; j += 8) {
    const w = L.weights + (j << 4);
    const b0 = v128.load(L.biases + (j << 2)), b1 = v128.load(L.biases + (j << 2), 16);
    for (let i = <usize>i0; i < <usize>i1; i++) {
      const inked = inkedRows + i * rowBytes, end = inked + 4 + (<usize>load<i32>(inked) << 2);
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      let s4 = f32x4.splat(0), s5 = f32x4.splat(0), s6 = f32x4.splat(0), s7 = f32x4.splat(0);
      for (let t = inked + 4, a = input + i * inBytes; t < end; t += 4, a += 16) {
        const x = v128.load(a), u = w + <usize>load<i32>(t) * groupBytes;
        s0 = madd(v128.load(u), x, s0); s1 = madd(v128.load(u, 16), x, s1);
        s2 = madd(v128.load(u, 32), x, s2); s3 = madd(v128.load(u, 48), x, s3);
        s4 = madd(v128.load(u, 64), x, s4); s5 = madd(v128.load(u, 80), x, s5);
        s6 = madd(v128.load(u, 96), x, s6); s7 = madd(v128.load(u, 112), x, s7);
      }
      const z = output + i * outBytes + (j << 2);
      v128.store(z, f32x4.add(sum4(s0, s1, s2, s3), b0));
      v128.store(z, f32x4.add(sum4(s4, s5, s6, s7), b1), 16);
    }
  }
  if (j < j1) { // a last 4 neurons
    const w = L.weights + (j << 4), b0 = v128.load(L.biases + (j << 2));
    for (let i = <usize>i0; i < <usize>i1; i++) {
      const inked = inkedRows + i * rowBytes, end = inked + 4 + (<usize>load<i32>(inked) << 2);
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let t = inked + 4, a = input + i * inBytes; t < end; t += 4, a += 16) {
        const x = v128.load(a), u = w + <usize>load<i32>(t) * groupBytes;
        s0 = madd(v128.load(u), x, s0); s1 = madd(v128.load(u, 16), x, s1);
        s2 = madd(v128.load(u, 32), x, s2); s3 = madd(v128.load(u, 48), x, s3);
      }
      v128.store(output + i * outBytes + (j << 2), f32x4.add(sum4(s0, s1, s2, s3), b0));
    }
  }
  activate(L, i0, i1, relu);
}

/**
 * The forward pass through w^0 when the images have ink nearly everywhere (L.dense): all of A^0, as forward.ts
 * goes (w^0 stored by groups): 4 neurons × 2 examples at a time, per group of 4 inputs 4 weight and 2 activation
 * loads feeding 8 running sums.
 */
function forwardDense(L: Layer, i0: i32, i1: i32): void {
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2, groupBytes = <usize>L.pOut << 4;
  for (let j: usize = 0; j < <usize>L.pOut; j += 4) {
    const b = v128.load(L.biases + (j << 2)), panel = L.weights + (j << 4);
    let i = <usize>i0;
    for (; i + 2 <= <usize>i1; i += 2) {
      let s00 = f32x4.splat(0), s10 = f32x4.splat(0), s20 = f32x4.splat(0), s30 = f32x4.splat(0);
      let s01 = f32x4.splat(0), s11 = f32x4.splat(0), s21 = f32x4.splat(0), s31 = f32x4.splat(0);
      for (let a = L.input + i * inBytes, w = panel, last = a + inBytes; a < last; a += 16, w += groupBytes) {
        const x0 = v128.load(a), x1 = v128.load(a + inBytes);
        let wj = v128.load(w);
        s00 = madd(wj, x0, s00); s01 = madd(wj, x1, s01);
        wj = v128.load(w, 16);
        s10 = madd(wj, x0, s10); s11 = madd(wj, x1, s11);
        wj = v128.load(w, 32);
        s20 = madd(wj, x0, s20); s21 = madd(wj, x1, s21);
        wj = v128.load(w, 48);
        s30 = madd(wj, x0, s30); s31 = madd(wj, x1, s31);
      }
      const z = L.output + i * outBytes + (j << 2);
      v128.store(z, f32x4.add(sum4(s00, s10, s20, s30), b));
      v128.store(z + outBytes, f32x4.add(sum4(s01, s11, s21, s31), b));
    }
    if (i < <usize>i1) { // the last example of an odd number
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let a = L.input + i * inBytes, w = panel, last = a + inBytes; a < last; a += 16, w += groupBytes) {
        const x0 = v128.load(a);
        s0 = madd(v128.load(w), x0, s0); s1 = madd(v128.load(w, 16), x0, s1);
        s2 = madd(v128.load(w, 32), x0, s2); s3 = madd(v128.load(w, 48), x0, s3);
      }
      v128.store(L.output + i * outBytes + (j << 2), f32x4.add(sum4(s0, s1, s2, s3), b));
    }
  }
}

/**
 * BP4 for w^0 and its step (backward.ts's update, on the groups with ink), for thread t's groups (listByGroup):
 * w ← keep · w + ∇w (w^0 itself, or nablaW), for each group of 4 inputs and 8 neurons at a time, with
 * ∇w = Σ_i δ_ij a_ik over the examples with ink there, in order of i (δ already times c). Where no example has
 * ink, ∇w = 0: the weights only shrink by keep (with L2), or stay as they are. (BP3 is step.ts's stepBiases.)
 */
export function updateInput(L: Layer, m: i32, decay: f32, mode: i32, t: i32, threads: i32): void {
  const pOut = <usize>L.pOut, byRow = listBytes(m), groups = <usize>L.pIn >> 2, delta = L.delta;
  const groupBytes = pOut << 4, zero = f32x4.splat(0);
  const target = mode == STEP ? L.weights : L.nablaW, kept: f32 = mode == STEP ? decay : 1, keep = f32x4.splat(kept), set = mode == SET, whole = kept == 1;
  for (let g = <usize>t; g < groups; g += <usize>threads) {
    const list = L.inkedBy + g * byRow, end = list + 4 + (<usize>load<i32>(list) << 3), first = target + g * groupBytes, last = first + groupBytes;
    if (end == list + 4) { // no ink in this group
      if (set) memory.fill(first, 0, last - first);
      else if (kept != 1) for (let w = first; w < last; w += 16) v128.store(w, f32x4.add(f32x4.mul(keep, v128.load(w)), zero));
      continue;
    }
    let j: usize = 0, w = first;
    for (; j + 8 <= pOut; j += 8, w += 128) {
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
    if (j < pOut) { // a last 4 neurons
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
