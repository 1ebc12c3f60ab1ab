import { inspect } from "util";

/**
 * Mistakes a learner can make (a bad value, a bad expression, a missing file) are answered with one sentence
 * that says what is wrong and how to fix it. In a notebook the kernel prints a thrown error with
 * util.inspect, which would add a stack trace of library internals; these errors print as their sentence only.
 */
export class LearnerError extends Error {
  override name = "LearnerError";
  [inspect.custom](): string {
    return `${this.name}: ${this.message}`;
  }
}

/** A value out of its allowed range (a learning rate of 0, a layer of 16.5 neurons). Still a RangeError. */
export class InputError extends RangeError {
  override name = "InputError";
  [inspect.custom](): string {
    return `${this.name}: ${this.message}`;
  }
}
