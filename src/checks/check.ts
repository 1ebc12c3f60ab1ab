import { ExerciseId } from "./exercises";
import { recordVerdict } from "./progress";

/**
 * Checks for "Your turn" exercises. A check looks at the learner's answer and says either that it is right,
 * or what is wrong with a hint toward the fix: never a bare "false". Each lesson's checks (in this folder)
 * are built from these pieces and unit-tested with a right answer and the typical wrong ones.
 */
export interface CheckResult {
  readonly correct: boolean;
  /** True when the exercise still holds its starting `undefined`: the learner has not answered yet. */
  readonly pending?: boolean;
  readonly message: string;
}

/** A typical mistake: when `matches` says the answer looks like it, `hint` says what to do. */
export interface Mistake<T> {
  readonly matches: (answer: T) => boolean;
  readonly hint: string;
}

export interface Exercise<T> {
  /** Which exercise of the course this is (defineExercise): its verdicts go into the learner's progress. */
  readonly id?: ExerciseId;
  /** What the exercise asks for, as the learner would say it ("the number of weights and biases"). */
  readonly what: string;
  readonly isRight: (answer: T) => boolean;
  /** Known wrong answers, tried in order. */
  readonly mistakes?: readonly Mistake<T>[];
  /** Said when the answer is wrong in a way no mistake describes. */
  readonly otherwise: string;
  /** Said when the answer is right (what it means). */
  readonly praise?: string;
}

/** Where a verdict goes: the notebook's output by default, a list in the tests. */
export type Print = (line: string) => void;

/**
 * Judges an answer, prints the verdict, so the notebook cell shows it, and records it in the learner's progress
 * (a right or wrong answer; "Your turn" is not one). Lesson checks built on it return nothing, so the kernel
 * does not also print the result object.
 */
export function check<T>(exercise: Exercise<T>, answer: T, print: Print = console.log): CheckResult {
  const result = judge(exercise, answer);
  print(`${result.correct ? "✅" : result.pending ? "✏️" : "❌"} ${result.message}`);
  if (exercise.id && !result.pending) recordVerdict(exercise.id, result.correct, print);
  return result;
}

/**
 * Every exercise starts as `undefined`: that is "not answered yet", answered with what to do and no hint, so a
 * first Run All of a lesson shows no hint for an answer the learner has not given.
 */
export function judge<T>(exercise: Exercise<T>, answer: T): CheckResult {
  if (answer === undefined) {
    return {
      correct: false,
      pending: true,
      message: `Your turn: ${exercise.what}. Replace \`undefined\` with your answer and run the cell.`,
    };
  }
  let right = false;
  let failure: Error | undefined;
  try {
    right = exercise.isRight(answer);
  } catch (error) {
    failure = error as Error;
  }
  if (right)
    return { correct: true, message: `Right: ${exercise.what}${exercise.praise ? `. ${exercise.praise}` : "."}` };
  for (const mistake of exercise.mistakes ?? []) {
    let matches = false;
    try {
      matches = mistake.matches(answer);
    } catch {
      matches = false;
    }
    if (matches) return { correct: false, message: `Not yet (${exercise.what}): ${mistake.hint}` };
  }
  // An answer so wrong that checking it failed: its error is the most useful hint there is.
  if (failure)
    return { correct: false, message: `Not yet (${exercise.what}): ${failure.message}. ${exercise.otherwise}` };
  return { correct: false, message: `Not yet (${exercise.what}): ${exercise.otherwise}` };
}

/** True when x is a finite number within `tolerance` of `expected` (relative to its size, at least absolute). */
export function near(x: unknown, expected: number, tolerance = 1e-6): boolean {
  return (
    typeof x === "number" && Number.isFinite(x) && Math.abs(x - expected) <= tolerance * Math.max(1, Math.abs(expected))
  );
}

/** True when every entry of xs is near the matching entry of expected. */
export function allNear(xs: unknown, expected: ArrayLike<number>, tolerance = 1e-6): boolean {
  if (!xs || typeof (xs as ArrayLike<number>).length !== "number") return false;
  const a = xs as ArrayLike<number>;
  if (a.length !== expected.length) return false;
  for (let i = 0; i < a.length; i++) if (!near(a[i], expected[i], tolerance)) return false;
  return true;
}
