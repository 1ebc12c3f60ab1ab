// Finding lessons and reading their parameters cell (papermill's convention: one cell tagged "parameters").
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..", "..");
const notebooksDir = path.join(root, "notebooks");

/** Every lesson notebook, in order ("00-start-here.ipynb", ...): the shipped ones in notebooks/ unless told. */
function lessonFiles(dir = notebooksDir) {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort();
}

/** The lesson named by "08", "8", "08-training-on-mnist" or its file name; a clear error listing them otherwise. */
function findLesson(name) {
  const files = lessonFiles();
  const wanted = String(name).replace(/\.ipynb$/, "");
  const match =
    files.find((f) => f.replace(/\.ipynb$/, "") === wanted) ??
    files.find((f) => /^\d+$/.test(wanted) && Number(f.slice(0, 2)) === Number(wanted));
  if (!match) {
    throw new Error(
      `there is no lesson "${name}"; the lessons are: ${files.map((f) => f.replace(/\.ipynb$/, "")).join(", ")}`,
    );
  }
  return path.join(notebooksDir, match);
}

/** A notebook's multiline text (a cell's source, a stream's text): stored as one string or a list of lines. */
const text = (lines) => (Array.isArray(lines) ? lines.join("") : (lines ?? ""));
const source = (cell) => text(cell.source);
const isTagged = (cell, tag) => (cell.metadata?.tags ?? []).includes(tag);

/** The parameters cell's constants ([{ name, value, type }], from lines like `const eta = 3; // comment`), quick values and variations. */
function readParameters(notebookFile) {
  const nb = JSON.parse(fs.readFileSync(notebookFile, "utf8"));
  const cells = nb.cells.filter((c) => isTagged(c, "parameters"));
  if (cells.length !== 1)
    throw new Error(
      `${path.basename(notebookFile)} must have exactly one cell tagged "parameters"; it has ${cells.length}`,
    );
  const parameters = [];
  for (const line of source(cells[0]).split("\n")) {
    const m = /^\s*(?:const|let)\s+([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*(.+?);?\s*(?:\/\/.*)?$/.exec(line);
    if (!m) continue;
    let value;
    try {
      value = JSON.parse(m[2].replace(/;\s*$/, ""));
    } catch {
      throw new Error(
        `${path.basename(notebookFile)}: the parameter line "${line.trim()}" must hold a JSON literal (a number, "string", true/false or [array])`,
      );
    }
    parameters.push({ name: m[1], value, type: Array.isArray(value) ? "array" : typeof value });
  }
  // Its metadata holds the quick values (for fast test runs) and the variations the tests also run (at the ranges' edges).
  const descent = cells[0].metadata?.descent ?? {};
  return { parameters, quick: descent.quick ?? {}, variations: descent.variations ?? [] };
}

/** Turns "name=value" settings into checked values of each parameter's type; a clear error otherwise. */
function parseSettings(notebookFile, settings) {
  const { parameters } = readParameters(notebookFile);
  const known = parameters.map((p) => `${p.name} (${p.type}, default ${JSON.stringify(p.value)})`).join(", ");
  const values = {};
  for (const setting of settings) {
    const eq = setting.indexOf("=");
    if (eq < 1) throw new Error(`--set needs name=value; got "${setting}"`);
    const name = setting.slice(0, eq),
      text = setting.slice(eq + 1);
    const parameter = parameters.find((p) => p.name === name);
    if (!parameter)
      throw new Error(`${path.basename(notebookFile)} has no parameter "${name}"; its parameters are: ${known}`);
    values[name] = convert(parameter, text);
  }
  return values;
}

function convert(parameter, text) {
  const wrong = () =>
    new Error(
      `parameter ${parameter.name} is a ${parameter.type} (default ${JSON.stringify(parameter.value)}); "${text}" is not one`,
    );
  switch (parameter.type) {
    case "number": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) throw wrong();
      return n;
    }
    case "boolean":
      if (text !== "true" && text !== "false") throw wrong();
      return text === "true";
    case "string":
      return text;
    default: {
      let value;
      try {
        value = JSON.parse(text.startsWith("[") ? text : `[${text}]`);
      } catch {
        throw wrong();
      }
      if (!Array.isArray(value) || value.some((v) => typeof v !== typeof (parameter.value[0] ?? v))) throw wrong();
      return value;
    }
  }
}

/**
 * Lesson NN's declared ranges (`lessonNNParameters` of src/checks/lessonNN.ts) and the library's range check, from
 * the last build in dist/, or null when that build is missing or older than those sources: the declarations stay
 * in one place, and `npm run lesson` can refuse a value before it spends seconds building.
 */
function builtRanges(notebookFile) {
  const nn = path.basename(notebookFile).slice(0, 2);
  const pairs = [`lesson${nn}`, "parameters"].map((name) => [
    path.join(root, "dist", "checks", `${name}.js`),
    path.join(root, "src", "checks", `${name}.ts`),
  ]);
  const current = pairs.every(
    ([built, source]) =>
      fs.existsSync(built) && fs.existsSync(source) && fs.statSync(built).mtimeMs >= fs.statSync(source).mtimeMs,
  );
  if (!current) return null;
  const specs = require(pairs[0][0])[`lesson${nn}Parameters`];
  return specs ? { specs, outsideRange: require(pairs[1][0]).outsideRange } : null;
}

/**
 * The sentence refusing the first value outside its lesson's range ("eta = 5 is outside lesson 03's range: ...;
 * choose another with --set eta=VALUE"), null when all fit, or undefined when dist/ is not current (see builtRanges).
 */
function rangeProblem(notebookFile, values) {
  const ranges = builtRanges(notebookFile);
  if (!ranges) return undefined;
  const problem = ranges.outsideRange(ranges.specs, values);
  if (!problem) return null;
  const name = problem.slice(0, problem.indexOf(" = "));
  return `${problem.replace("this lesson's", `lesson ${path.basename(notebookFile).slice(0, 2)}'s`)}; choose another with --set ${name}=VALUE`;
}

/** The TypeScript of the injected cell: one `const` per value, redeclaring the parameters cell's. */
function injectedSource(values) {
  return Object.entries(values)
    .map(([name, value]) => `const ${name} = ${JSON.stringify(value)};`)
    .join("\n");
}

/** Puts a cell tagged "injected-parameters" holding `code` right after the cell tagged "parameters" (papermill). */
function inject(nb, code) {
  const at = nb.cells.findIndex((cell) => isTagged(cell, "parameters"));
  if (at < 0) throw new Error("this notebook has no cell tagged 'parameters' to inject after");
  nb.cells.splice(at + 1, 0, {
    id: crypto.randomUUID().slice(0, 8),
    cell_type: "code",
    metadata: { tags: ["injected-parameters"] },
    source: code,
    outputs: [],
    execution_count: null,
  });
}

/**
 * The lesson with its quick values injected after its parameters cell, as `npm run site -- --quick` runs it:
 * for a copy of the course that a test opens in Jupyter, where Run All then runs them.
 */
function withQuickParameters(notebookFile) {
  const nb = JSON.parse(fs.readFileSync(notebookFile, "utf8"));
  const { quick } = readParameters(notebookFile);
  if (Object.keys(quick).length) inject(nb, injectedSource(quick));
  return nb;
}

module.exports = {
  root,
  notebooksDir,
  text,
  isTagged,
  lessonFiles,
  findLesson,
  readParameters,
  parseSettings,
  rangeProblem,
  injectedSource,
  inject,
  withQuickParameters,
};
