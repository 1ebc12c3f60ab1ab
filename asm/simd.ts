// Small f32x4 helpers for the kernel: multiply-add, e^x (WebAssembly has no exp) and horizontal sums.

/**
 * a·b + c in each lane. The relaxed-SIMD build (scripts/build-wasm.js) makes it one fused multiply-add
 * (f32x4.relaxed_madd), rounded once; the plain build a multiply and an add, rounded twice. Either way the
 * difference is within f32's last place, far inside the fast engine's tolerance against the readable one.
 */
// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/**
 * e^x in each lane, for |x| ≤ 87 (callers clamp), to about one unit in the last place (Cephes' expf):
 * write x = n·ln2 + r with |r| ≤ ln2/2, take e^r from a degree-6 polynomial, and multiply by 2^n,
 * built directly as the bits of a float. Every step is one or two machine instructions.
 */
// @ts-ignore: decorator
@inline export function exp4(x: v128): v128 {
  // n = round(x / ln2): adding 1.5·2^23 leaves no room for a fraction, so the float rounds to a whole
  // number, which then sits in its low bits.
  const shifted = f32x4.add(f32x4.mul(x, f32x4.splat(1.44269504)), f32x4.splat(12582912));
  const n = f32x4.sub(shifted, f32x4.splat(12582912));
  // r = x − n·ln2, with ln2 split in two so the product is exact enough.
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  const er = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), f32x4.splat(1)); // e^r
  // 2^n: the integer n + 127 in the exponent field of a float (the bits of 1.5·2^23 are 0x4B400000).
  const twoN = i32x4.shl(i32x4.add(shifted, i32x4.splat(127 - 0x4B400000)), 23);
  return f32x4.mul(er, twoN);
}

/**
 * v with every lane smaller than 1e-30 in size set to 0. Processors compute with subnormal floats (below
 * 1.2e-38) many times slower, and saturated sigmoids make them: errors are products of σ'(z) ≈ e^(−|z|),
 * layer after layer. Next to a gradient's size such numbers cannot matter, so they become exact zeros.
 */
// @ts-ignore: decorator
@inline export function flush(v: v128): v128 {
  return v128.andnot(v, f32x4.lt(f32x4.abs(v), f32x4.splat(1e-30))); // a NaN stays NaN, so divergence shows
}

/** [Σ r0, Σ r1, Σ r2, Σ r3]: the lanes of each of four vectors added up, as one vector. */
// @ts-ignore: decorator
@inline export function sum4(r0: v128, r1: v128, r2: v128, r3: v128): v128 {
  const x = f32x4.add(v128.shuffle<f32>(r0, r1, 0, 4, 2, 6), v128.shuffle<f32>(r0, r1, 1, 5, 3, 7));
  const y = f32x4.add(v128.shuffle<f32>(r2, r3, 0, 4, 2, 6), v128.shuffle<f32>(r2, r3, 1, 5, 3, 7));
  return f32x4.add(v128.shuffle<f32>(x, y, 0, 1, 4, 5), v128.shuffle<f32>(x, y, 2, 3, 6, 7));
}

/** The sum of a vector's four lanes. */
// @ts-ignore: decorator
@inline export function sum1(r: v128): f32 {
  const x = f32x4.add(r, v128.shuffle<f32>(r, r, 2, 3, 0, 1));
  return f32x4.extract_lane(x, 0) + f32x4.extract_lane(x, 1);
}
