import { LearnerError } from "../errors/learnerError";
import { Random, createRandom } from "../random";
import { CheckResult, Print } from "./check";
import { ExerciseId } from "./exercises";
import { recordVerdict } from "./progress";
import { copyOf, describeValue, sameValue, unchanged } from "./values";

/**
 * Checks for "Your turn" exercises in which the learner writes a function (one step of gradient descent, the
 * cost of one example, a backward pass). The check runs the learner's function on seeded random inputs, edge
 * cases first, and compares each result with the library's own function, the answer key. On the first input
 * where they disagree it says the input, what was expected and what came back, and, when the result equals
 * what a typical wrong version would give there, the hint that names that mistake.
 *
 * An exercise cell starts with a body of `return yourTurn();`: the check recognises it as not written yet and
 * says "Your turn" with no hint, so a first Run All of a lesson shows no hint for code the learner has not
 * written.
 */
export interface FunctionExercise<A extends unknown[], R> {
  /** Which exercise of the course this is (defineExercise): its verdicts go into the learner's progress. */
  readonly id?: ExerciseId;
  /** What the function computes, as the learner would say it ("cost(output, label): the cost of one example"). */
  readonly what: string;
  /** The inputs to try, made from a seeded generator: edge cases first, at least 20 in all. */
  readonly inputs: (random: Random) => A[];
  /** The library's own function: the answer key. */
  readonly reference: (...args: A) => R;
  /** Typical wrong versions; the first whose result equals the learner's on the failing input gives its hint. */
  readonly mistakes?: readonly FunctionMistake<A, R>[];
  /** Relative tolerance for numbers (default 1e-6). */
  readonly tolerance?: number;
  /** How to write one input in a message (default: each argument, long arrays shortened). */
  readonly describe?: (...args: A) => string;
  /** Said when the result is wrong in a way no mistake describes. */
  readonly otherwise: string;
  /** Said when the learner's function changed an input (default: work on a copy or build a new array). */
  readonly changedInput?: string;
  /** Said when every input agrees (what it means). */
  readonly praise?: string;
}

export interface FunctionMistake<A extends unknown[], R> {
  readonly wrong: (...args: A) => R;
  readonly hint: string;
}

/** The body of an exercise the learner has not written yet: `return yourTurn();`. */
export function yourTurn(): never {
  throw new NotWrittenYet();
}

/** What an exercise not written yet throws: its check says "Your turn"; called anywhere else, it prints as its sentence. */
class NotWrittenYet extends LearnerError {
  override name = "NotWrittenYet";
  constructor() {
    super("replace `return yourTurn();` with your code");
  }
}

/** Judges the learner's function and prints the verdict, as `check` does for a value. */
export function checkFunction<A extends unknown[], R>(
  exercise: FunctionExercise<A, R>,
  candidate: unknown,
  print: Print = console.log,
  seed = 1,
): CheckResult {
  const result = judgeFunction(exercise, candidate, seed);
  print(`${result.correct ? "✅" : result.pending ? "✏️" : "❌"} ${result.message}`);
  if (exercise.id && !result.pending) recordVerdict(exercise.id, result.correct, print);
  return result;
}

export function judgeFunction<A extends unknown[], R>(
  exercise: FunctionExercise<A, R>,
  candidate: unknown,
  seed = 1,
): CheckResult {
  const notYet = (detail: string): CheckResult => ({
    correct: false,
    message: `Not yet (${exercise.what}): ${detail}`,
  });
  if (candidate === undefined) return pending(exercise);
  if (typeof candidate !== "function")
    return notYet(`that is ${describeValue(candidate)}, not a function; write a function`);
  const learner = candidate as (...args: A) => unknown;
  const inputs = exercise.inputs(createRandom(seed));
  const tolerance = exercise.tolerance ?? 1e-6;
  const describe = exercise.describe ?? ((...args: A) => args.map((arg) => describeValue(arg)).join(", "));

  for (let i = 0; i < inputs.length; i++) {
    const args = inputs[i];
    const where = `on input ${i + 1} of ${inputs.length} (${describe(...args)})`;
    const expected = exercise.reference(...copyOf(args));
    const given = copyOf(args);
    let got: unknown;
    try {
      got = learner(...given);
    } catch (error) {
      if (error instanceof NotWrittenYet) return pending(exercise);
      return notYet(`your function threw an error ${where}: ${(error as Error)?.message ?? String(error)}`);
    }
    if (!unchanged(given, args)) {
      const fix = exercise.changedInput ?? "work on a copy or build a new array";
      return notYet(`your function changed its input ${where}; the code that calls it still needs it, so ${fix}`);
    }
    if (sameValue(got, expected, tolerance)) continue;
    const mismatch = `${where} it should give ${describeValue(expected)} but gave ${describeValue(got)}`;
    if (got === undefined) return notYet(`${mismatch}: add a \`return\` with the result`);
    for (const mistake of exercise.mistakes ?? []) {
      let matches = false;
      try {
        matches = sameValue(got, mistake.wrong(...copyOf(args)), tolerance);
      } catch {
        matches = false;
      }
      if (matches) return notYet(`${mismatch}. ${capitalised(mistake.hint)}`);
    }
    return notYet(`${mismatch}. ${capitalised(exercise.otherwise)}`);
  }
  const praise = exercise.praise ? ` ${exercise.praise}` : "";
  return {
    correct: true,
    message: `Right: ${exercise.what}; it agrees with the library's on all ${inputs.length} inputs.${praise}`,
  };
}

function pending(exercise: { what: string }): CheckResult {
  return {
    correct: false,
    pending: true,
    message: `Your turn: write ${exercise.what}. Replace \`return yourTurn();\` with your code and run the cell.`,
  };
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
