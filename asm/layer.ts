/**
 * One layer of weights, w^l, joining layer l (nIn neurons) to layer l+1 (nOut neurons), as src/engines/fast/kernel.ts
 * lays it out in memory. Sizes are padded with zeros to multiples of 4 (pIn, pOut), so that every loop goes
 * four lanes at a time with no tails; pad neurons have zero weights, activations and errors.
 *
 * The batch's m examples are rows (example i is row i), each pIn or pOut floats long:
 *   input    m × pIn    A^l: the activations of layer l
 *   output   m × pOut   A^{l+1}: first the weighted sums Z, then, in place, the activations σ(Z)
 *   delta    m × pOut   Δ^{l+1} = ∂C/∂Z^{l+1}: the errors of layer l+1 (first σ'(Z), see forward.ts)
 *   deltaIn  m × pIn    Δ^l (none for l = 0: the input layer has no error)
 * The weights (and nablaW, their gradient) are pOut × pIn, stored in panels of 4 rows: rows j..j+3
 * (j a multiple of 4) take pIn × 4 floats, and within a panel, for each group of 4 columns k..k+3,
 * row j's 4 weights, then row j+1's, j+2's, j+3's. So w_jk is at float
 *   (j − j%4)·pIn + (k − k%4)·4 + (j%4)·4 + k%4,
 * and the 4 × 4 block that the loops below read for 4 neurons at once is 64 contiguous bytes.
 * The input layer's weights (l = 0, read only by input.ts) go by groups of 4 inputs instead: for inputs k..k+3
 * (k a multiple of 4), every neuron's 4 weights in turn, so w_jk is at float (k − k%4)·pOut + 4j + k%4.
 * Every other layer also has room for (w^l)ᵀ, in panels of 4 rows likewise, for BP2 (backward.ts).
 * The input layer's record also has the lists of input.ts, `inked` and `inkedBy`, and `dense`, not 0 when the
 * images have ink nearly everywhere (then its forward pass goes over every group; 0 in the other layers).
 * All pointers are byte addresses.
 */
@unmanaged export class Layer {
  nIn: i32;
  pIn: i32;
  nOut: i32;
  pOut: i32;
  weights: usize;
  biases: usize;
  nablaW: usize;
  nablaB: usize;
  input: usize;
  output: usize;
  delta: usize;
  deltaIn: usize;
  inked: usize;
  inkedBy: usize;
  transposed: usize;
  dense: i32;
}

/** The record of layer l in the table starting at `table` (16 four-byte fields each). */
// @ts-ignore: decorator
@inline export function layerAt(table: usize, l: i32): Layer {
  return changetype<Layer>(table + <usize>l * offsetof<Layer>());
}
