import { LearnerError } from "../../errors/learnerError";
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";

/**
 * The compiled WebAssembly kernel (asm/, built by scripts/build-wasm.js), in one of two builds:
 *   "relaxed"  relaxed SIMD: every multiply-add one fused instruction (f32x4.relaxed_madd), rounded once;
 *              on by default from Node 22; Node 20 has it behind a flag, which relaxedSimdAvailable sets
 *   "plain"    SIMD128 only: a multiply and an add, rounded twice; every runtime since Node 16.4
 * The relaxed build is chosen where the CPU fuses its multiply-adds (fusesHere): every 64-bit ARM CPU, and x86
 * CPUs with FMA (Intel's since 2013, AMD's since 2012, but not every Pentium and Celeron). A fused multiply-add is
 * rounded once, as IEEE 754 defines it, so the relaxed build gives the same bits on all of them, and it trains
 * 5-15% faster (measured at 784-16-16-10 and 784-100-10, batches 10 and 100). Elsewhere relaxed_madd may be a
 * multiply and an add, and the plain build runs (the same bits on every machine). The two builds differ in the last
 * bits, which training makes visible (30 epochs on the embedded digits, seed 1: 89.25% with the relaxed build,
 * 90.85% with the plain one), so the lessons pin the plain one (checks/parameters.ts's startLesson).
 * DESCENT_KERNEL=plain (or relaxed) in the environment, or useKernelBuild, chooses one.
 */
export type KernelBuild = "relaxed" | "plain";

// Node 20 has WebAssembly, but TypeScript's ES2022 library does not describe it; this is the part we use.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  validate(bytes: Uint8Array): boolean;
};
export const wasm = WebAssembly;

const fileNames: Record<KernelBuild, string> = { plain: "kernel.wasm", relaxed: "kernel-relaxed.wasm" };
const compiled: Partial<Record<KernelBuild, object>> = {};
let chosen: KernelBuild | undefined;

/** The kernel file of a build, in dist/ (this file is dist/engines/fast/wasmModule.js; the compiled tests run from
 *  build/src/engines/fast, four folders below the project). */
function kernelFile(build: KernelBuild): { file: string; exists: boolean } {
  const candidates = [
    path.join(__dirname, "..", "..", fileNames[build]),
    path.join(__dirname, "..", "..", "..", "..", "dist", fileNames[build]),
  ];
  const file = candidates.find((f) => fs.existsSync(f));
  return file ? { file, exists: true } : { file: candidates[0], exists: false };
}

let relaxedRuns: boolean | undefined;

/**
 * Whether this runtime can run the relaxed-SIMD kernel: its file is there and WebAssembly.validate accepts it.
 * Node 20 and 21 have relaxed SIMD behind a V8 flag (on by default from Node 22): it is switched on here first,
 * as --experimental-wasm-relaxed-simd would, so that Node 20 gets the fused kernel too.
 */
export function relaxedSimdAvailable(): boolean {
  if (relaxedRuns !== undefined) return relaxedRuns;
  const { file, exists } = kernelFile("relaxed");
  if (!exists) return (relaxedRuns = false);
  const bytes = fs.readFileSync(file);
  if (!WebAssembly.validate(bytes) && Number(process.versions.node.split(".")[0]) < 22) {
    v8.setFlagsFromString("--experimental-wasm-relaxed-simd");
  }
  return (relaxedRuns = WebAssembly.validate(bytes));
}

/** The build the fast engine uses: DESCENT_KERNEL's or useKernelBuild's choice, else the relaxed one where this CPU
 *  fuses multiply-adds, else the plain one. */
export function kernelBuild(): KernelBuild {
  if (chosen) return chosen;
  const wanted = process.env.DESCENT_KERNEL;
  if (wanted === "plain") return (chosen = "plain");
  if (wanted === "relaxed") return (chosen = relaxedSimdAvailable() ? "relaxed" : "plain");
  return (chosen = relaxedSimdAvailable() && fusesHere() ? "relaxed" : "plain");
}

/**
 * Whether relaxed_madd is one fused instruction here: asm/peak.ts's loop once from 1.1 adds up twelve
 * a = 1.1 · 0.999 + 1.1 (in f32), which is 26.386798858642578 when each a is rounded once (fused) and
 * 26.386802673339844 when the product is rounded first.
 */
export function fusesHere(): boolean {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
  const kernel = new WebAssembly.Instance(compile("relaxed"), { env: { memory } }).exports as {
    peak(rounds: number, seed: number): number;
  };
  return kernel.peak(1, 1.1) === 26.386798858642578;
}

/** Chooses the kernel build for every fast engine made from now on ("auto": DESCENT_KERNEL's, else as kernelBuild). */
export function useKernelBuild(build: KernelBuild | "auto"): KernelBuild {
  if (build === "auto") {
    chosen = undefined;
    delete process.env.DESCENT_KERNEL;
    return kernelBuild();
  }
  if (build === "relaxed" && !relaxedSimdAvailable()) {
    throw new LearnerError(
      `this runtime (Node ${process.version}) cannot run the relaxed-SIMD kernel (or dist/kernel-relaxed.wasm is missing or damaged: run \`npm run build\`); use Node 20 or later, or the plain kernel`,
    );
  }
  return (chosen = build);
}

/**
 * Node 20's V8 runs a worker thread's instance of the kernel on its baseline code (Liftoff) for good, where the
 * main thread's moves on to optimised code: a second thread then made training slower, not faster (784-100-10 at
 * batch 10: 65,000 examples/s with two threads, 210,000 with one; 258,000 with two once the flag is set). Node 24
 * moves both on. So on older Nodes the kernel is compiled with the optimising compiler only, before it first runs.
 */
function optimiseWorkersToo(): void {
  if (Number(process.versions.node.split(".")[0]) < 24) v8.setFlagsFromString("--no-liftoff");
}

/** The chosen build's module, compiled once. */
export function kernelModule(): object {
  return compile(kernelBuild());
}

/** A build's module, compiled once. */
function compile(build: KernelBuild): object {
  const ready = compiled[build];
  if (ready) return ready;
  optimiseWorkersToo();
  const { file, exists } = kernelFile(build);
  if (!exists)
    throw new LearnerError(
      `the fast engine's kernel ${file} is missing; run \`npm run build\` to compile it from asm/, or use engine: "readable"`,
    );
  try {
    return (compiled[build] = new WebAssembly.Module(fs.readFileSync(file)));
  } catch (error) {
    throw new LearnerError(
      `the fast engine's kernel ${file} is damaged (${(error as Error).message.split(":")[0]}); run \`npm run build\` to compile it again from asm/, or use engine: "readable"`,
    );
  }
}
