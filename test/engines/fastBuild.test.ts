import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Gradient, averageGradient } from "../../src/backprop";
import { costs } from "../../src/cost";
import { embeddedSplit } from "../../src/data/embedded";
import { readableEngine } from "../../src/engines/readable";
import { fastEngine, fastGradient } from "../../src/engines/fast";
import {
  KernelBuild,
  fusesHere,
  kernelBuild,
  relaxedSimdAvailable,
  useKernelBuild,
} from "../../src/engines/fast/wasmModule";
import { createKernel } from "../../src/engines/fast/kernel";
import { numericGradient } from "../../src/gradcheck";
import { cloneNetwork, createNetwork } from "../../src/network";
import { randomDataset, worstError } from "../helpers";

// Both builds of the kernel (plain SIMD128, and relaxed SIMD with fused multiply-adds) against the readable
// engine, on the course's wide networks too. The relaxed build runs where this Node has relaxed SIMD: Node 22
// and later by default, Node 20 once wasmModule.ts has switched its flag on.
const tolerance = 1e-5;
const digits = embeddedSplit({ seed: 1 });
const builds: KernelBuild[] = relaxedSimdAvailable() ? ["plain", "relaxed"] : ["plain"];

/** Runs `check` with each available build chosen, then gives the choice back to feature detection. */
function withEachBuild(check: (build: KernelBuild) => void): void {
  try {
    for (const build of builds) {
      useKernelBuild(build);
      check(build);
    }
  } finally {
    useKernelBuild("auto");
  }
}

test("the relaxed kernel is the default where this CPU fuses multiply-adds, the plain one elsewhere; either runs wherever it is asked for, Node 20 included", () => {
  useKernelBuild("auto");
  assert.equal(
    relaxedSimdAvailable(),
    true,
    "Node 20 has relaxed SIMD behind a flag that wasmModule.ts switches on; later versions by default",
  );
  assert.equal(kernelBuild(), fusesHere() ? "relaxed" : "plain");
  assert.equal(useKernelBuild("plain"), "plain");
  assert.equal(useKernelBuild("relaxed"), "relaxed");
  useKernelBuild("auto");
});

test("fusesHere tells a fused multiply-add (rounded once) from a multiply and an add (rounded twice), as f32 arithmetic predicts", () => {
  // asm/peak.ts once from y = 1.1: twelve a = y · 0.999 + y, added up as ((a+a)+(a+a) + (a+a)+(a+a)) + ((a+a)+(a+a)).
  const f = Math.fround,
    y = f(1.1),
    x = f(0.999);
  const total = (a: number) => f(f(8 * a) + f(4 * a));
  const twice = total(f(f(y * x) + y)),
    once = total(f(y * x + y)); // y · x is exact in a double (24 + 24 bits), so f(...) rounds the sum once
  assert.equal(twice, 26.386802673339844);
  assert.equal(once, 26.386798858642578);
  const peakOf = (build: KernelBuild) => {
    useKernelBuild(build);
    try {
      return createKernel([4, 4], false, 1).calls.peak(1, 1.1);
    } finally {
      useKernelBuild("auto");
    }
  };
  assert.equal(peakOf("plain"), twice, "the plain build multiplies, rounds, then adds");
  assert.equal(peakOf("relaxed"), fusesHere() ? once : twice);
  // This machine's x86 CPU has FMA (/proc/cpuinfo's "fma" flag), where V8 makes relaxed_madd one vfmadd.
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  if (process.arch === "x64" && /\bfma\b/.test(cpuinfo)) assert.equal(fusesHere(), true);
  if (process.arch === "arm64") assert.equal(fusesHere(), true);
});

test("each kernel build's gradient equals the readable backprop's to 1e-5 on the course's networks, wide ones included, at batch 1, 10, 100 and an odd size", () => {
  withEachBuild((build) => {
    let seed = 40;
    for (const sizes of [
      [784, 16, 16, 10],
      [784, 30, 10],
      [784, 100, 10],
      [784, 128, 128, 10],
      [50, 37, 21, 3],
    ]) {
      for (const m of [1, 10, 37, 100]) {
        const cost = m === 37 ? costs["cross-entropy"] : costs.quadratic;
        const net = createNetwork(sizes, { init: "scaled", seed: seed++ });
        const data = sizes[0] === 784 ? digits.train : randomDataset(120, 1, sizes[0], 3, seed);
        const indices = Uint32Array.from({ length: m }, (_, i) => (i * 13 + seed) % data.count);
        const exact = averageGradient(net, data, indices, cost);
        const fast = fastGradient(net, data, indices, cost);
        const error = worstError(fast.gradient, exact.gradient);
        assert.ok(error < tolerance, `${build} [${sizes}] batch ${m}: relative error ${error}`);
        assert.ok(
          Math.abs(fast.cost - exact.cost) <= tolerance * exact.cost,
          `${build} [${sizes}] batch ${m}: cost ${fast.cost} vs ${exact.cost}`,
        );
      }
    }
  });
});

