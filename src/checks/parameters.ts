import { LearnerError } from "../errors/learnerError";
import { claim as strictClaim } from "./claim";
import { withoutRecording } from "./progress";
import { useKernelBuild } from "../engines/fast/wasmModule";

/**
 * A lesson is an experiment the learner re-runs with other values. Each lesson declares here, once, the range
 * every value of its parameters cell may take and its default; the parameters cell states the same ranges in
 * its comments (a test keeps the two equal). `startLesson` refuses a value outside its range with one sentence,
 * and gives the lesson a `claim` that knows whether the learner changed anything: with the defaults a false
 * claim stops the lesson (the tests catch prose that drifted from the code); with other values it is reported
 * as an observation and the lesson goes on.
 */
export type ParameterSpec =
  | {
      readonly type: "number";
      readonly default: number;
      readonly min: number;
      readonly max: number;
      readonly integer: boolean;
    }
  | { readonly type: "text"; readonly default: string; readonly oneOf?: readonly string[] }
  | {
      readonly type: "list";
      readonly default: readonly number[];
      readonly min: number;
      readonly max: number;
      readonly integer: boolean;
      readonly minLength: number;
      readonly maxLength: number;
    };

export type ParameterSpecs = Readonly<Record<string, ParameterSpec>>;

/** A number from `min` to `max`. */
export const between = (value: number, min: number, max: number): ParameterSpec => ({
  type: "number",
  default: value,
  min,
  max,
  integer: false,
});

/** A whole number from `min` to `max`. */
export const wholeBetween = (value: number, min: number, max: number): ParameterSpec => ({
  type: "number",
  default: value,
  min,
  max,
  integer: true,
});

/** Every lesson's seed: any whole number sfc32 can take. */
export const seedParameter = (value = 1): ParameterSpec => wholeBetween(value, 0, 4294967295);

/** Text: one of `oneOf`, or (without it) anything the lesson checks itself where it uses it (an expression). */
export const text = (value: string, oneOf?: readonly string[]): ParameterSpec => ({
  type: "text",
  default: value,
  oneOf,
});

/** A list of `minLength` to `maxLength` numbers, each from `min` to `max` (whole numbers if `integer`). */
export const listOf = (
  value: readonly number[],
  min: number,
  max: number,
  {
    integer = false,
    minLength = 1,
    maxLength = 10,
  }: { integer?: boolean; minLength?: number; maxLength?: number } = {},
): ParameterSpec => ({ type: "list", default: value, min, max, integer, minLength, maxLength });

const number = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 10 });

/** The range as the parameters cell's comment states it: "0.001 to 0.35", "1 to 8,000", "x or y". */
export function rangeText(spec: ParameterSpec): string {
  if (spec.type === "text") return spec.oneOf ? spec.oneOf.map((v) => JSON.stringify(v)).join(" or ") : "";
  return `${number(spec.min)} to ${number(spec.max)}`;
}

/** The whole rule, for the sentence that refuses a value: "a whole number from 1 to 200". */
function rule(spec: ParameterSpec): string {
  if (spec.type === "number") return `${spec.integer ? "a whole number" : "a number"} from ${rangeText(spec)}`;
  if (spec.type === "text") return spec.oneOf ? `one of ${rangeText(spec)}` : "text";
  const lengths = spec.minLength === spec.maxLength ? `${spec.minLength}` : `${spec.minLength} to ${spec.maxLength}`;
  return `a list of ${lengths} ${spec.integer ? "whole numbers" : "numbers"}, each from ${rangeText(spec)}`;
}

