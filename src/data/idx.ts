import { LearnerError } from "../errors/learnerError";
import * as fs from "fs";
import * as path from "path";
import { gunzipSync } from "zlib";
import { Dataset } from "./dataset";

/**
 * The IDX format of MNIST (and Fashion-MNIST, which uses the same file names): a big-endian header, then
 * the bytes. Images: magic 0x00000803, count, rows, cols, then count·rows·cols pixel bytes. Labels: magic
 * 0x00000801, count, then one byte per label. Files may be plain or gzipped (.gz).
 */
export const IMAGES_MAGIC = 0x00000803;
export const LABELS_MAGIC = 0x00000801;

export type DataErrorKind = "missing" | "magic" | "truncated" | "corrupt-gzip" | "count-mismatch" | "wrong-size";

/** A data file that cannot be used: what is wrong, with the file it is wrong in. */
export class DataError extends LearnerError {
  constructor(message: string, readonly kind: DataErrorKind, readonly file: string) {
    super(message);
    this.name = "DataError";
  }
}

/** The file's bytes, gunzipped when they start with gzip's magic bytes 1f 8b. */
function readBytes(file: string): Uint8Array {
  if (!fs.existsSync(file)) {
    throw new DataError(`${file} does not exist; download MNIST with \`npm run data -- mnist\` or point --data at a folder holding the IDX files`, "missing", file);
  }
  const raw = fs.readFileSync(file);
  const plain = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  if (raw[0] !== 0x1f || raw[1] !== 0x8b) return plain(raw);
  try {
    // gzip ends with the unpacked size (mod 2^32): one output chunk of that size avoids a second copy.
    const size = raw.length >= 4 ? raw.readUInt32LE(raw.length - 4) : 0;
    return plain(gunzipSync(raw, { chunkSize: Math.min(Math.max(size + 1, 64 * 1024), 256 * 1024 * 1024) }));
  } catch (error) {
    throw new DataError(`${file} is a damaged gzip file (${(error as Error).message}); delete it and download it again`, "corrupt-gzip", file);
  }
}

function header(bytes: Uint8Array, file: string, magic: number, fields: number): number[] {
  const tooShort = (): never => {
    throw new DataError(`${file} is truncated: it has ${bytes.length} bytes, too few for an IDX header; download it again`, "truncated", file);
  };
  if (bytes.length < 4) tooShort();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0);
  if (found !== magic) {
    const hex = (n: number) => "0x" + n.toString(16).padStart(8, "0");
    throw new DataError(`${file} is not an IDX ${magic === IMAGES_MAGIC ? "image" : "label"} file: its magic number is ${hex(found)}, expected ${hex(magic)}; check that images and labels are not swapped`, "magic", file);
  }
  if (bytes.length < 4 * (fields + 1)) tooShort();
  return Array.from({ length: fields }, (_, i) => view.getUint32(4 * (i + 1)));
}

export interface IdxImages { count: number; rows: number; cols: number; pixels: Uint8Array }

export function readIdxImages(file: string): IdxImages {
  const bytes = readBytes(file);
  const [count, rows, cols] = header(bytes, file, IMAGES_MAGIC, 3);
  const expected = 16 + count * rows * cols;
  if (bytes.length < expected) {
    throw new DataError(`${file} is truncated: its header promises ${count} images of ${rows}x${cols} (${expected} bytes) but it has ${bytes.length}; download it again`, "truncated", file);
  }
  return { count, rows, cols, pixels: bytes.subarray(16, expected) };
}

export function readIdxLabels(file: string): Uint8Array {
  const bytes = readBytes(file);
  const [count] = header(bytes, file, LABELS_MAGIC, 1);
  if (bytes.length < 8 + count) {
    throw new DataError(`${file} is truncated: its header promises ${count} labels but it has ${bytes.length - 8}; download it again`, "truncated", file);
  }
  return bytes.subarray(8, 8 + count);
}

