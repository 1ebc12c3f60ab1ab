/**
 * A one-line progress bar on a terminal (stderr), redrawn in place at most ten times a second.
 * On anything that is not a terminal it prints nothing, so logs and pipes stay clean.
 */
export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  done(line: string): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr, width = 30): ProgressBar {
  const live = Boolean(stream.isTTY);
  let last = 0;
  return {
    update(done, total, label) {
      const now = Date.now();
      if (!live || (now - last < 100 && done < total)) return;
      last = now;
      const filled = Math.round((width * done) / Math.max(total, 1));
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${label}\x1b[K`);
    },
    done(line) {
      stream.write(live ? `\r${line}\x1b[K\n` : `${line}\n`);
    },
  };
}
