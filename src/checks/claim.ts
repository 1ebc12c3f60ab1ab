import { LearnerError } from "../errors/learnerError";
/**
 * A lesson's claims about its own results ("the cost falls", "test accuracy stays near 10%") are stated in
 * code with `claim`, right where the prose makes them. A true claim prints one line starting with
 * "Claim holds:"; a false one throws, so the lesson fails in the tests instead of drifting from what it says.
 */
export class ClaimError extends LearnerError {
  override name = "ClaimError";
}

export function claim(
  statement: string,
  holds: boolean,
  evidence = "",
  print: (line: string) => void = console.log,
): void {
  const detail = evidence ? ` (${evidence})` : "";
  if (!holds) {
    throw new ClaimError(
      `The lesson claims "${statement}", but this run shows otherwise${detail}. If you changed the parameters, that may be the lesson of your experiment; with the defaults, please report it.`,
    );
  }
  print(`Claim holds: ${statement}${detail}`);
}
