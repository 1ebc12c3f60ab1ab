import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as library from "../../src/index";
import { ParameterSpecs, rangeText } from "../../src/checks/parameters";
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { printedText } = require(path.join(__dirname, "..", "..", "..", "scripts", "notebook", "run.js"));

// The course, end to end: every lesson is a valid, clean notebook whose parameters cell states the ranges its
// lesson declares, and every lesson executes top to bottom in the real tslab kernel with its defaults (npm run
// site, which the browser test then reads), where every claim must hold and no exercise shows a hint.
const root = path.join(__dirname, "..", "..", "..");
const notebooks = path.join(root, "notebooks");
const lessons = fs
  .readdirSync(notebooks)
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .sort();
const python = fs.existsSync(path.join(root, ".venv", "bin", "python"))
  ? path.join(root, ".venv", "bin", "python")
  : "python3";
const source = (cell: { source: string | string[] }) =>
  Array.isArray(cell.source) ? cell.source.join("") : cell.source;

test("there are lessons, numbered in order from 00", () => {
  assert.ok(lessons.length > 0, "notebooks/ holds no lessons");
  lessons.forEach((file, i) =>
    assert.equal(file.slice(0, 2), String(i).padStart(2, "0"), `lesson ${i} is missing or misnumbered`),
  );
});

for (const file of lessons) {
  test(`${file} is valid nbformat 4, committed without outputs, with exactly one parameters cell`, () => {
    const check = spawnSync(
      python,
      [
        "-c",
        "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT))",
        path.join(notebooks, file),
      ],
      { encoding: "utf8" },
    );
    assert.equal(check.status, 0, check.stderr);
    const nb = JSON.parse(fs.readFileSync(path.join(notebooks, file), "utf8"));
    assert.equal(nb.nbformat, 4);
    assert.equal(nb.metadata.kernelspec.name, "tslab");
    for (const cell of nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code")) {
      assert.deepEqual(cell.outputs, [], `a code cell has outputs: ${source(cell).slice(0, 60)}`);
      assert.equal(cell.execution_count, null);
    }
    const parameters = nb.cells.filter((c: { metadata: { tags?: string[] } }) =>
      (c.metadata.tags ?? []).includes("parameters"),
    );
    assert.equal(parameters.length, 1);
    assert.match(source(parameters[0]), /\bseed\b/, "the parameters cell holds the lesson's seed");
  });
}

for (const file of lessons) {
  test(`${file}: its parameters cell holds its lesson's defaults, states each range, and startLesson checks them`, () => {
    const nb = JSON.parse(fs.readFileSync(path.join(notebooks, file), "utf8"));
    const specs = (library as unknown as Record<string, ParameterSpecs>)[`lesson${file.slice(0, 2)}Parameters`];
    assert.ok(specs, `src/ exports no lesson${file.slice(0, 2)}Parameters`);
    const cell = nb.cells.find((c: { metadata: { tags?: string[] } }) =>
      (c.metadata.tags ?? []).includes("parameters"),
    );
    const lines = source(cell)
      .split("\n")
      .filter((line: string) => /^\s*const\s/.test(line));
    assert.deepEqual(
      lines.map((line: string) => /const\s+(\w+)/.exec(line)![1]),
      Object.keys(specs),
      "the parameters, in order",
    );
    for (const line of lines) {
      const [, name, value, comment] = /const\s+(\w+)\s*=\s*(.+?);\s*\/\/(.*)$/.exec(line) ?? [];
      assert.ok(name, `a parameter line without its comment: ${line}`);
      assert.deepEqual(JSON.parse(value), specs[name].default, `${name}'s value in the cell is the lesson's default`);
      const range = rangeText(specs[name]);
      // Free text (an expression) has no range to state; its comment must still say what it is.
      assert.ok(
        range ? comment.includes(range) : comment.trim().length > 0,
        `the comment of ${name} states its range "${range}": ${line}`,
      );
    }
    const code = nb.cells
      .filter((c: { cell_type: string }) => c.cell_type === "code")
      .map(source)
      .join("\n")
      .replace(/\s+/g, " ")
      .replace(/, \}/g, " }"); // a trailing comma, as the formatter writes an object over several lines
    const names = Object.keys(specs)
      .map((name) => `${name}: ${name}`)
      .join(", ");
    assert.ok(
      code.includes(`startLesson(lesson${file.slice(0, 2)}Parameters, { ${names} })`),
      `the lesson calls startLesson(lesson${file.slice(0, 2)}Parameters, { ${names} })`,
    );
    assert.doesNotMatch(
      code,
      /(^|[^.\w])claim\s*\(/,
      "claims go through lesson.claim, which knows whether the values are the defaults",
    );
  });
}

