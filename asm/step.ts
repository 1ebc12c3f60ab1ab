/** What `update` (backward.ts) does with c · ∇ (src/engines/fast/kernel.ts passes the same numbers). */
export const STEP = 0; // w ← decay · w + c · ∇w, b ← b + c · ∇b
export const SET = 1;  // nablaW ← c · ∇w, nablaB ← c · ∇b (w and b stay): nablaW set to 0, then as ADD
export const ADD = 2;  // nablaW ← nablaW + c · ∇w, ... (a batch too big for one call, in parts)

/** w ← keep · w + g, g already times c (keep is decay to step, 1 to add to a gradient). */
// @ts-ignore: decorator
@inline export function apply(w: usize, g: v128, keep: v128): void {
  v128.store(w, f32x4.add(f32x4.mul(keep, v128.load(w)), g));
}
