import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "crypto";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { DownloadError, downloadMnist } from "../../src/data/download";

// Small stand-ins for the four MNIST files, served from 127.0.0.1 in three versions: good, truncated, corrupted.
const names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];
const raw = Object.fromEntries(names.map((n, i) => [n, Buffer.from(`${n} contents ${i}`.repeat(50))]));
const md5 = Object.fromEntries(names.map((n) => [n, createHash("md5").update(raw[n]).digest("hex")]));
const good = Object.fromEntries(names.map((n) => [n, gzipSync(raw[n])]));
let server: http.Server;
let base = "";

before(async () => {
  server = http.createServer((req, res) => {
    const [, variant, file] = (req.url ?? "").split("/");
    const name = file.replace(/\.gz$/, "");
    if (!good[name]) { res.writeHead(404); res.end(); return; }
    if (variant === "silent") return; // accepts the request and never answers
    if (variant === "stalled") { // answers, sends half the file, then nothing
      res.writeHead(200, { "content-length": good[name].length });
      res.write(good[name].subarray(0, good[name].length >> 1));
      return;
    }
    const bytes = variant === "good" ? good[name] : variant === "truncated" ? good[name].subarray(0, 20) : Buffer.from(gzipSync(Buffer.from("something else")));
    res.writeHead(200, { "content-length": bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(() => { server.closeAllConnections(); server.close(); });

const quiet = { md5, log: () => undefined };
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "descent-download-"));

test("good files land verified, and a second run leaves them as they are", async () => {
  const dir = tempDir();
  const files = await downloadMnist(dir, { ...quiet, mirrors: [`${base}/good/`] });
  assert.equal(files.length, 4);
  assert.deepEqual(fs.readdirSync(dir).sort(), names.map((n) => `${n}.gz`).sort());
  const before = fs.statSync(files[0]).mtimeMs;
  await downloadMnist(dir, { ...quiet, mirrors: [`${base}/corrupted/`] });
  assert.equal(fs.statSync(files[0]).mtimeMs, before, "a verified file is not fetched again");
});

test("truncated and corrupted downloads are refused, leaving no file and no temporary file", async () => {
  for (const variant of ["truncated", "corrupted"]) {
    const dir = tempDir();
    await assert.rejects(downloadMnist(dir, { ...quiet, mirrors: [`${base}/${variant}/`] }), (e: unknown) => {
      assert.ok(e instanceof DownloadError);
      assert.match(e.message, variant === "truncated" ? /not a whole gzip file/ : /its MD5 is [0-9a-f]+, not the published/);
      return true;
    });
    assert.deepEqual(fs.readdirSync(dir), []);
  }
});

test("a bad mirror falls through to the next good one", async () => {
  const dir = tempDir();
  const files = await downloadMnist(dir, { ...quiet, mirrors: [`${base}/corrupted/`, `${base}/missing/`, `${base}/good/`] });
  assert.equal(files.length, 4);
});

test("an offline download leaves no folder it created, and keeps a folder and files that were there", async () => {
  const offline = { ...quiet, mirrors: ["http://127.0.0.1:1/"] };
  const parent = tempDir();
  const created = path.join(parent, "data", "mnist");
  await assert.rejects(downloadMnist(created, offline), /could not get train-images-idx3-ubyte\.gz: tried http:\/\/127\.0\.0\.1:1\//);
  assert.deepEqual(fs.readdirSync(parent), [], "neither data/ nor data/mnist/ is left behind");

  const existing = tempDir();
  await assert.rejects(downloadMnist(existing, offline), DownloadError);
  assert.ok(fs.existsSync(existing), "a folder that was there before stays");

  const withNotes = path.join(tempDir(), "mnist");
  fs.mkdirSync(withNotes);
  fs.writeFileSync(path.join(withNotes, "notes.txt"), "mine");
  await assert.rejects(downloadMnist(withNotes, offline), DownloadError);
  assert.deepEqual(fs.readdirSync(withNotes), ["notes.txt"]);
});

test("a download that fails part-way keeps the verified files it got (a second run fetches only the rest)", async () => {
  const parent = tempDir();
  const dir = path.join(parent, "mnist");
  // The good mirror serves only the first file: the second is missing everywhere.
  const firstOnly = { ...quiet, md5: { [names[0]]: md5[names[0]], [names[1]]: "0".repeat(32) } };
  await assert.rejects(downloadMnist(dir, { ...firstOnly, mirrors: [`${base}/good/`] }), /could not get train-labels-idx1-ubyte\.gz/);
  assert.deepEqual(fs.readdirSync(dir), [`${names[0]}.gz`]);
});

test("a mirror that never answers, or stalls mid-file, is left after its timeout for the next, saying so", async () => {
  const dir = tempDir();
  const lines: string[] = [];
  const started = Date.now();
  const files = await downloadMnist(dir, { md5, log: (l) => lines.push(l), connectTimeoutMs: 300, idleTimeoutMs: 300,
    mirrors: [`${base}/silent/`, `${base}/stalled/`, `${base}/good/`] });
  assert.equal(files.length, 4);
  assert.ok(Date.now() - started < 10_000, "each stalled mirror was left after its timeout");
  assert.ok(lines.some((l) => /\/silent\/train-images-idx3-ubyte\.gz: no answer in 0\.3 s; trying the next mirror/.test(l)), lines.join("\n"));
  assert.ok(lines.some((l) => /\/stalled\/train-images-idx3-ubyte\.gz: no data for 0\.3 s; trying the next mirror/.test(l)), lines.join("\n"));
  await assert.rejects(downloadMnist(tempDir(), { md5, log: () => undefined, connectTimeoutMs: 300, idleTimeoutMs: 300, mirrors: [`${base}/silent/`] }),
    /could not get train-images-idx3-ubyte\.gz: tried .*silent.* \(no answer in 0\.3 s\)/);
});

test("a folder that cannot be created is one sentence, before any download", async () => {
  const file = path.join(tempDir(), "a-file");
  fs.writeFileSync(file, "not a folder");
  await assert.rejects(downloadMnist(path.join(file, "mnist"), { ...quiet, mirrors: [`${base}/good/`] }), (e: unknown) =>
    e instanceof DownloadError && e.message === `cannot create the folder ${path.join(file, "mnist")} for MNIST (ENOTDIR); choose a folder you can write to`);
});