function fits(spec: ParameterSpec, value: unknown): boolean {
  if (spec.type === "text") return typeof value === "string" && (!spec.oneOf || spec.oneOf.includes(value));
  const inRange = (x: unknown) =>
    typeof x === "number" &&
    Number.isFinite(x) &&
    x >= spec.min &&
    x <= spec.max &&
    (!spec.integer || Number.isInteger(x));
  if (spec.type === "number") return inRange(value);
  return (
    Array.isArray(value) && value.length >= spec.minLength && value.length <= spec.maxLength && value.every(inRange)
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const shown = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value) : Array.isArray(value) ? `[${value.join(", ")}]` : String(value);

/** A value of the parameters cell outside the range its lesson states. */
export class ParameterError extends LearnerError {
  override name = "ParameterError";
}

/**
 * The first of `values` outside its range, as the start of a sentence ("eta = 5 is outside this lesson's range:
 * it must be a number from 0.001 to 0.5 (default 0.05)"), or null when all fit. Values not given are not checked:
 * `npm run lesson` checks only the ones set with --set, before it builds anything.
 */
export function outsideRange(specs: ParameterSpecs, values: Readonly<Record<string, unknown>>): string | null {
  for (const [name, spec] of Object.entries(specs)) {
    if (name in values && !fits(spec, values[name])) {
      return `${name} = ${shown(values[name])} is outside this lesson's range: it must be ${rule(spec)} (default ${shown(spec.default)})`;
    }
  }
  return null;
}

export interface Lesson {
  /** The parameters whose values differ from the lesson's defaults, in the order of the parameters cell. */
  readonly changed: readonly string[];
  /** True when every value is the lesson's default: then the lesson's claims must hold. */
  readonly usesDefaults: boolean;
  /**
   * States one of the lesson's claims about its own results. True: prints "Claim holds: ...". False with the
   * defaults: throws (a lesson whose prose is wrong fails its tests). False with the learner's values: prints
   * what no longer holds and goes on. It returns nothing, so a cell that ends in a claim prints no value.
   */
  claim(statement: string, holds: boolean, evidence?: string): void;
  /**
   * Runs the lesson's Solutions cell: its checks print their verdicts, but they are the lesson's answers, not the
   * learner's, so they are not recorded as progress (a Run All would otherwise mark every exercise done).
   */
  solutions(show: () => void): void;
  /**
   * Tells the lesson whether its training was cut short by Kernel > Interrupt. While it was, a false claim is
   * reported (the run stopped before showing it) and the lesson goes on with the epochs done so far.
   */
  setInterrupted(interrupted: boolean): void;
}

/**
 * Checks the parameters cell's values against the lesson's ranges (refusing, in one sentence, the first that is
 * outside) and returns the lesson's `claim`. Say which values the learner changed, so that what follows reads
 * as their experiment.
 */
export function startLesson(
  specs: ParameterSpecs,
  values: Readonly<Record<string, unknown>>,
  print: (line: string) => void = console.log,
): Lesson {
  for (const name of Object.keys(values)) {
    if (!(name in specs))
      throw new ParameterError(
        `this lesson has no parameter "${name}"; its parameters are ${Object.keys(specs).join(", ")}`,
      );
  }
  for (const name of Object.keys(specs)) {
    if (!(name in values))
      throw new ParameterError(
        `the parameter ${name} is missing from startLesson's values; pass every value of the parameters cell`,
      );
  }
  const problem = outsideRange(specs, values);
  if (problem) throw new ParameterError(`${problem}; change it in the parameters cell and run the lesson again.`);
  const changed = Object.keys(specs).filter((name) => !same(values[name], specs[name].default));
  if (changed.length) {
    const list = changed
      .map((name) => `${name} = ${shown(values[name])} (default ${shown(specs[name].default)})`)
      .join(", ");
    print(
      `Your values: ${list}. Where one of the lesson's claims no longer holds for them, it says so and the lesson goes on.`,
    );
  }
  const usesDefaults = changed.length === 0;
  // The lessons train with the plain kernel (engines/fast/wasmModule.ts): then every learner's machine prints the
  // same seeded numbers, the ones the lessons' claims were checked with, fused multiply-adds or not.
  useKernelBuild("plain");
  let interrupted = false;
  return {
    changed,
    usesDefaults,
    setInterrupted(value) {
      interrupted = value;
    },
    claim(statement, holds, evidence = "") {
      if (!holds && interrupted) {
        print(
          `Not shown, because you interrupted the training: ${statement}${evidence ? ` (${evidence})` : ""}; ` +
            "run the training cell again to the end to see it.",
        );
        return;
      }
      if (holds || usesDefaults) {
        strictClaim(statement, holds, evidence, print);
        return;
      }
      print(
        `With your values this no longer holds: ${statement}${evidence ? ` (${evidence})` : ""}; with the defaults it does.`,
      );
    },
    solutions: withoutRecording,
  };
}
