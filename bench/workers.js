"use strict";
/** The bench's side of the worker protocol (bench/peers/serve.js): start a worker, ask, wait for its answer. */
const { spawn } = require("child_process");

/** The environment that gives a worker `threads` threads: the BLAS libraries read these before they start their
 *  thread pools, PyTorch's peer reads BENCH_THREADS. Every worker runs on one thread unless asked otherwise. */
function threadsEnv(threads) {
  const n = String(threads);
  return {
    OMP_NUM_THREADS: n,
    MKL_NUM_THREADS: n,
    OPENBLAS_NUM_THREADS: n,
    VECLIB_MAXIMUM_THREADS: n,
    NUMEXPR_NUM_THREADS: n,
    BENCH_THREADS: n,
  };
}
const oneThread = threadsEnv(1);

/**
 * Starts `command args` (called `name` in messages) and resolves to a worker { version, request(message), quit() } once it says it is
 * ready, or rejects with the reason it gave (its error, or the end of what it wrote to stderr).
 */
function startWorker(command, args, { name = command, cwd, readySeconds = 300, threads = 1 } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...threadsEnv(threads) },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "",
    buffered = "";
  const waiting = [];
  const failWith = (reason) => {
    while (waiting.length) waiting.shift().reject(new Error(reason));
  };

  child.stdin.on("error", () => {
    /* a worker that died is reported by its exit */
  });
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stdout.on("data", (chunk) => {
    const lines = (buffered + chunk).split("\n");
    buffered = lines.pop();
    for (const line of lines) {
      if (!line.startsWith("BENCH ")) continue;
      const message = JSON.parse(line.slice(6));
      const next = waiting.shift();
      if (!next) continue;
      if (message.error) next.reject(new Error(message.error));
      else next.resolve(message);
    }
  });
  child.on("error", (error) => failWith(`could not start ${command}: ${error.message}`));
  child.on("exit", (code, signal) => failWith(`${name} exited (${signal ?? "code " + code})${lastLines(stderr)}`));

  const next = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  const request = (message) => {
    const answer = next();
    child.stdin.write(JSON.stringify(message) + "\n");
    return answer;
  };
  let quitting = false;
  const quit = () => {
    if (quitting || child.exitCode !== null) return;
    quitting = true;
    child.stdin.end(JSON.stringify({ cmd: "quit" }) + "\n");
  };
  let timer;
  const ready = Promise.race([
    next(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not ready after ${readySeconds} s`)), readySeconds * 1000);
    }),
  ]).finally(() => clearTimeout(timer));
  return ready.then(
    (message) => ({ version: message.version, request, quit }),
    (error) => {
      child.kill();
      throw error;
    },
  );
}

function lastLines(text) {
  const lines = text
    .trim()
    .split("\n")
    .filter((line) => line.trim());
  return lines.length ? ": " + lines.slice(-2).join(" / ") : "";
}

module.exports = { startWorker, oneThread, threadsEnv };
