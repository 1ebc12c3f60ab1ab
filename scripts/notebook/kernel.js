// A small Jupyter client in Node: starts the project's tslab kernel and runs code in it over ZeroMQ, speaking the
// Jupyter messaging protocol (https://jupyter-client.readthedocs.io/en/latest/messaging.html). It lets the course
// be executed with or without Python: the one way the project's scripts and tests run a lesson. It uses zeromq,
// the package tslab itself runs on (the same version, declared in package.json).
const { spawn } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const zmq = require("zeromq");
const { freePort } = require("./freePort");

const tslab = path.dirname(require.resolve("tslab/package.json"));
const DELIMITER = "<IDS|MSG>";

class Kernel {
  /** Starts tslab in `cwd` (a notebook's folder, as Jupyter does) and waits until it answers. */
  static async start(cwd) {
    const ports = {};
    for (const name of ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"])
      ports[name] = await freePort();
    const connection = {
      ...ports,
      ip: "127.0.0.1",
      transport: "tcp",
      key: crypto.randomUUID(),
      signature_scheme: "hmac-sha256",
      kernel_name: "tslab",
    };
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "descent-kernel-"));
    const file = path.join(folder, "connection.json");
    fs.writeFileSync(file, JSON.stringify(connection), { mode: 0o600 });
    const child = spawn(process.execPath, [path.join(tslab, "bin", "tslab"), "kernel", "--config-path", file], {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const kernel = new Kernel(connection, child, folder);
    await kernel.ready();
    return kernel;
  }

  constructor(connection, child, folder) {
    this.key = connection.key;
    this.child = child;
    this.folder = folder;
    this.session = crypto.randomUUID();
    this.log = "";
    child.stderr.on("data", (chunk) => (this.log = (this.log + chunk).slice(-4000)));
    this.exited = new Promise((resolve) =>
      child.on("exit", (code, signal) => resolve(`the kernel exited (${signal ?? code})`)),
    );
    // Settles with one sentence when a message cannot be read: every wait below races it, so the run stops at once.
    this.unreadable = new Promise((resolve) => (this.stopReading = resolve));
    const url = (port) => `tcp://127.0.0.1:${port}`;
    this.shell = new zmq.Dealer();
    this.control = new zmq.Dealer();
    this.iopub = new zmq.Subscriber();
    this.shell.connect(url(connection.shell_port));
    this.control.connect(url(connection.control_port));
    this.iopub.connect(url(connection.iopub_port));
    this.iopub.subscribe();
    this.listeners = new Map(); // msg_id of our request -> function called with each iopub message it caused
    this.listen();
  }

  sign(parts) {
    const hmac = crypto.createHmac("sha256", this.key);
    for (const part of parts) hmac.update(part);
    return hmac.digest("hex");
  }

  message(type, content) {
    const header = {
      msg_id: crypto.randomUUID(),
      session: this.session,
      username: "descent",
      date: new Date().toISOString(),
      msg_type: type,
      version: "5.3",
    };
    return { header, parts: [header, {}, {}, content].map((part) => JSON.stringify(part)) };
  }

  async send(socket, type, content) {
    const { header, parts } = this.message(type, content);
    await socket.send([DELIMITER, this.sign(parts), ...parts]);
    return header.msg_id;
  }

  /**
   * Reads a multipart message from `socket` ("iopub", "shell") into { header, parent_header, content }, or, when its
   * signature is wrong or its parts are not JSON, stops every wait with one sentence and returns null.
   */
  parse(frames, socket) {
    const at = frames.findIndex((frame) => frame.toString() === DELIMITER);
    const parts = frames.slice(at + 2, at + 6).map((frame) => frame.toString("utf8"));
    if (at < 0 || frames[at + 1]?.toString() !== this.sign(parts)) {
      this.stopReading(
        `a message from the tslab kernel on its ${socket} socket had a wrong signature (not made with this connection's key), ` +
          "so the run stopped rather than trust it; run it again, and if this happens again, another program may be sending to the kernel's ports",
      );
      return null;
    }
    try {
      const [header, parent_header, , content] = parts.map((part) => JSON.parse(part));
      return { header, parent_header, content };
    } catch (error) {
      this.stopReading(
        `a message from the tslab kernel on its ${socket} socket could not be read (${error.message}), so the run stopped; run it again`,
      );
      return null;
    }
  }

  async listen() {
    try {
      for await (const frames of this.iopub) {
        const msg = this.parse(frames, "iopub");
        if (!msg) return;
        this.listeners.get(msg.parent_header.msg_id)?.(msg);
      }
    } catch {
      // the socket was closed
    }
  }

  /** Asks for kernel_info until the kernel answers and its iopub messages reach us (ZeroMQ's slow joiner). */
  async ready(timeoutMs = 60000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      let seen;
      const heard = new Promise((resolve) => (seen = resolve));
      const id = await this.send(this.shell, "kernel_info_request", {});
      this.listeners.set(id, seen);
      const answer = await Promise.race([
        heard.then(() => "ok"),
        this.exited,
        this.unreadable,
        new Promise((resolve) => setTimeout(resolve, 1000, "wait")),
      ]);
      this.listeners.delete(id);
      if (answer === "ok") return this.readReplies();
      if (answer !== "wait") throw new Error(`${answer}: ${this.log.trim()}`);
    }
    throw new Error(`the tslab kernel did not answer within ${timeoutMs / 1000} s: ${this.log.trim()}`);
  }

