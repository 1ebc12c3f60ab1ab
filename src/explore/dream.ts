import { backprop } from "../backprop";
import { crossEntropy } from "../cost";
import { Network, outputOf } from "../network";
import { createRandom } from "../random";

/**
 * "Can it draw a 5?" (lesson 09): start from a random grey image and do gradient descent on the *input*
 * instead of the weights, asking for the one-hot output of `digit`. Backprop already gives −∂C/∂a for the
 * input layer (the nudges the pixels would want). Each step moves the pixels that way by a fixed length η,
 * x ← clamp(x + η · g/‖g‖) in 0..1, so the tiny gradients of a saturated network still move it (the
 * cross-entropy cost keeps pulling while the wanted output is dim). The pixel landscape is bumpy, so it
 * tries a few step lengths and keeps the image the network finds most `digit`-like.
 */
export function imageThatMaximises(
  net: Network,
  digit: number,
  options: { steps?: number; seed?: number } = {},
): Float64Array {
  let best = new Float64Array(net.sizes[0]),
    bestOutput = -1;
  for (const eta of [0.05, 0.2, 0.5, 1, 2]) {
    const random = createRandom(options.seed ?? 1);
    const x = Float64Array.from({ length: net.sizes[0] }, () => 0.4 + 0.2 * random.uniform());
    for (let step = 0; step < (options.steps ?? 200); step++) {
      const g = backprop(net, x, digit, crossEntropy).nudges[0];
      const length = Math.hypot(...g) || 1;
      for (let i = 0; i < x.length; i++) x[i] = Math.min(1, Math.max(0, x[i] + (eta * g[i]) / length));
    }
    const output = outputOf(net, x)[digit];
    if (output > bestOutput) [best, bestOutput] = [x, output];
  }
  return best;
}
