/**
 * How the lessons write numbers in their sentences, in one place: counts with thousands separators (8,000),
 * shares as percentages (90.8%), and a noun that agrees with its count (1 epoch, 30 epochs).
 */

/** A count as the lessons print it: "8,000", "1,234.5" (at most one decimal). */
export const count = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

/**
 * A share in 0..1 as a percentage, with one decimal unless told otherwise: 0.908 → "90.8%",
 * percent(0.98061, 2) → "98.06%", percent(0.2, 0) → "20%". A share that is not a number (0/0) is "–".
 */
export const percent = (share: number, decimals = 1): string =>
  Number.isFinite(share) ? `${(100 * share).toFixed(decimals)}%` : "–";

/** A count and its noun: plural(1, "epoch") → "1 epoch", plural(8000, "digit") → "8,000 digits". */
export const plural = (n: number, noun: string): string => `${count(n)} ${noun}${n === 1 ? "" : "s"}`;
