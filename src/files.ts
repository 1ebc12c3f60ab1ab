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
