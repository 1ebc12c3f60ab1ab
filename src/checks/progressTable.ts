import { ExerciseId, allExercises, exerciseKey } from "./exercises";
import { Progress, progressFile, readProgress } from "./progress";
import { markdownTable } from "../text/markdownTable";

/** One lesson's row of the progress table: its exercises done (answered right at least once) and still open. */
export interface LessonProgress {
  readonly lesson: string;
  readonly done: readonly string[];
  readonly open: readonly string[];
}

/** Per lesson with exercises, in order: which are done and which are open (never tried, or never right yet). */
export function lessonProgress(
  progress: Progress,
  exercises: readonly ExerciseId[] = allExercises(),
): LessonProgress[] {
  const rows: LessonProgress[] = [];
  for (const id of exercises) {
    let row = rows.find((r) => r.lesson === id.lesson);
    if (!row) rows.push((row = { lesson: id.lesson, done: [], open: [] }));
    (progress.exercises[exerciseKey(id)]?.done ? (row.done as string[]) : (row.open as string[])).push(id.name);
  }
  return rows;
}

/** The progress as a markdown table: lesson, exercises done, exercises open. */
export function progressTable(progress: Progress, exercises: readonly ExerciseId[] = allExercises()): string {
  const names = (list: readonly string[]) => (list.length ? list.join(", ") : "—");
  const rows = lessonProgress(progress, exercises).map((r) => [
    r.lesson,
    `${r.done.length} of ${r.done.length + r.open.length}${r.done.length ? `: ${names(r.done)}` : ""}`,
    names(r.open),
  ]);
  return markdownTable(["lesson", "done", "open"], rows, ["left", "left", "left"]);
}

/** Lesson 00's progress cell: the table for the learner's progress file (or one sentence on why there is none). */
export function showProgress(file: string | null = progressFile()): void {
  const progress = file === null ? { exercises: {} } : readProgress(file);
  if (progress instanceof Error) {
    console.log(`${progress.message[0].toUpperCase()}${progress.message.slice(1)}.`);
    return;
  }
  const table = progressTable(progress);
  try {
    (require("tslab") as { display: { markdown(s: string): void } }).display.markdown(table);
  } catch {
    console.log(table); // outside a notebook
  }
}
