import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { gunzipSync } from "zlib";
import { LearnerError } from "../errors/learnerError";
import { idxFileNames } from "./idx";
import { mnistDirectory } from "./places";

/**
 * `npm run data -- mnist`: fetches full MNIST's four gzipped IDX files into data/mnist/ from the public
 * mirrors, trying each in turn, and keeps a file only when its unpacked bytes have the MD5 published with
 * MNIST. A download goes to a temporary file first, so a bad or interrupted one never leaves a partial file,
 * and a run that gets nothing leaves no empty folder behind (lesson 08 and `--data mnist` look for the files).
 */
export const mnistMirrors = [
  "https://ossci-datasets.s3.amazonaws.com/mnist/",
  "https://storage.googleapis.com/cvdf-datasets/mnist/",
  "https://yann.lecun.com/exdb/mnist/",
];

/** MD5 of each uncompressed file, as published with MNIST. */
export const mnistMd5: Readonly<Record<string, string>> = {
  [idxFileNames.trainImages]: "6bbc9ace898e44ae57da46a324031adb",
  [idxFileNames.trainLabels]: "a25bea736e30d166cdddb491f175f624",
  [idxFileNames.testImages]: "2646ac647ad5339dbf082846283269ea",
  [idxFileNames.testLabels]: "27ae3e4e09519cfbb04c329615203637",
};

export class DownloadError extends LearnerError {
  override name = "DownloadError";
}

export interface DownloadOptions {
  mirrors?: string[];
  md5?: Readonly<Record<string, string>>;
  /** Called as bytes arrive: file name, bytes so far, total bytes (0 when the server does not say). */
  onProgress?: (file: string, received: number, total: number) => void;
  log?: (line: string) => void;
  /** How long a mirror may take to answer, and how long its bytes may stop coming, before the next is tried. */
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
}

/** A mirror that accepts and never answers, or stalls mid-file, is left after this long (measured: a silent mirror used to hang 302 s). */
export const CONNECT_TIMEOUT_MS = 15_000;
export const IDLE_TIMEOUT_MS = 30_000;

/** Why the gzipped bytes are not the wanted file, or null when they are. */
function problemWith(gz: Uint8Array, md5: string): string | null {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch (error) {
    return `it is not a whole gzip file (${(error as Error).message})`;
  }
  const found = createHash("md5").update(raw).digest("hex");
  return found === md5 ? null : `its MD5 is ${found}, not the published ${md5}`;
}

/**
 * The bytes at `url`, or an error saying why not: an HTTP error, no answer within `connectMs`, or no bytes for
 * `idleMs` in the middle of the file (the request is then aborted, so nothing hangs).
 */
async function fetchBytes(url: string, file: string, onProgress: DownloadOptions["onProgress"], connectMs: number, idleMs: number): Promise<Uint8Array> {
  const abort = new AbortController();
  let why = "";
  let timer = setTimeout(() => { why = `no answer in ${connectMs / 1000} s`; abort.abort(); }, connectMs);
  const quietFor = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { why = `no data for ${idleMs / 1000} s`; abort.abort(); }, idleMs);
  };
  try {
    const response = await fetch(url, { signal: abort.signal });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    quietFor();
    const total = Number(response.headers.get("content-length") ?? 0);
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      quietFor();
      chunks.push(value);
      received += value.length;
      onProgress?.(file, received, total);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    throw why ? new Error(why) : error;
  } finally {
    clearTimeout(timer);
  }
}

/** Downloads whatever of the four files `dir` lacks (or holds damaged); returns the files now in place. */
export async function downloadMnist(dir = mnistDirectory(), options: DownloadOptions = {}): Promise<string[]> {
  const mirrors = options.mirrors ?? mnistMirrors;
  const md5 = options.md5 ?? mnistMd5;
  const log = options.log ?? ((line: string) => console.error(line));
  let firstCreated: string | undefined;
  try {
    firstCreated = fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new DownloadError(`cannot create the folder ${dir} for MNIST (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); choose a folder you can write to`);
  }
  try {
    const timeouts = { connectMs: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, idleMs: options.idleTimeoutMs ?? IDLE_TIMEOUT_MS };
    return await downloadInto(dir, mirrors, md5, log, options.onProgress, timeouts);
  } catch (error) {
    if (firstCreated) removeEmptyFolders(dir, firstCreated);
    throw error;
  }
}

/** Removes `dir` and its parents up to `top` (the folders this run created), stopping at the first that is not empty. */
function removeEmptyFolders(dir: string, top: string): void {
  const stop = path.resolve(top);
  for (let folder = path.resolve(dir); ; folder = path.dirname(folder)) {
    if (fs.readdirSync(folder).length > 0) return;
    fs.rmdirSync(folder);
    if (folder === stop || path.dirname(folder) === folder) return;
  }
}

async function downloadInto(dir: string, mirrors: string[], md5: Readonly<Record<string, string>>,
  log: (line: string) => void, onProgress: DownloadOptions["onProgress"], timeouts: { connectMs: number; idleMs: number }): Promise<string[]> {
  const done: string[] = [];
  for (const name of Object.keys(md5)) {
    const file = path.join(dir, `${name}.gz`);
    if (fs.existsSync(file) && problemWith(fs.readFileSync(file), md5[name]) === null) {
      log(`${file}: already here and verified`);
      done.push(file);
      continue;
    }
    const tried: string[] = [];
    for (const [m, mirror] of mirrors.entries()) {
      const url = `${mirror}${name}.gz`;
      const next = m + 1 < mirrors.length ? "; trying the next mirror" : "";
      let bytes: Uint8Array;
      try {
        bytes = await fetchBytes(url, name, onProgress, timeouts.connectMs, timeouts.idleMs);
      } catch (error) {
        const why = (error as Error).message;
        tried.push(`${url} (${why})`);
        log(`${url}: ${why}${next}`);
        continue;
      }
      const problem = problemWith(bytes, md5[name]);
      if (problem) {
        tried.push(`${url} (refused: ${problem})`);
        log(`${url}: refused, ${problem}${next}`);
        continue;
      }
      const temp = `${file}.${process.pid}.part`;
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, file);
      log(`${file}: downloaded from ${mirror} and verified`);
      done.push(file);
      break;
    }
    if (done[done.length - 1] !== file) {
      throw new DownloadError(`could not get ${name}.gz: tried ${tried.join("; ")}. Check your internet connection, or download the four MNIST files by hand into ${dir}`);
    }
  }
  return done;
}
