import { InputError } from "../errors/learnerError";

/**
 * Every exercise of the course has an identity, its lesson and its name ("03", "next point"), defined once where
 * its check is defined (`src/checks/lessonNN.ts`). Loading the library defines them all, so the progress table
 * can list the exercises a learner has never tried as open, not only the ones they answered. A new kind of
 * exercise (say, a function the learner writes, checked on random inputs) is counted the same way: define it
 * here and record its verdicts with `recordVerdict` (progress.ts).
 */
export interface ExerciseId {
  /** The lesson's two digits, as in its file name: "00" for 00-start-here.ipynb. */
  readonly lesson: string;
  /** What the learner would call it, unique within its lesson ("guess rate"). */
  readonly name: string;
}

const defined: ExerciseId[] = [];

/** Defines an exercise (once; defining the same one again returns the first). */
export function defineExercise(lesson: string, name: string): ExerciseId {
  if (!/^\d\d$/.test(lesson))
    throw new InputError(`an exercise's lesson is its two digits, such as "03"; got "${lesson}"`);
  if (name.trim() === "") throw new InputError(`an exercise of lesson ${lesson} needs a name`);
  const existing = defined.find((e) => e.lesson === lesson && e.name === name);
  if (existing) return existing;
  const id: ExerciseId = Object.freeze({ lesson, name });
  defined.push(id);
  return id;
}

/** The exercises defined so far (all of the course's once the library is loaded), by lesson, in the order defined. */
export function allExercises(): readonly ExerciseId[] {
  return defined
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.lesson.localeCompare(b.e.lesson) || a.order - b.order)
    .map(({ e }) => e);
}

/** The key an exercise's verdict is stored under in the progress file: "03/next point". */
export const exerciseKey = (id: ExerciseId): string => `${id.lesson}/${id.name}`;
