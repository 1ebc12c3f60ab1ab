import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// The Node client (scripts/notebook/kernel.js, executeNode.js) runs lessons where there is no Python: it must
// execute a lesson exactly as nbclient does, and report a failing cell in the same words.
const root = path.join(__dirname, "..", "..", "..");
const lesson = (tools: string, ...args: string[]) => spawnSync(process.execPath, [path.join(root, "scripts", "lesson.js"), ...args],
  { encoding: "utf8", cwd: root, env: { ...process.env, DESCENT_NOTEBOOK_TOOLS: tools } });

type Output = { output_type: string; name?: string; data?: Record<string, unknown> };
type Cell = { cell_type: string; execution_count: number | null; outputs: Output[]; metadata: { tags?: string[] } };
/**
 * Each code cell's execution count and the kinds of its outputs (stream name or MIME types). Consecutive writes
 * to one stream count once: the Node client joins them, as JupyterLab shows them; nbclient keeps them apart.
 */
function shape(file: string) {
  const nb = JSON.parse(fs.readFileSync(file, "utf8"));
  return nb.cells.filter((c: Cell) => c.cell_type === "code").map((c: Cell) =>
    [c.execution_count, c.outputs.map((o) => o.name ?? `${o.output_type}:${Object.keys(o.data ?? {}).sort().join(",")}`)
      .filter((kind, i, kinds) => !(kind === "stdout" || kind === "stderr") || kinds[i - 1] !== kind)]);
}

for (const [number, settings] of [["02", ["--set", "seed=4"]], ["08", ["--set", "epochs=2", "--set", "fullEpochs=1"]]] as const) {
  // 08 trains live: one display updated in place many times (update_display_data), which must end the same.
  test(`lesson ${number} prints the same text and the same outputs through the Node client as through nbclient`, { timeout: 5 * 60 * 1000 }, () => {
    const python = lesson("python", number, ...settings);
    assert.equal(python.status, 0, python.stderr);
    const executed = path.join(root, "site", "runs", fs.readdirSync(path.join(root, "site", "runs"))
      .find((f) => f.startsWith(number) && f.endsWith(`${settings.filter((s) => s !== "--set").join(",")}.ipynb`))!);
    const pythonShape = shape(executed);
    const node = lesson("node", number, ...settings);
    assert.equal(node.status, 0, node.stderr);
    assert.ok(python.stdout.length > 200, "the lesson printed its text");
    assert.equal(node.stdout, python.stdout);
    assert.deepEqual(shape(executed), pythonShape);
    assert.match(node.stderr, /done in .* and site\/runs\/.*\.html/);
  });
}

test("a failing cell is reported by the Node client in the words lesson.test.ts checks for nbclient", { timeout: 120000 }, () => {
  const node = lesson("node", "03", "--set", "expression=x^^2");
  assert.equal(node.status, 1);
  assert.match(node.stderr, /lesson 03-gradient-descent-1d failed:\ncode cell 3 failed:\nconst f = toyFunction\(expression, 1\);[\s\S]*\n--- its error ---\n/);
  assert.match(node.stderr, /ExpressionError: cannot read "x\^\^2": Value expected at character 3/);
});

test("an unknown DESCENT_NOTEBOOK_TOOLS is refused in one sentence (exit 2)", () => {
  const r = lesson("ruby", "03");
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), 'lesson: DESCENT_NOTEBOOK_TOOLS is "ruby"; set it to node or python, or unset it');
});
