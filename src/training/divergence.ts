import { Dataset, imageOf } from "../data/dataset";
import { LearnerError } from "../errors/learnerError";
import { Network, outputOf } from "../network";

/**
 * The rules that stop training when a learning rate has wrecked it, so a wrecked network is never reported as
 * trained or saved over a good one. Training stops when
 *   - the cost becomes NaN or infinite, or a weight infinite;
 *   - the cost grows by over 5% in each of 10 epochs in a row;
 *   - the network is destroyed: its outputs no longer depend on the image. A step far too large drives every
 *     hidden neuron into saturation (a sigmoid at 0 or 1, a ReLU at 0), and from then on the network gives the
 *     same answer to every digit, its cost flat and its accuracy a guess's. Measured on the course's network:
 *     after one epoch at η = 30 or 100 its ten outputs vary by at most 3e-6 over 200 training images, against
 *     0.3 to 1 for every network that learns (η = 0.05 to 10, and shuffled labels too), and 0.4 to 0.7 at the
 *     start. So "destroyed" is: the outputs vary a thousand times less than they did before training.
 */

/** Training stopped because the cost became NaN or infinite, kept growing, or the network was destroyed. */
export class DivergenceError extends LearnerError {
  constructor(
    message: string,
    readonly epoch: number,
    readonly batch: number,
  ) {
    super(message);
    this.name = "DivergenceError";
  }
}

export function diverged(epoch: number, batch: number, what: string, eta: number): DivergenceError {
  const kept =
    epoch === 1
      ? "The network keeps the parameters it started with."
      : "The network keeps the parameters of the last good epoch.";
  return new DivergenceError(
    `training diverged in epoch ${epoch}, minibatch ${batch}: ${what}; lower the learning rate (eta is ${eta}, try ${eta / 10}). ${kept}`,
    epoch,
    batch,
  );
}

export function allFinite(net: Network): boolean {
  for (let l = 0; l < net.weights.length; l++) {
    for (const v of net.weights[l].data) if (!Number.isFinite(v)) return false;
    for (const v of net.biases[l]) if (!Number.isFinite(v)) return false;
  }
  return true;
}

/** How much the network's outputs vary over (up to) 200 images of `data`: the largest max − min of one output neuron. */
export function outputSpread(net: Network, data: Dataset): number {
  const n = Math.min(200, data.count);
  const low = new Float64Array(net.sizes[net.sizes.length - 1]).fill(Infinity);
  const high = new Float64Array(low.length).fill(-Infinity);
  const image = new Float64Array(net.sizes[0]);
  for (let s = 0; s < n; s++) {
    const output = outputOf(net, imageOf(data, Math.floor((s * data.count) / n), image));
    for (let j = 0; j < output.length; j++) {
      low[j] = Math.min(low[j], output[j]);
      high[j] = Math.max(high[j], output[j]);
    }
  }
  let spread = 0;
  for (let j = 0; j < low.length; j++) spread = Math.max(spread, high[j] - low[j]);
  return spread;
}

/** True when the outputs vary a thousand times less than `startSpread`, the spread before training. */
export function isDestroyed(net: Network, data: Dataset, startSpread: number): boolean {
  return outputSpread(net, data) < startSpread / 1000;
}

/**
 * The rules above, applied as training goes. `afterStep` looks at each minibatch's cost; `afterEpoch` at each
 * finished epoch's network and cost. Each returns the DivergenceError to stop with, or null to go on.
 */
export function divergenceWatch(start: Network, data: Dataset) {
  const startSpread = outputSpread(start, data);
  let rising = 0;
  let lastCost = Infinity;
  return {
    afterStep(epoch: number, batch: number, cost: number, eta: number): DivergenceError | null {
      return Number.isFinite(cost) ? null : diverged(epoch, batch, "the cost became " + cost, eta);
    },
    /** Before the epoch is measured: its network. */
    afterEpochNetwork(epoch: number, batches: number, trained: Network, eta: number): DivergenceError | null {
      if (!allFinite(trained)) return diverged(epoch, batches, "a weight became infinite", eta);
      if (isDestroyed(trained, data, startSpread)) {
        return diverged(
          epoch,
          batches,
          "the network was destroyed: its outputs no longer depend on the image (its neurons saturated), so it gives every digit the same answer",
          eta,
        );
      }
      return null;
    },
    /** After it is measured: its cost over the training set, against the last good epoch's. */
    afterEpochCost(epoch: number, batches: number, cost: number, eta: number): DivergenceError | null {
      if (!Number.isFinite(cost)) return diverged(epoch, batches, "the cost became " + cost, eta);
      rising = cost > lastCost * 1.05 ? rising + 1 : 0;
      if (rising >= 10) return diverged(epoch, batches, "the cost grew by over 5% in each of 10 epochs in a row", eta);
      lastCost = cost;
      return null;
    },
  };
}