/** An image file and its label file as one Dataset; `size` (e.g. [28, 28]) is checked when given. */
export function loadIdxPair(imagesFile: string, labelsFile: string, name: string, size?: [number, number]): Dataset {
  const images = readIdxImages(imagesFile);
  const labels = readIdxLabels(labelsFile);
  if (images.count !== labels.length) {
    throw new DataError(`${imagesFile} holds ${images.count} images but ${labelsFile} holds ${labels.length} labels; the two files must come from the same set`, "count-mismatch", imagesFile);
  }
  if (size && (images.rows !== size[0] || images.cols !== size[1])) {
    throw new DataError(`${imagesFile} holds ${images.rows}x${images.cols} images but ${size[0]}x${size[1]} are needed`, "wrong-size", imagesFile);
  }
  return { name, count: images.count, rows: images.rows, cols: images.cols, pixels: images.pixels, labels };
}

export const idxFileNames = {
  trainImages: "train-images-idx3-ubyte",
  trainLabels: "train-labels-idx1-ubyte",
  testImages: "t10k-images-idx3-ubyte",
  testLabels: "t10k-labels-idx1-ubyte",
} as const;

/** The path of a standard file in `dir`, plain or .gz (the plain one when both exist), or null. */
function located(dir: string, name: string): string | null {
  const plain = path.join(dir, name);
  return [plain, plain + ".gz"].find((file) => fs.existsSync(file)) ?? null;
}

/** The path of a standard file in `dir`, plain or .gz; a DataError naming it when it is missing. */
function find(dir: string, name: string): string {
  const file = located(dir, name);
  if (file) return file;
  const plain = path.join(dir, name);
  throw new DataError(`${plain}(.gz) does not exist; a data folder needs the four IDX files ${Object.values(idxFileNames).join(", ")} (plain or .gz); for MNIST run \`npm run data -- mnist\``, "missing", plain);
}

/** True when `dir` holds all four standard files (plain or .gz): a folder a failed download left empty does not. */
export function hasIdxFiles(dir: string): boolean {
  return Object.values(idxFileNames).every((name) => located(dir, name) !== null);
}

/** Full MNIST (or Fashion-MNIST) from the four standard files in `dir`. */
export function loadIdxDirectory(dir: string): { train: Dataset; test: Dataset } {
  const label = path.basename(path.resolve(dir));
  const pair = (images: string, labels: string, name: string): Dataset =>
    loadIdxPair(usable(dir, images, readIdxImages), usable(dir, labels, readIdxLabels), name);
  return {
    train: pair(idxFileNames.trainImages, idxFileNames.trainLabels, `${label} (train)`),
    test: pair(idxFileNames.testImages, idxFileNames.testLabels, `${label} (test)`),
  };
}

/**
 * The standard file `name` in `dir` that reads whole: the plain one, or the .gz beside it when the plain one is
 * damaged (a download unpacked half-way); when neither reads, the plain one's error, saying which file to delete.
 */
function usable(dir: string, name: string, read: (file: string) => unknown): string {
  const file = find(dir, name);
  const gz = path.join(dir, name + ".gz");
  if (file === gz || !fs.existsSync(gz)) return file;
  try {
    read(file);
    return file;
  } catch (plainError) {
    if (!(plainError instanceof DataError)) throw plainError;
    try {
      read(gz);
    } catch {
      throw plainError;
    }
    return gz;
  }
}

/** Writes images in IDX format (for fixtures and tests). */
export function idxImagesBytes(images: IdxImages): Uint8Array {
  const bytes = new Uint8Array(16 + images.pixels.length);
  const view = new DataView(bytes.buffer);
  [IMAGES_MAGIC, images.count, images.rows, images.cols].forEach((v, i) => view.setUint32(4 * i, v));
  bytes.set(images.pixels, 16);
  return bytes;
}

export function idxLabelsBytes(labels: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(8 + labels.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, LABELS_MAGIC);
  view.setUint32(4, labels.length);
  bytes.set(labels, 8);
  return bytes;
}
