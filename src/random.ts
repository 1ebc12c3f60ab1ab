import { InputError } from "./errors/learnerError";
/**
 * Seeded randomness. Every random number in Descent flows from one of these generators, so the same seed
 * gives the same initial weights, shuffles and data splits, bit for bit, on every machine.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, 128 bits of state), seeded
 * through splitmix32 so that nearby seeds (1, 2, 3, ...) give unrelated streams.
 */
export interface Random {
  /** A uniform number in [0, 1). */
  uniform(): number;
  /** A standard normal number, N(0, 1), by the Box-Muller transform. */
  normal(): number;
  /** A uniform whole number in 0..n-1. */
  int(n: number): number;
}

export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new InputError(`the seed must be a finite number; got ${seed}`);
  let s = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(),
    b = splitmix(),
    c = splitmix(),
    d = splitmix();

  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next32(); // mix the state before the first draw

  const uniform = (): number => next32() / 4294967296;
  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    const u = 1 - uniform(); // in (0, 1], so log(u) is finite
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const int = (n: number): number => Math.floor(uniform() * n);
  return { uniform, normal, int };
}

/** Shuffles `items` in place (Fisher-Yates): every permutation is equally likely. Returns `items`. */
export function shuffleInPlace<T extends { length: number; [i: number]: any }>(items: T, random: Random): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/** The numbers 0..n-1 in a seeded random order. */
export function permutation(n: number, random: Random): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffleInPlace(order, random);
}
