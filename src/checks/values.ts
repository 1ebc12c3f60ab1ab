/**
 * Values as a function check sees them: copied before the learner's code may change them, compared with a
 * tolerance, and written into a sentence short enough to read (a 784-pixel image is not printed whole).
 * Values are plain data: numbers, strings, arrays, typed arrays and plain objects such as a network or a
 * matrix. Functions inside them (an activation's f and prime) are shared, not copied; so an exercise passes a
 * seed, not a random generator, whose state would be shared between the learner's call and the library's.
 */

type Indexed = ArrayLike<unknown>;
const isIndexed = (x: unknown): x is Indexed => Array.isArray(x) || ArrayBuffer.isView(x);
const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !isIndexed(x);

/** A deep copy: arrays, typed arrays and plain objects are new; numbers, strings and functions are the same. */
export function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (ArrayBuffer.isView(value)) return (value as unknown as { slice(): T }).slice();
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = copyOf(value[key]);
    return copy as T;
  }
  return value;
}

/** True when `now` holds exactly what `before` held (a learner's function must not change its inputs). */
export function unchanged(now: unknown, before: unknown): boolean {
  if (isIndexed(before)) {
    if (!isIndexed(now) || now.length !== before.length) return false;
    for (let i = 0; i < before.length; i++) if (!unchanged(now[i], before[i])) return false;
    return true;
  }
  if (isPlainObject(before)) {
    if (!isPlainObject(now)) return false;
    return Object.keys(before).every((key) => unchanged(now[key], before[key]));
  }
  return Object.is(now, before);
}

/**
 * True when `got` equals `expected` up to a relative `tolerance` for numbers (at least absolute, as for
 * values near 0). A plain array may stand for a typed one; a plain object must match every key of `expected`.
 */
export function sameValue(got: unknown, expected: unknown, tolerance = 1e-6): boolean {
  if (typeof expected === "number") {
    if (typeof got !== "number") return false;
    if (!Number.isFinite(expected)) return Object.is(got, expected);
    return Number.isFinite(got) && Math.abs(got - expected) <= tolerance * Math.max(1, Math.abs(expected));
  }
  if (isIndexed(expected)) {
    if (!isIndexed(got) || got.length !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) if (!sameValue(got[i], expected[i], tolerance)) return false;
    return true;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(got)) return false;
    return Object.keys(expected).every((key) => sameValue(got[key], expected[key], tolerance));
  }
  return Object.is(got, expected);
}

/** A value written for a sentence: numbers to 6 significant digits, long arrays cut after 6 entries. */
export function describeValue(value: unknown, depth = 0): string {
  if (value === undefined) return "nothing (undefined)";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "a function";
  if (isIndexed(value)) {
    if (depth > 1) return `[${value.length} entries]`;
    const shown = Array.from({ length: Math.min(value.length, 6) }, (_, i) => describeValue(value[i], depth + 1));
    return `[${shown.join(", ")}${value.length > 6 ? `, … (${value.length} in all)` : ""}]`;
  }
  if (isPlainObject(value)) {
    if (Array.isArray(value.sizes)) return describeNetwork(value);
    if (typeof value.rows === "number" && typeof value.cols === "number") return `a ${value.rows}×${value.cols} matrix`;
    if (depth > 1) return "{…}";
    return `{ ${Object.keys(value)
      .map((key) => `${key}: ${describeValue(value[key], depth + 1)}`)
      .join(", ")} }`;
  }
  return String(value);
}

/** A network as "a 4-3-2 network", with its first weights and biases when it has them, so two networks differ in print. */
function describeNetwork(net: Record<string, unknown>): string {
  const name = `a ${(net.sizes as number[]).join("-")} network`;
  const weights = net.weights as { data?: ArrayLike<number> }[] | undefined,
    biases = net.biases as ArrayLike<number>[] | undefined;
  if (!Array.isArray(weights) || !weights[0]?.data || !Array.isArray(biases) || !biases[0]) return name;
  const first = (values: ArrayLike<number>) => {
    const shown = Array.from({ length: Math.min(values.length, 3) }, (_, i) => formatNumber(values[i]));
    return `[${shown.join(", ")}${values.length > 3 ? ", …" : ""}]`;
  };
  return `${name} whose weights[0] begin ${first(weights[0].data)} and biases[0] ${first(biases[0])}`;
}

function formatNumber(x: number): string {
  if (!Number.isFinite(x) || Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}
