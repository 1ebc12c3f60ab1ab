#!/usr/bin/env node
// npm run lesson -- 08 --set eta=0.5 --set epochs=5
// Executes one lesson headlessly with new parameter values, writes the executed notebook and its HTML page
// under site/runs/, and prints what the lesson printed. A mistake in the command (an unknown lesson or parameter, a
// value of the wrong type or outside its lesson's range) is refused before the library is built, not after.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { readArgs, UsageError } = require("./lib/args");
const { findLesson, parseSettings, rangeProblem, injectedSource } = require("./notebook/lessons");

const usage = "usage: npm run lesson -- NN [--set name=value ...] [--quiet]";
const flags = {
  set: { type: "string", multiple: true, value: "name=value", needs: "name=value, as in --set eta=0.5" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

async function main(argv) {
  let given, lesson, extra;
  try {
    ({
      values: given,
      positionals: [lesson, ...extra],
    } = readArgs(argv, flags, { positionals: true }));
    if (extra.length) throw new UsageError(`one lesson at a time; "${extra[0]}" is one too many`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`lesson: ${error.message}\n${usage}`);
    return 2;
  }
  if (given.help) {
    console.log(usage);
    return 0;
  }
  if (lesson === undefined) {
    console.error(`lesson: which lesson?\n${usage}`);
    return 2;
  }
  let notebook, values;
  try {
    notebook = findLesson(lesson);
    values = parseSettings(notebook, given.set ?? []);
  } catch (error) {
    console.error(`lesson: ${error.message}`);
    return 2;
  }
  // The ranges come from the last build when it is current (then a bad value costs well under a second);
  // otherwise the build comes first. Either way they are checked before a kernel starts.
  let problem = rangeProblem(notebook, values);
  if (problem) {
    console.error(`lesson: ${problem}`);
    return 2;
  }
  if (!build()) return 1;
  if (problem === undefined && (problem = rangeProblem(notebook, values))) {
    console.error(`lesson: ${problem}`);
    return 2;
  }
  const name = path.basename(notebook, ".ipynb");
  const tag = Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(",")
    .replace(/[^\w=.,-]/g, "_");
  const output = path.join(__dirname, "..", "site", "runs", `${name}${tag ? "." + tag : ""}.ipynb`);
  console.error(`running ${name}${tag ? ` with ${tag}` : ""} ...`);
  const started = Date.now();
  // Loaded after the build: they use the library's dist/.
  const { executeNotebook, printedText } = require("./notebook/run");
  const { exportHtml } = require("./notebook/html");
  const { signNotebooks } = require("./notebook/sign");
  const result = await executeNotebook(
    notebook,
    output,
    Object.keys(values).length ? injectedSource(values) : undefined,
  );
  if (!result.ok) {
    console.error(`lesson ${name} failed:\n${result.stderr.trim()}`);
    return 1;
  }
  const html = await exportHtml(output);
  const unsigned = signNotebooks([output]);
  if (!given.quiet) process.stdout.write(printedText(output));
  console.error(
    `done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${path.relative(process.cwd(), output)} and ${path.relative(process.cwd(), html)}`,
  );
  if (unsigned)
    console.error(
      `The notebook is not signed for Jupyter (${unsigned}): Jupyter shows its charts once you run it, or after \`jupyter trust ${path.relative(process.cwd(), output)}\`.`,
    );
  return 0;
}

/**
 * `npm run build` unless dist/ is newer than everything it is built from, so the lesson never runs a stale
 * dist/ and never waits for a build that would change nothing; false (after saying so) when the build fails.
 */
function build() {
  if (builtIsCurrent()) return true;
  const result = spawnSync("npm", ["run", "build", "--silent"], {
    cwd: path.join(__dirname, ".."),
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status === 0) return true;
  console.error(
    `lesson: npm run build failed${result.error ? ` (${result.error.message})` : ""}; fix what it says above and run the lesson again`,
  );
  return false;
}

/** Whether dist/ is newer than what it is built from: its index than src/ and the settings, its kernels than asm/. */
function builtIsCurrent() {
  const root = path.join(__dirname, "..");
  const modified = (file) => fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
  const filesOf = (dir) =>
    fs.readdirSync(path.join(root, dir), { recursive: true }).map((file) => path.join(dir, file));
  const newerThan = (built, sources) => {
    const oldest = Math.min(...built.map(modified)); // Infinity when one is missing
    return oldest < Infinity && sources.every((source) => modified(source) < oldest);
  };
  return (
    newerThan([path.join("dist", "index.js")], [...filesOf("src"), "tsconfig.json", "package.json"]) &&
    newerThan(
      [path.join("dist", "kernel.wasm"), path.join("dist", "kernel-relaxed.wasm")],
      [...filesOf("asm"), path.join("scripts", "build-wasm.js")],
    )
  );
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