test("each kernel build's gradient equals central finite differences on small networks", () => {
  withEachBuild((build) => {
    let seed = 60;
    for (const sizes of [
      [6, 5, 3],
      [9, 8, 4, 2],
    ]) {
      for (const activation of ["sigmoid", "relu"] as const) {
        const net = createNetwork(sizes, { activation, init: "scaled", seed: seed++ });
        net.biases.forEach((b) =>
          b.forEach((v, j) => {
            b[j] = v + 0.05;
          }),
        ); // keep ReLU's kinks away from the probes
        const data = randomDataset(5, 1, sizes[0], sizes[sizes.length - 1], seed);
        const indices = Uint32Array.from([0, 1, 2, 3, 4]);
        const numeric = numericGradient(net, (n) => averageGradient(n, data, indices, costs.quadratic).cost);
        const error = worstError(fastGradient(net, data, indices).gradient, numeric);
        assert.ok(error < tolerance, `${build} [${sizes}] ${activation}: relative error ${error}`);
      }
    }
  });
});

test("each kernel build takes the readable engine's SGD step on 784-100-10 at batch 100", () => {
  withEachBuild((build) => {
    const net = createNetwork([784, 100, 10], { init: "scaled", seed: 9 });
    const order = Uint32Array.from({ length: digits.train.count }, (_, i) => i);
    const after = [
      readableEngine(net, { cost: "quadratic", batchSize: 100 }),
      fastEngine(net, { cost: "quadratic", batchSize: 100 }),
    ].map((engine) => {
      engine.load(net);
      engine.step(digits.train, order, 200, 300, 0.5, 1);
      const result = cloneNetwork(net);
      engine.store(result);
      return result;
    });
    const step = (n: typeof net): Gradient => ({
      nablaW: n.weights.map((w, l) => ({ ...w, data: w.data.map((v, i) => v - net.weights[l].data[i]) })),
      nablaB: n.biases.map((b, l) => b.map((v, j) => v - net.biases[l][j])),
    });
    const error = worstError(step(after[1]), step(after[0]));
    assert.ok(error < tolerance, `${build}: the steps differ by ${error}`);
  });
});

test(
  "the relaxed build really fuses its multiply-adds: its gradient rounds differently from the plain build's",
  { skip: builds.length < 2 && "this Node has no relaxed SIMD" },
  () => {
    const net = createNetwork([784, 100, 10], { init: "scaled", seed: 11 });
    const indices = Uint32Array.from({ length: 100 }, (_, i) => i);
    const gradients = builds.map((build) => {
      useKernelBuild(build);
      return fastGradient(net, digits.train, indices).gradient.nablaW[0].data;
    });
    useKernelBuild("auto");
    let differing = 0;
    for (let i = 0; i < gradients[0].length; i++) if (gradients[0][i] !== gradients[1][i]) differing++;
    assert.ok(
      differing > gradients[0].length / 10,
      `only ${differing} of ${gradients[0].length} weights' gradients differ`,
    );
  },
);

/** Runs `script` in a Node of its own, with the project's dist/ copied to a temporary folder where `damage` names a kernel file to spoil. */
function inCopy(
  script: string,
  env: Record<string, string> = {},
  damage?: string,
): { status: number | null; stdout: string; stderr: string } {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "descent-kernels-"));
  try {
    fs.cpSync(path.join(__dirname, "..", "..", "..", "dist"), path.join(copy, "dist"), { recursive: true });
    if (damage) fs.writeFileSync(path.join(copy, "dist", damage), "not wasm");
    const prelude = `const fast = require(${JSON.stringify(path.join(copy, "dist", "engines", "fast", "wasmModule.js"))});`;
    return spawnSync(process.execPath, ["-e", prelude + script], {
      encoding: "utf8",
      env: { ...process.env, DESCENT_KERNEL: "", ...env },
    });
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

test("a Node of its own runs the relaxed kernel where the CPU fuses, DESCENT_KERNEL=plain or relaxed the one named, and without a usable relaxed kernel it falls back to the plain one", () => {
  const auto = inCopy("console.log(fast.kernelBuild(), fast.fusesHere())");
  assert.equal(auto.status, 0, auto.stderr);
  const [build, fuses] = auto.stdout.trim().split(" ");
  assert.equal(build, fuses === "true" ? "relaxed" : "plain");
  assert.equal(inCopy("console.log(fast.kernelBuild())", { DESCENT_KERNEL: "plain" }).stdout.trim(), "plain");
  assert.equal(inCopy("console.log(fast.kernelBuild())", { DESCENT_KERNEL: "relaxed" }).stdout.trim(), "relaxed");
  assert.equal(inCopy("console.log(fast.kernelBuild())", {}, "kernel-relaxed.wasm").stdout.trim(), "plain");
  assert.equal(
    inCopy("console.log(fast.kernelBuild())", { DESCENT_KERNEL: "relaxed" }, "kernel-relaxed.wasm").stdout.trim(),
    "plain",
  );
  const refused = inCopy(
    "try { fast.useKernelBuild('relaxed') } catch (e) { console.log(e.message) }",
    {},
    "kernel-relaxed.wasm",
  );
  assert.match(
    refused.stdout,
    /cannot run the relaxed-SIMD kernel \(or dist\/kernel-relaxed\.wasm is missing or damaged: run `npm run build`\)/,
  );
});
