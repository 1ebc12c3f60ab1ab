import { inspect } from "util";

/**
 * Mistakes a learner can make (a bad value, a bad expression, a missing file) are answered with one sentence
 * that says what is wrong and how to fix it. In a notebook the kernel prints a thrown error with
 * util.inspect, which would add a stack trace of library internals; these errors print as their sentence only.
 *
 * The family: every error a learner can meet is a LearnerError, so one `instanceof LearnerError` tells a
 * learner's mistake (print its sentence) from a bug (print everything). Each kind keeps its own name:
 * InputError (a value out of range, here), DataError, DownloadError, ModelError, ExpressionError,
 * ParameterError, ClaimError, DivergenceError and the CLI's UsageError, each beside the code that throws it.
 */
export class LearnerError extends Error {
  override name = "LearnerError";
  [inspect.custom](): string {
    return `${this.name}: ${this.message}`;
  }
}

/** A value out of its allowed range or shape (a learning rate of 0, a layer of 16.5 neurons, image 10 of 10). */
export class InputError extends LearnerError {
  override name = "InputError";
}