  /** Reads the shell socket from now on, keeping execute replies (the kernel_info replies we stopped waiting for are dropped). */
  readReplies() {
    this.replies = [];
    this.waiting = null;
    (async () => {
      try {
        for await (const frames of this.shell) {
          const msg = this.parse(frames, "shell");
          if (!msg) return;
          if (msg.header.msg_type !== "execute_reply") continue;
          this.replies.push(msg);
          this.waiting?.();
        }
      } catch {
        // closed
      }
    })();
  }

  async reply(id) {
    for (;;) {
      const found = this.replies.find((msg) => msg.parent_header.msg_id === id);
      if (found) return found;
      await new Promise((resolve) => (this.waiting = resolve));
    }
  }

  /**
   * Runs `code`; calls onOutput(msg) for each stream, display_data, update_display_data, execute_result, error
   * and clear_output message it causes. Resolves with { status, execution_count } once the kernel is idle again.
   */
  async execute(code, onOutput, timeoutMs) {
    let idle;
    const done = new Promise((resolve) => (idle = resolve));
    const { header, parts } = this.message("execute_request", {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
    });
    this.listeners.set(header.msg_id, (msg) => {
      if (msg.header.msg_type === "status") {
        if (msg.content.execution_state === "idle") idle();
      } else if (msg.header.msg_type !== "execute_input") onOutput(msg);
    });
    await this.shell.send([DELIMITER, this.sign(parts), ...parts]);
    let timer;
    const timeout = new Promise(
      (resolve) => (timer = setTimeout(resolve, timeoutMs, `the cell ran longer than ${timeoutMs / 1000} s`)),
    );
    const outcome = await Promise.race([
      Promise.all([this.reply(header.msg_id), done]).then(([reply]) => reply),
      this.exited,
      this.unreadable,
      timeout,
    ]);
    clearTimeout(timer);
    this.listeners.delete(header.msg_id);
    if (typeof outcome === "string") throw new Error(outcome);
    return outcome.content;
  }

  async shutdown() {
    try {
      await Promise.race([
        this.send(this.control, "shutdown_request", { restart: false }),
        new Promise((resolve) => setTimeout(resolve, 500)),
      ]);
      await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    } finally {
      this.child.kill("SIGKILL");
      for (const socket of [this.shell, this.control, this.iopub]) socket.close();
      fs.rmSync(this.folder, { recursive: true, force: true });
    }
  }
}

module.exports = { Kernel };
