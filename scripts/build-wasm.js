#!/usr/bin/env node
// Compiles the fast engine's kernel, asm/*.ts (AssemblyScript), into dist/kernel.wasm: part of `npm run build`.
// Skips the compiler (about 4 s) when dist/kernel.wasm is newer than every source file and this script.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const out = path.join(root, "dist", "kernel.wasm");
const sources = fs.readdirSync(path.join(root, "asm")).filter((f) => f.endsWith(".ts")).map((f) => path.join(root, "asm", f));
const newest = Math.max(...[...sources, __filename].map((f) => fs.statSync(f).mtimeMs));
if (fs.existsSync(out) && fs.statSync(out).mtimeMs > newest && !process.argv.includes("--force")) process.exit(0);

const asc = path.join(root, "node_modules", "assemblyscript", "bin", "asc.js");
if (!fs.existsSync(asc)) {
  console.error("build-wasm: the AssemblyScript compiler is missing; run `npm install` first");
  process.exit(1);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
try {
  execFileSync(process.execPath, [asc, path.join(root, "asm", "kernel.ts"),
    "--outFile", out,
    "--optimizeLevel", "3", "--shrinkLevel", "0",
    "--enable", "simd", // f32x4: four floats per instruction, in every browser and Node since 16.4
    "--runtime", "stub", // the kernel allocates nothing: src/fastKernel.ts lays out its memory
    "--noAssert",
  ], { stdio: "inherit" });
} catch {
  console.error("build-wasm: compiling asm/kernel.ts failed (see the messages above)");
  process.exit(1);
}
