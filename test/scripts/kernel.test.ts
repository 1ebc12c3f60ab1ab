import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Descent's Jupyter client (scripts/notebook/kernel.js) against a fake kernel on real ZeroMQ sockets, which
// answers like tslab but signs one message with another key: the run must stop at once with one sentence,
// not wait out the cell's timeout in silence.
const { Kernel } = require(path.join(__dirname, "..", "..", "..", "scripts", "notebook", "kernel.js"));
const zmq = require("zeromq");
const DELIMITER = "<IDS|MSG>";
const key: string = crypto.randomUUID();

const sign = (signingKey: string, parts: string[]) => {
  const hmac = crypto.createHmac("sha256", signingKey);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
};
/** A kernel message answering `parent`, as tslab frames it: delimiter, signature, header, parent header, metadata, content. */
function message(type: string, parent: object, content: object, signingKey = key): string[] {
  const parts = [
    {
      msg_id: crypto.randomUUID(),
      msg_type: type,
      session: "fake",
      username: "fake",
      date: new Date().toISOString(),
      version: "5.3",
    },
    parent,
    {},
    content,
  ].map((part) => JSON.stringify(part));
  return [DELIMITER, sign(signingKey, parts), ...parts];
}

/**
 * A fake kernel: it answers kernel_info on iopub (so the client knows it is heard), and an execute request with
 * one stream output, an idle status and an execute reply, where `badOn` ("iopub" or "shell") is signed with a wrong key.
 */
async function fakeKernel(badOn: "iopub" | "shell") {
  const shell = new zmq.Router(),
    control = new zmq.Router(),
    iopub = new zmq.Publisher();
  for (const socket of [shell, control, iopub]) await socket.bind("tcp://127.0.0.1:*");
  const port = (socket: { lastEndpoint: string }) => Number(/:(\d+)$/.exec(socket.lastEndpoint)![1]);
  (async () => {
    for await (const [identity, ...frames] of shell) {
      const at = frames.findIndex((frame: Buffer) => frame.toString() === DELIMITER);
      const request = JSON.parse(frames[at + 2].toString());
      if (request.msg_type === "kernel_info_request") {
        await iopub.send(message("status", request, { execution_state: "idle" }));
      } else if (request.msg_type === "execute_request") {
        await iopub.send(
          message("stream", request, { name: "stdout", text: "2\n" }, badOn === "iopub" ? "another key" : key),
        );
        await iopub.send(message("status", request, { execution_state: "idle" }));
        await shell.send([
          identity,
          ...message(
            "execute_reply",
            request,
            { status: "ok", execution_count: 1 },
            badOn === "shell" ? "another key" : key,
          ),
        ]);
      }
    }
  })().catch(() => undefined); // the socket was closed
  const connection = { shell_port: port(shell), control_port: port(control), iopub_port: port(iopub), key };
  return { connection, close: () => [shell, control, iopub].forEach((socket) => socket.close()) };
}

for (const badOn of ["iopub", "shell"] as const) {
  test(
    `a message with a wrong signature on the ${badOn} socket stops the cell at once, in one sentence`,
    { timeout: 30000 },
    async () => {
      const fake = await fakeKernel(badOn);
      // Stands in for the kernel's process, which the client watches and stops.
      const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      const kernel = new Kernel(fake.connection, child, fs.mkdtempSync(path.join(os.tmpdir(), "descent-fake-kernel-")));
      try {
        await kernel.ready(10000);
        const started = Date.now();
        await assert.rejects(
          kernel.execute("1 + 1", () => undefined, 20000),
          {
            message: `a message from the tslab kernel on its ${badOn} socket had a wrong signature (not made with this connection's key), so the run stopped rather than trust it; run it again, and if this happens again, another program may be sending to the kernel's ports`,
          },
        );
        assert.ok(
          Date.now() - started < 5000,
          `stopped after ${Date.now() - started} ms, not at the cell's 20 s timeout`,
        );
      } finally {
        await kernel.shutdown();
        fake.close();
      }
    },
  );
}
