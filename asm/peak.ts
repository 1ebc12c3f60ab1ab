import { madd } from "./simd";

/**
 * The machine's f32x4 peak, for the bench to measure the kernel against: `rounds` times, twelve independent
 * multiply-adds acc = acc·x + y (one fused instruction in the relaxed-SIMD build, a multiply and an add in
 * the plain one), so no addition waits for another and nothing but arithmetic is in the loop.
 * 12 × 8 = 96 floating-point operations per round; returns a sum so the work cannot be optimised away.
 */
export function peak(rounds: i32, seed: f32): f32 {
  const x = f32x4.splat(<f32>0.999), y = f32x4.splat(seed);
  let a0 = y, a1 = y, a2 = y, a3 = y, a4 = y, a5 = y, a6 = y, a7 = y, a8 = y, a9 = y, a10 = y, a11 = y;
  for (let r = 0; r < rounds; r++) {
    a0 = madd(a0, x, y); a1 = madd(a1, x, y); a2 = madd(a2, x, y); a3 = madd(a3, x, y);
    a4 = madd(a4, x, y); a5 = madd(a5, x, y); a6 = madd(a6, x, y); a7 = madd(a7, x, y);
    a8 = madd(a8, x, y); a9 = madd(a9, x, y); a10 = madd(a10, x, y); a11 = madd(a11, x, y);
  }
  const s = f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)));
  return f32x4.extract_lane(f32x4.add(s, f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11))), 0);
}
