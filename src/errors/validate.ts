import { InputError } from "./learnerError";
/**
 * Up-front checks of hyperparameters, so a bad value is refused with one sentence that names it, shows it
 * and gives the allowed range, before any work starts and before anything is written.
 */

/** A number greater than 0 (a learning rate, say). */
export function checkPositive(name: string, value: unknown, hint = ""): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InputError(`${name} must be a number greater than 0${hint}; got ${show(value)}`);
  }
  return value;
}

/** A number of at least 0 (a regularisation strength, say). */
export function checkNonNegative(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InputError(`${name} must be a number of at least 0; got ${show(value)}`);
  }
  return value;
}

/** A whole number in min..max (max optional). */
export function checkWholeNumber(name: string, value: unknown, min: number, max = Infinity): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new InputError(`${name} must be a whole number ${range}; got ${show(value)}`);
  }
  return value;
}

function show(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}
