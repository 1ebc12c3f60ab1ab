import * as fs from "fs";
import * as path from "path";

/**
 * Writes a file so that a crash, a kill or Ctrl-C half-way never leaves it half-written: the text goes to
 * a temporary file beside it, is flushed to disk, and only then renamed over the old file (a rename within
 * one directory is atomic). Until that moment the previous file is untouched.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(dir, path.basename(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(temp, "w");
    try {
      fs.writeSync(fd, typeof text === "string" ? Buffer.from(text) : text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes the temporary files (`.NAME.PID.TIME.tmp`) that killed saves of `name` left behind, unless their process still runs. */
function removeStaleTemporaries(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return; // the write itself will say what is wrong with the folder
  }
  for (const entry of entries) {
    if (!entry.startsWith(`.${name}.`) || !entry.endsWith(".tmp")) continue;
    const pid = Number(/^\.(?:.*)\.(\d+)\.\d+\.tmp$/.exec(entry)?.[1]);
    if (!Number.isInteger(pid) || (pid !== process.pid && isRunning(pid))) continue;
    fs.rmSync(path.join(dir, entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // it runs, as another user
  }
}
