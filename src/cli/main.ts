import { LearnerError } from "../errors/learnerError";
import { UsageError, parseTrainCommand, usage } from "./options";
import { runTrain } from "./trainCommand";

/**
 * `npx descent train ...`. Exit codes: 0 done, 1 a failure explained in one sentence (bad data or model
 * file, divergence), 2 a bad command line (with the usage), 130 stopped by Ctrl-C.
 */
export async function main(args: string[]): Promise<number> {
  // `descent train --json | head -1`: a reader that stops reading ends the output, not the run (or its save).
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  const [command, ...rest] = args;
  try {
    if (command !== "train") {
      throw new UsageError(
        command === undefined || command === "--help" ? "" : `unknown command "${command}"; the command is "train"`,
      );
    }
    return await runTrain(parseTrainCommand(rest));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(usage);
      if (error.message) console.error(`\ndescent: ${error.message}`);
      return error.message ? 2 : 0;
    }
    if (error instanceof LearnerError) {
      console.error(`descent: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
