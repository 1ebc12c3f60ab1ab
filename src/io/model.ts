import { LearnerError } from "../errors/learnerError";
import * as fs from "fs";
import { activationNamed } from "../activation";
import { writeFileAtomic } from "./files";
import { Matrix, toRows } from "../matrix";
import { Network, checkSizes } from "../network";

/**
 * Models as JSON: { "sizes": [...], "activation": "sigmoid", "weights": w[l][j][k], "biases": b[l][j] },
 * with w[l][j][k] the weight from neuron k of layer l to neuron j of layer l+1, as everywhere in Descent.
 */
export interface ModelJson {
  sizes: number[];
  activation: string;
  weights: number[][][];
  biases: number[][];
}

/** A model file that cannot be used, with the reason. */
export class ModelError extends LearnerError {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = "ModelError";
  }
}

export function toJson(net: Network): ModelJson {
  return {
    sizes: [...net.sizes],
    activation: net.activation.name,
    weights: net.weights.map(toRows),
    biases: net.biases.map((b) => Array.from(b)),
  };
}

/** Builds a network from parsed JSON, checking every shape against `sizes`. */
export function fromJson(json: unknown, where = "the model"): Network {
  const fail = (reason: string): never => {
    throw new ModelError(`${where} cannot be loaded: ${reason}`);
  };
  if (typeof json !== "object" || json === null) return fail("it is not a JSON object");
  const m = json as Partial<ModelJson>;
  if (!Array.isArray(m.sizes)) return fail(`it has no "sizes" list`);
  try {
    checkSizes(m.sizes);
  } catch (e) {
    return fail((e as Error).message);
  }
  const sizes = m.sizes;
  let activation;
  try {
    activation = activationNamed(String(m.activation ?? "sigmoid"));
  } catch (e) {
    return fail((e as Error).message);
  }
  if (!Array.isArray(m.weights) || m.weights.length !== sizes.length - 1) {
    return fail(`"weights" must hold ${sizes.length - 1} matrices for sizes [${sizes}]`);
  }
  if (!Array.isArray(m.biases) || m.biases.length !== sizes.length - 1) {
    return fail(`"biases" must hold ${sizes.length - 1} vectors for sizes [${sizes}]`);
  }
  const weights: Matrix[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const rows = sizes[l + 1],
      cols = sizes[l];
    const w = m.weights[l];
    if (!Array.isArray(w) || w.length !== rows || w.some((row) => !Array.isArray(row) || row.length !== cols)) {
      return fail(`weights[${l}] must be ${rows} rows of ${cols} numbers to match sizes [${sizes}]`);
    }
    const b = m.biases[l];
    if (!Array.isArray(b) || b.length !== rows)
      return fail(`biases[${l}] must hold ${rows} numbers to match sizes [${sizes}]`);
    // Only numbers: JSON's null (how NaN and infinity are written), "0.5", true or [1] would quietly become 0 or 1.
    const notNumber = (v: unknown): boolean => typeof v !== "number" || !Number.isFinite(v);
    const badWeight = w.findIndex((row) => row.some(notNumber));
    if (badWeight >= 0) {
      const k = w[badWeight].findIndex(notNumber);
      return fail(`weights[${l}][${badWeight}][${k}] is ${JSON.stringify(w[badWeight][k])}, not a finite number`);
    }
    const badBias = b.findIndex(notNumber);
    if (badBias >= 0) return fail(`biases[${l}][${badBias}] is ${JSON.stringify(b[badBias])}, not a finite number`);
    const data = new Float64Array(rows * cols);
    w.forEach((row, j) =>
      row.forEach((v, k) => {
        data[j * cols + k] = v;
      }),
    );
    const bias = Float64Array.from(b);
    weights.push({ rows, cols, data });
    biases.push(bias);
  }
  return { sizes: [...sizes], activation, weights, biases };
}

/** Saves a model as JSON, atomically: a crash mid-save leaves the previous file as it was. */
export function saveModel(net: Network, file: string): void {
  const finite =
    net.weights.every((w) => w.data.every(Number.isFinite)) && net.biases.every((b) => b.every(Number.isFinite));
  if (!finite) {
    throw new ModelError(
      `nothing was saved to ${file}: the network's weights are not all finite numbers (training diverged); train again with a lower learning rate`,
      file,
    );
  }
  writeFileAtomic(file, JSON.stringify(toJson(net)) + "\n");
}

/** Descent's largest course network, 784-128-128-10, is about 2 MB as JSON; a file far larger is not a model. */
export const MAX_MODEL_BYTES = 64 * 1024 * 1024;

export function loadModel(file: string): Network {
  let text: string;
  try {
    const bytes = fs.statSync(file).size;
    if (bytes > MAX_MODEL_BYTES) {
      throw new ModelError(
        `${file} is ${(bytes / 1024 / 1024).toFixed(0)} MB, too large for a model (at most ${MAX_MODEL_BYTES / 1024 / 1024} MB; 784-128-128-10 takes about 2 MB); pick the model file you saved`,
        file,
      );
    }
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof ModelError) throw error;
    throw new ModelError(
      `there is no model file at ${file}; train and save one first (e.g. npx descent train --save ${file})`,
      file,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ModelError(`${file} is not a model: it is not valid JSON (${(e as Error).message})`, file);
  }
  try {
    return fromJson(json, file);
  } catch (e) {
    throw e instanceof ModelError ? new ModelError(e.message, file) : e;
  }
}
