import { Gradient } from "../src/backprop";
import { relativeError } from "../src/gradcheck";
import { Dataset } from "../src/data/dataset";
import { createRandom } from "../src/random";

/** A small random labelled set: `count` images of rows x cols random bytes, labels below `classes`. */
export function randomDataset(count: number, rows: number, cols: number, classes: number, seed: number): Dataset {
  const random = createRandom(seed);
  const pixels = new Uint8Array(count * rows * cols).map(() => random.int(256));
  const labels = new Uint8Array(count).map(() => random.int(classes));
  return { name: "random test set", count, rows, cols, pixels, labels };
}

/** The largest |a_i − b_i|. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/** Runs a lesson check and returns its verdict: correct when it printed ✅, and the printed line. */
export function verdict(run: (print: (line: string) => void) => void): { correct: boolean; message: string } {
  const lines: string[] = [];
  run((line) => lines.push(line));
  if (lines.length !== 1) throw new Error(`a check must print exactly one line; it printed ${lines.length}`);
  return { correct: lines[0].startsWith("✅"), message: lines[0] };
}

/** The larger of the whole gradient's relative error and each layer's, so a small layer cannot hide. */
export function worstError(a: Gradient, b: Gradient): number {
  let worst = relativeError(a, b);
  for (let l = 0; l < a.nablaW.length; l++) {
    const layer = (g: Gradient): Gradient => ({ nablaW: [g.nablaW[l]], nablaB: [g.nablaB[l]] });
    worst = Math.max(worst, relativeError(layer(a), layer(b)));
  }
  return worst;
}
