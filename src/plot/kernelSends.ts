import * as path from "path";

/**
 * Keeps the kernel's messages from being lost when many go out at once (live training, long printouts).
 *
 * tslab 1.0.22 sends every message (outputs, display updates, the "idle" status) with zeromq.js 6's
 * `socket.send()` and neither awaits nor catches it. zeromq.js 6 sends at most 512 messages in a row on one
 * socket at once; the 513th waits for the next turn of the event loop, and any other send before that turn
 * throws EBUSY ("Socket is busy writing; only one send operation may be in progress at any time"). So when a
 * cell sends two messages in one turn at that boundary (a progress bar and its chart, two printed lines), the
 * second throws inside the cell, and the error, the cell's other outputs and often the kernel's "idle" status
 * are lost: JupyterLab shows the kernel busy for ever, nbclient fails with an empty CellExecutionError, and a
 * client waiting for "idle" hangs (measured; the README's "Live training" section has the figures).
 *
 * `queueSends` makes a busy socket wait instead of throw: a message that finds the socket busy is queued and
 * goes out, in order, once the send in flight is done.
 */
export interface Sendable {
  send(message: unknown): Promise<void>;
}

interface Queue {
  inFlight: Promise<void> | null; // the last send the socket accepted: the one a busy socket is waiting on
  waiting: { message: unknown; sent: () => void; failed: (error: unknown) => void }[];
}

const patched = new WeakSet<object>();
const isBusy = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === "EBUSY";
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Wraps `prototype.send` (zeromq's Socket) so that a send on a busy socket is queued, not thrown. Idempotent. */
export function queueSends(prototype: Sendable): void {
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const send = prototype.send;
  const queues = new WeakMap<object, Queue>();

  const accept = (queue: Queue, sent: Promise<void>): Promise<void> => {
    queue.inFlight = sent;
    sent.catch(() => undefined); // tslab never awaits its sends: a failure must not become an unhandled rejection
    return sent;
  };

  async function drain(socket: Sendable, queue: Queue): Promise<void> {
    while (queue.waiting.length > 0) {
      await queue.inFlight?.catch(() => undefined);
      const next = queue.waiting[0];
      try {
        accept(queue, send.call(socket, next.message)).then(next.sent, next.failed);
        queue.waiting.shift();
      } catch (error) {
        if (isBusy(error)) {
          await nextTurn(); // still busy (a send from before the queue existed): let the event loop write it
          continue;
        }
        queue.waiting.shift();
        next.failed(error);
      }
    }
  }

  // defineProperty: zeromq's native `send` is read-only (but configurable).
  Object.defineProperty(prototype, "send", {
    configurable: true,
    writable: true,
    value: function queuedSend(this: Sendable, message: unknown): Promise<void> {
      let queue = queues.get(this);
      if (!queue) queues.set(this, (queue = { inFlight: null, waiting: [] }));
      if (queue.waiting.length === 0) {
        try {
          return accept(queue, send.call(this, message));
        } catch (error) {
          if (!isBusy(error)) throw error;
        }
      }
      const q = queue;
      const queued = new Promise<void>((sent, failed) => q.waiting.push({ message, sent, failed }));
      queued.catch(() => undefined);
      if (q.waiting.length === 1) void drain(this, q);
      return queued;
    },
  });
}

/**
 * Queues the sends of the zeromq.js that tslab runs on, in this process (a tslab kernel). Call it from code that
 * runs in the kernel; the library's display layer does, on its first output.
 */
export function queueKernelSends(): void {
  const tslabFolder = path.dirname(require.resolve("tslab/package.json"));
  const zeromq = require(require.resolve("zeromq", { paths: [tslabFolder] })) as { Socket: { prototype: Sendable } };
  queueSends(zeromq.Socket.prototype);
}
