import { Layer } from "./layer";
import { activate } from "./forward";
import { madd, sum4 } from "./simd";

// The input layer's forward pass, on the lists of input.ts.

/**
 * The forward pass through w^0 (forward.ts's, on the groups with ink) for examples i0..i1 and neurons j0..j1
 * (multiples of 4; threads share the neurons, see kernel.ts): z_ij = Σ_k w_jk a_ik + b_j, 8 neurons of one
 * example at a time, then σ. w^0 is stored by groups of 4 inputs (asm/layer.ts), so the 32 weights of 8 neurons
 * that meet one group are 128 contiguous bytes. Each z_ij is the same sum whichever neurons go with it.
 */
export function forwardInput(L: Layer, i0: i32, i1: i32, j0: usize, j1: usize, relu: bool): void {
  if (L.dense != 0) {
    forwardDense(L, i0, i1, j0, j1);
    activate(L, i0, i1, relu, j0, j1);
    return;
  }
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2, rowBytes = <usize>L.pIn + 4;
  const input = L.input, inkedRows = L.inked, output = L.output, groupBytes = <usize>L.pOut << 4;
  let j: usize = j0;
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
  activate(L, i0, i1, relu, j0, j1);
}

/**
 * The forward pass through w^0 when the images have ink nearly everywhere (L.dense): all of A^0, as forward.ts
 * goes (w^0 stored by groups): 4 neurons × 2 examples at a time, per group of 4 inputs 4 weight and 2 activation
 * loads feeding 8 running sums.
 */
function forwardDense(L: Layer, i0: i32, i1: i32, j0: usize, j1: usize): void {
  const inBytes = <usize>L.pIn << 2, outBytes = <usize>L.pOut << 2, groupBytes = <usize>L.pOut << 4;
  for (let j = j0; j < j1; j += 4) {
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
