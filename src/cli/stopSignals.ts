/**
 * Ctrl-C (SIGINT), `kill` and `timeout` (SIGTERM) and a closed terminal (SIGHUP) all ask training to stop. The
 * first one is answered at once with a line saying what will happen; training notices it between minibatch
 * slices (within a fraction of a second, because the loop awaits between slices) and the last finished epoch is
 * saved. Further signals, even during the save, are only acknowledged: the handlers stay installed until the
 * save is done, so a second Ctrl-C cannot kill the process half-way and lose the trained model.
 */
export const stopSignals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export interface StopRequest {
  /** The signal that asked to stop, or null while none has. */
  readonly signal: NodeJS.Signals | null;
  /** Removes the handlers (after the save). */
  release(): void;
}

export function listenForStop(say: (line: string) => void): StopRequest {
  let signal: NodeJS.Signals | null = null;
  const onSignal = (received: NodeJS.Signals): void => {
    if (signal === null) {
      signal = received;
      say(
        `${received === "SIGINT" ? "Ctrl-C" : received}: stopping now; the last finished epoch will be kept (and saved with --save).`,
      );
    } else {
      say(`${received === "SIGINT" ? "Ctrl-C" : received} again: still stopping, one moment.`);
    }
  };
  for (const s of stopSignals) process.on(s, onSignal);
  return {
    get signal() {
      return signal;
    },
    release: () => {
      for (const s of stopSignals) process.off(s, onSignal);
    },
  };
}

/** The exit code of a process stopped by a signal: 128 + its number (130 for Ctrl-C). */
export function exitCodeOf(signal: NodeJS.Signals): number {
  return 128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal];
}
