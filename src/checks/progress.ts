import * as fs from "fs";
import * as path from "path";
import { writeFileAtomic } from "../io/files";
import { ExerciseId, exerciseKey } from "./exercises";

/**
 * The learner's progress for self-study: each exercise check records its verdict in data/progress.json (beside
 * the lessons' folder, git-ignored), and lesson 00 shows what is done and what is open (progressTable.ts).
 * Recording never fails a lesson: a file that cannot be read or written is one sentence, and the lesson goes on.
 */
export interface Verdict {
  /** Answered right at least once: an exercise stays done when a later answer is wrong. */
  readonly done: boolean;
  /** The latest verdict. */
  readonly last: "right" | "not yet";
  /** When the latest verdict was recorded (ISO 8601). */
  readonly at: string;
}

export interface Progress {
  readonly exercises: Readonly<Record<string, Verdict>>;
}

/**
 * Where progress is recorded: DESCENT_PROGRESS_FILE when set; inside a notebook kernel, data/progress.json one level
 * up from the lesson's folder (where the lessons find ../data/, so a test's copy of the course records into its
 * own data/); anywhere else (the library's unit tests, the CLI) nowhere.
 */
export function progressFile(): string | null {
  if (process.env.DESCENT_PROGRESS_FILE) return path.resolve(process.env.DESCENT_PROGRESS_FILE);
  let inKernel = false;
  try {
    inKernel = (require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown }).lastWriteDisplayData != null;
  } catch {
    inKernel = false;
  }
  return inKernel ? path.resolve("..", "data", "progress.json") : null;
}

/** Progress read from `file`: empty when there is none yet; an Error (with the sentence to say) when it is unreadable. */
export function readProgress(file: string): Progress | Error {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    // No file there yet (or not even its folder): nothing recorded so far.
    if (["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) return { exercises: {} };
    return new Error(`your progress in ${file} could not be read (${(error as Error).message})`);
  }
  try {
    const progress = JSON.parse(text) as Progress;
    if (typeof progress?.exercises !== "object" || progress.exercises === null)
      throw new Error('it holds no "exercises"');
    return progress;
  } catch (error) {
    return new Error(
      `your progress in ${file} is not a progress file (${(error as Error).message}); delete it to start your progress afresh`,
    );
  }
}

let solutionsShowing = false;
const warned = new Set<string>();

/** Runs `show` (a lesson's Solutions cell) without recording its verdicts: the solutions are not the learner's answers. */
export function withoutRecording(show: () => void): void {
  const before = solutionsShowing;
  solutionsShowing = true;
  try {
    show();
  } finally {
    solutionsShowing = before;
  }
}

/**
 * Records one verdict for an exercise (a right or wrong answer; "Your turn" is no verdict). On a file it cannot
 * read or write it prints one sentence (once per file) and returns: the lesson goes on.
 */
export function recordVerdict(
  id: ExerciseId,
  correct: boolean,
  print: (line: string) => void = console.log,
  file: string | null = progressFile(),
  now: Date = new Date(),
): void {
  if (file === null || solutionsShowing) return;
  const progress = readProgress(file);
  let problem = progress instanceof Error ? progress.message : "";
  if (!(progress instanceof Error)) {
    const key = exerciseKey(id);
    const done = correct || progress.exercises[key]?.done === true;
    const exercises = {
      ...progress.exercises,
      [key]: { done, last: correct ? "right" : "not yet", at: now.toISOString() },
    };
    try {
      writeFileAtomic(file, JSON.stringify({ ...progress, exercises }, null, 2) + "\n");
    } catch (error) {
      problem = `your progress could not be saved to ${file} (${(error as Error).message})`;
    }
  }
  if (problem && !warned.has(file)) {
    warned.add(file);
    print(`Note: ${problem}; the lesson goes on, but the progress table in lesson 00 will not show this answer.`);
  }
}
