import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { saveModel } from "../io/model";
import { Network } from "../network";
import { UsageError } from "./options";

/**
 * `--save FILE`, made safe: the path is checked before training starts (so a typo costs a second, not a
 * training run), and a save that still fails at the end goes to a fallback file that is named, so a trained
 * model is never lost.
 */

/** Refuses, before any training, a --save path that cannot be written: empty, a folder, under a file, read-only. */
export function checkSavePath(file: string): void {
  if (file.trim() === "") throw new UsageError(`--save needs a file name, such as --save model.json`);
  if (file.endsWith("/") || file.endsWith(path.sep) || isDirectory(file)) {
    throw new UsageError(
      `--save ${file} is a folder; name a file in it, such as --save ${path.join(file, "model.json")}`,
    );
  }
  // The nearest folder above the file that exists must be a folder we may create files in.
  let dir = path.dirname(path.resolve(file));
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  if (!isDirectory(dir)) throw new UsageError(`--save ${file} cannot be written: ${dir} is a file, not a folder`);
  const probe = path.join(dir, `.descent-save-check.${process.pid}.tmp`);
  try {
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (error) {
    throw new UsageError(
      `--save ${file} cannot be written: files cannot be created in ${dir} (${(error as NodeJS.ErrnoException).code ?? "refused"}); save somewhere else, such as --save model.json`,
    );
  }
}

/**
 * Saves the model to `file`; when that fails after all, to a fallback file in the working folder or the system's
 * temporary folder. Returns the sentence that says where it went.
 */
export function saveOrFallBack(net: Network, file: string, what: string): string {
  try {
    saveModel(net, file);
    return `saved ${what} to ${file}`;
  } catch (error) {
    const reason = (error as Error).message;
    const name = `descent-model-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
    for (const fallback of [path.resolve(name), path.join(os.tmpdir(), name)]) {
      try {
        saveModel(net, fallback);
        return `could not save to ${file} (${reason}), so ${what} was saved to ${fallback} instead`;
      } catch {
        // try the next place
      }
    }
    return `could not save ${what} to ${file} (${reason}), nor to a fallback file in ${process.cwd()} or ${os.tmpdir()}`;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
