import { parseArgs } from "util";
import { ActivationName } from "../activation";
import { CostName } from "../cost";
import { EngineName, engineNames } from "../engines/engines";
import { InitName, checkSizes } from "../network";
import { checkNonNegative, checkPositive, checkWholeNumber } from "../errors/validate";
import { LearnerError } from "../errors/learnerError";

export const usage = `usage: npx descent train [options]

  --layers 784,16,16,10          layer sizes, input first (default 784,16,16,10)
  --activation sigmoid|relu      hidden-layer activation (default sigmoid; the output is always a sigmoid)
  --cost quadratic|cross-entropy (default quadratic: the videos' sum of squared differences)
  --eta 3                        learning rate (default 3)
  --eta-final E                  anneal the learning rate geometrically to E by the last epoch
  --batch 10                     minibatch size (default 10)
  --epochs 30                    passes over the training set (default 30)
  --lambda 0                     L2 regularisation strength (default 0)
  --seed 1                       seeds the weights, the data split and the shuffles (default 1)
  --data embedded|mnist|idx:DIR  the embedded 10,000 digits (default), data/mnist, or the four IDX files in DIR
  --train-size N                 train on the first N training images only
  --init model.json              start from a saved model instead of random weights
  --weight-init normal|scaled    random weights N(0,1) (default) or N(0,1/n_in)
  --no-shuffle                   keep the data's order in every epoch
  --engine fast|readable         WebAssembly matrix engine (default) or the lesson's example-by-example code
  --threads N                    the fast engine's threads, 1 to 64 (default: the cores that help at this size)
  --save model.json              save the trained model (atomically; only after a finished epoch)
  --json                         one JSON line per epoch, no progress bar
  --help                         this text`;

export interface TrainCommand {
  layers: number[];
  activation: ActivationName;
  cost: CostName;
  eta: number;
  etaFinal?: number;
  batch: number;
  epochs: number;
  lambda: number;
  seed: number;
  data: string;
  trainSize?: number;
  init?: string;
  weightInit: InitName;
  shuffle: boolean;
  engine?: EngineName;
  threads?: number;
  save?: string;
  json: boolean;
  /** The flags given on the command line (the others took their defaults). */
  given?: readonly string[];
}

/** A command line that cannot be run: printed with the usage, exit code 2. */
export class UsageError extends LearnerError {
  override name = "UsageError";
}

const number = (flag: string, text: string): number => {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new UsageError(`${flag} needs a number; got "${text}"`);
  return value;
};

const oneOf = <T extends string>(flag: string, text: string, allowed: readonly T[]): T => {
  if (!(allowed as readonly string[]).includes(text))
    throw new UsageError(`${flag} must be one of ${allowed.join(", ")}; got "${text}"`);
  return text as T;
};

/** Reads `train`'s flags, checking every value and its range before any work starts. */
export function parseTrainCommand(args: string[]): TrainCommand {
  // "--eta -1" would read as two flags; join a negative number to its flag so the range check can answer.
  args = args
    .map((arg, i) => (/^-[\d.]/.test(arg) && /^--[a-z-]+$/.test(args[i - 1] ?? "") ? `\u0000${arg}` : arg))
    .reduce<string[]>(
      (all, arg) =>
        arg.startsWith("\u0000") ? [...all.slice(0, -1), `${all[all.length - 1]}=${arg.slice(1)}`] : [...all, arg],
      [],
    );
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        layers: { type: "string" },
        activation: { type: "string" },
        cost: { type: "string" },
        eta: { type: "string" },
        "eta-final": { type: "string" },
        batch: { type: "string" },
        epochs: { type: "string" },
        lambda: { type: "string" },
        seed: { type: "string" },
        data: { type: "string" },
        "train-size": { type: "string" },
        init: { type: "string" },
        "weight-init": { type: "string" },
        "no-shuffle": { type: "boolean" },
        engine: { type: "string" },
        threads: { type: "string" },
        save: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0].replace(/\. To specify.*$/, ""));
  }
  if (values.help) throw new UsageError("");
  const layers = (values.layers ?? "784,16,16,10").split(",").map((s) => number("--layers", s));
  const range = (check: () => unknown): void => {
    try {
      check();
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  };
  range(() => checkSizes(layers));
  const command: TrainCommand = {
    layers,
    activation: oneOf("--activation", values.activation ?? "sigmoid", ["sigmoid", "relu"] as const),
    cost: oneOf("--cost", values.cost ?? "quadratic", ["quadratic", "cross-entropy"] as const),
    eta: number("--eta", values.eta ?? "3"),
    etaFinal: values["eta-final"] === undefined ? undefined : number("--eta-final", values["eta-final"]),
    batch: number("--batch", values.batch ?? "10"),
    epochs: number("--epochs", values.epochs ?? "30"),
    lambda: number("--lambda", values.lambda ?? "0"),
    seed: number("--seed", values.seed ?? "1"),
    data: values.data ?? "embedded",
    trainSize: values["train-size"] === undefined ? undefined : number("--train-size", values["train-size"]),
    init: values.init,
    weightInit: oneOf("--weight-init", values["weight-init"] ?? "normal", ["normal", "scaled"] as const),
    shuffle: !values["no-shuffle"],
    engine: values.engine === undefined ? undefined : oneOf("--engine", values.engine, engineNames),
    threads: values.threads === undefined ? undefined : number("--threads", values.threads),
    save: values.save,
    json: values.json ?? false,
    given: Object.keys(values).map((name) => `--${name}`),
  };
  range(() => checkPositive("--eta", command.eta));
  if (command.etaFinal !== undefined) range(() => checkPositive("--eta-final", command.etaFinal));
  range(() => checkWholeNumber("--batch", command.batch, 1));
  range(() => checkWholeNumber("--epochs", command.epochs, 1));
  range(() => checkNonNegative("--lambda", command.lambda));
  range(() => checkWholeNumber("--seed", command.seed, 0));
  if (command.threads !== undefined) range(() => checkWholeNumber("--threads", command.threads, 1, 64));
  if (command.trainSize !== undefined) range(() => checkWholeNumber("--train-size", command.trainSize, 1));
  if (!/^(embedded|mnist|idx:.+)$/.test(command.data)) {
    throw new UsageError(`--data must be embedded, mnist or idx:DIR; got "${command.data}"`);
  }
  return command;
}
