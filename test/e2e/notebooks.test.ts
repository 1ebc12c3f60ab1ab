import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// The course, end to end: every lesson is a valid, clean notebook, and every lesson executes top to bottom in
// the real tslab kernel with its quick parameters (npm run site -- --quick, which the browser test then reads).
const root = path.join(__dirname, "..", "..", "..");
const notebooks = path.join(root, "notebooks");
const lessons = fs.readdirSync(notebooks).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
const python = fs.existsSync(path.join(root, ".venv", "bin", "python")) ? path.join(root, ".venv", "bin", "python") : "python3";
const source = (cell: { source: string | string[] }) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);

test("there are lessons, numbered in order from 00", () => {
  assert.ok(lessons.length > 0, "notebooks/ holds no lessons");
  lessons.forEach((file, i) => assert.equal(file.slice(0, 2), String(i).padStart(2, "0"), `lesson ${i} is missing or misnumbered`));
});

for (const file of lessons) {
  test(`${file} is valid nbformat 4, committed without outputs, with exactly one parameters cell`, () => {
    const check = spawnSync(python, ["-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT))", path.join(notebooks, file)], { encoding: "utf8" });
    assert.equal(check.status, 0, check.stderr);
    const nb = JSON.parse(fs.readFileSync(path.join(notebooks, file), "utf8"));
    assert.equal(nb.nbformat, 4);
    assert.equal(nb.metadata.kernelspec.name, "tslab");
    for (const cell of nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code")) {
      assert.deepEqual(cell.outputs, [], `a code cell has outputs: ${source(cell).slice(0, 60)}`);
      assert.equal(cell.execution_count, null);
    }
    const parameters = nb.cells.filter((c: { metadata: { tags?: string[] } }) => (c.metadata.tags ?? []).includes("parameters"));
    assert.equal(parameters.length, 1);
    assert.match(source(parameters[0]), /\bseed\b/, "the parameters cell holds the lesson's seed");
  });
}

test("every lesson runs top to bottom in the tslab kernel with its quick parameters (npm run site -- --quick)", { timeout: 30 * 60 * 1000 }, () => {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "site.js"), "--quick"], { encoding: "utf8", cwd: root });
  process.stderr.write(result.stderr);
  assert.equal(result.status, 0, `a lesson failed:\n${result.stderr}`);
  for (const file of lessons) assert.ok(fs.existsSync(path.join(root, "site", file.replace(".ipynb", ".html"))));
});
