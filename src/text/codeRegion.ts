import * as fs from "fs";
import { LearnerError } from "../errors/learnerError";

/**
 * The lines of a source file between `// #region name` and the next `// #endregion`, so a lesson can show the
 * library's own code for what it teaches (backprop's equations, the L2 step) instead of a copy of it.
 * A region that is not there is one sentence naming the file and the region.
 */
export function codeRegion(file: string, name: string): string {
  if (!fs.existsSync(file)) throw new LearnerError(`${file} does not exist: run the lesson from its notebooks/ folder`);
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const from = lines.findIndex((line) => line.trim() === `// #region ${name}`);
  const to = from < 0 ? -1 : lines.findIndex((line, i) => i > from && line.trim() === "// #endregion");
  if (from < 0 || to < 0)
    throw new LearnerError(`${file} has no region "${name}" (// #region ${name} ... // #endregion)`);
  // Drop the region's common indentation, so it reads as it does in the file.
  const body = lines.slice(from + 1, to);
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
}