lessons.forEach((file, i) => {
  test(`${file} links to the previous and the next lesson and to the course's start`, () => {
    const first = source(JSON.parse(fs.readFileSync(path.join(notebooks, file), "utf8")).cells[0]);
    const links = [...first.matchAll(/\]\(([^)]+\.ipynb)\)/g)].map((m) => m[1]);
    const wanted = [i > 0 ? lessons[i - 1] : null, i > 0 ? lessons[0] : null, lessons[i + 1] ?? null].filter(Boolean);
    assert.deepEqual(links, wanted);
  });
});

for (const file of lessons) {
  test(`${file}: its first cell names the src/ files it uses, and its Solutions cell is collapsed`, () => {
    const nb = JSON.parse(fs.readFileSync(path.join(notebooks, file), "utf8"));
    const named = source(nb.cells[0]).match(/`((?:src|asm)\/[\w/.]+\.ts)`/g) ?? [];
    assert.ok(named.length > 0, `${file}'s first cell names no src/ file`);
    for (const name of named)
      assert.ok(fs.existsSync(path.join(root, name.slice(1, -1))), `${file} names ${name}, which does not exist`);
    const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code");
    const solutions = nb.cells.findIndex(
      (c: { cell_type: string; source: string | string[] }) =>
        c.cell_type === "markdown" && /^## Solutions/m.test(source(c)),
    );
    assert.ok(solutions >= 0, `${file} has a Solutions section`);
    for (const cell of nb.cells.slice(solutions + 1))
      assert.equal(cell.metadata.jupyter?.source_hidden, true, `${file}: a Solutions cell is not collapsed`);
    assert.equal(code[code.length - 1].metadata.jupyter?.source_hidden, true);
  });
}

test(
  "every lesson runs top to bottom in the tslab kernel with its defaults (npm run site)",
  { timeout: 30 * 60 * 1000 },
  () => {
    // The lessons run here, in notebooks/, whose ../data/ is the learner's: their exercises are unanswered and their
    // Solutions cells do not count, so the learner's progress file must come out as it went in.
    const progressFile = path.join(root, "data", "progress.json");
    const progress = () => (fs.existsSync(progressFile) ? fs.readFileSync(progressFile, "utf8") : null);
    const before = progress();
    const result = spawnSync(process.execPath, [path.join(root, "scripts", "site.js")], {
      encoding: "utf8",
      cwd: root,
    });
    process.stderr.write(result.stderr);
    assert.equal(result.status, 0, `a lesson failed:\n${result.stderr}`);
    assert.equal(progress(), before, "running the lessons changed the learner's data/progress.json");
    for (const file of lessons) assert.ok(fs.existsSync(path.join(root, "site", file.replace(".ipynb", ".html"))));
  },
);

/** Bytes of every file under `dir`, except the folders named in `skip`. */
function bytesUnder(dir: string, skip: string[] = []): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !skip.includes(e.name))
    .reduce(
      (sum, e) =>
        sum + (e.isDirectory() ? bytesUnder(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size),
      0,
    );
}

test("a saved lesson weighs under 1 MB, and the site (one plotly.js for every page) under 30 MB", () => {
  const MB = 1e6;
  for (const file of lessons) {
    const bytes = fs.statSync(path.join(root, "site", file)).size;
    assert.ok(bytes < MB, `the executed ${file} weighs ${(bytes / MB).toFixed(2)} MB`);
  }
  const plotlyCopies = fs
    .readdirSync(path.join(root, "site"), { recursive: true })
    .map(String)
    .filter((f) => path.basename(f) === "plotly.js" && !f.startsWith("runs"));
  assert.deepEqual(plotlyCopies, ["plotly.js"], "the site ships plotly.js once, beside its notebooks and pages");
  // site/runs/ holds what `npm run lesson` wrote, which is not part of the site.
  const site = bytesUnder(path.join(root, "site"), ["runs"]);
  assert.ok(site < 30 * MB, `site/ weighs ${(site / MB).toFixed(1)} MB`);
});

test("a first Run All with the defaults shows no hint, no failed check and no claim reported as broken", () => {
  for (const file of lessons) {
    const nb = JSON.parse(fs.readFileSync(path.join(root, "site", file), "utf8"));
    const printed: string = printedText(path.join(root, "site", file));
    assert.doesNotMatch(printed, /^(❌|Not yet)/m, `${file} shows a hint on its first Run All`);
    assert.doesNotMatch(printed, /no longer holds|^Your values:/m, `${file} with its defaults reports changed values`);
    const exercises = nb.cells.filter(
      (c: { cell_type: string; source: string | string[] }) =>
        c.cell_type === "code" && /check[A-Z]\w*\(/.test(source(c)),
    ).length;
    if (exercises) assert.match(printed, /^✏️ Your turn/m, `${file} has exercises; its first Run All says "Your turn"`);
  }
});
