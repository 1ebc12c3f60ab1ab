#!/usr/bin/env node
// Compiles the fast engine's kernel, asm/*.ts (AssemblyScript), twice: dist/kernel.wasm with plain SIMD128
// (every browser, and Node since 16.4) and dist/kernel-relaxed.wasm with relaxed SIMD too, whose multiply-adds
// are fused (Node 22 and later by default; Node 20 with --experimental-wasm-relaxed-simd). src/engines/fast/kernel.ts
// loads the relaxed one where the runtime validates it. Part of `npm run build`.
// Skips the compiler (about 4 s a kernel) when both files are newer than every source file and this script.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const kernels = [
  { out: path.join(root, "dist", "kernel.wasm"), features: ["simd", "threads"] },
  { out: path.join(root, "dist", "kernel-relaxed.wasm"), features: ["simd", "relaxed-simd", "threads"] },
];
const sources = fs
  .readdirSync(path.join(root, "asm"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.join(root, "asm", f));
const newest = Math.max(...[...sources, __filename].map((f) => fs.statSync(f).mtimeMs));
const fresh = (out) => fs.existsSync(out) && fs.statSync(out).mtimeMs > newest;
if (kernels.every((k) => fresh(k.out)) && !process.argv.includes("--force")) process.exit(0);

const asc = path.join(root, "node_modules", "assemblyscript", "bin", "asc.js");
if (!fs.existsSync(asc)) {
  console.error("build-wasm: the AssemblyScript compiler is missing; run `npm install` first");
  process.exit(1);
}
fs.mkdirSync(path.join(root, "dist"), { recursive: true });
for (const { out, features } of kernels) {
  try {
    execFileSync(
      process.execPath,
      [
        asc,
        path.join(root, "asm", "kernel.ts"),
        "--outFile",
        out,
        "--optimizeLevel",
        "3",
        "--shrinkLevel",
        "0",
        ...features.flatMap((f) => ["--enable", f]),
        "--runtime",
        "stub", // the kernel allocates nothing: src/engines/fast/kernel.ts lays out its memory
        // One memory that src/engines/fast/kernel.ts makes and shares with the worker threads of src/engines/fast/threads.ts,
        // each running its own instance of the kernel on its part of a batch. 65,536 pages is wasm32's 4 GB,
        // address space reserved, not used: the memory grows to what the network and its data set need.
        "--importMemory",
        "--sharedMemory",
        "--initialMemory",
        "1",
        "--maximumMemory",
        "65536",
        "--noAssert",
      ],
      { stdio: "inherit" },
    );
  } catch {
    console.error(`build-wasm: compiling asm/kernel.ts into ${path.basename(out)} failed (see the messages above)`);
    process.exit(1);
  }
}
