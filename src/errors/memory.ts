import * as os from "os";
import { InputError } from "./learnerError";
import { parameterCount } from "../network";

/**
 * Up-front memory estimates, so a network or a data set too large for the machine is refused in one sentence
 * with the figure, instead of a run that swells past the machine's memory with no output or a raw RangeError.
 *
 * Training holds, per weight or bias: the network (8 bytes, f64), the copy each epoch is evaluated on (8), the
 * readable engine's gradient and workspace (8 + 8) or the fast engine's f32 weights, gradient and packed panel
 * (4 + 4 + 4); 40 bytes covers either with room. The images are kept as bytes, and the fast engine holds a
 * second copy in its WebAssembly memory.
 */
export const TRAINING_BYTES_PER_PARAMETER = 40;
const NETWORK_BYTES_PER_PARAMETER = 8;

/** What Descent lets one process use: half of the machine's memory. */
export function memoryBudget(): number {
  return os.totalmem() / 2;
}

/** Refuses a network whose weights alone would not fit (createNetwork calls this before allocating). */
export function checkNetworkFits(sizes: readonly number[]): void {
  const bytes = parameterCount(sizes) * NETWORK_BYTES_PER_PARAMETER;
  if (bytes > memoryBudget()) {
    throw new InputError(
      `a ${sizes.join("-")} network's ${parameterCount(sizes).toLocaleString("en-US")} weights and biases would take ${size(bytes)}, ` +
        `more than half of this machine's ${size(os.totalmem())}; use fewer or smaller layers`,
    );
  }
}

/** Refuses a training run that would not fit: the network with its training buffers, and the images twice. */
export function checkTrainingFits(sizes: readonly number[], images: number, pixelsPerImage: number): void {
  const parameters = parameterCount(sizes);
  const bytes = parameters * TRAINING_BYTES_PER_PARAMETER + 2 * images * pixelsPerImage;
  if (bytes > memoryBudget()) {
    throw new InputError(
      `training a ${sizes.join("-")} network (${parameters.toLocaleString("en-US")} weights and biases) on ${images.toLocaleString("en-US")} images ` +
        `needs about ${size(bytes)}, more than half of this machine's ${size(os.totalmem())}; use fewer or smaller layers, or fewer images`,
    );
  }
}

function size(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.ceil(bytes / 1024 ** 2)} MB`;
}
