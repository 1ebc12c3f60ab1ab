import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";

// The pieces of the Node notebook tools that need no kernel: how kernel messages become a cell's outputs
// (executeNode.js) and how a notebook becomes a page (render.js).
const scripts = path.join(__dirname, "..", "..", "..", "scripts", "notebook");
const { Outputs } = require(path.join(scripts, "executeNode.js"));
const { inject } = require(path.join(scripts, "lessons.js"));
const { renderNotebook, markdownToHtml, loadMarked } = require(path.join(scripts, "render.js"));

const msg = (msg_type: string, content: object) => ({ header: { msg_type }, content });

test("consecutive writes to one stream become one output; another stream or a display starts a new one", () => {
  const outputs = new Outputs(new Map());
  outputs.add(msg("stream", { name: "stdout", text: "a\n" }));
  outputs.add(msg("stream", { name: "stdout", text: "b\n" }));
  outputs.add(msg("stream", { name: "stderr", text: "oops\n" }));
  outputs.add(msg("display_data", { data: { "text/plain": "x" }, metadata: {} }));
  outputs.add(msg("stream", { name: "stdout", text: "c\n" }));
  assert.deepEqual(
    outputs.list.map((o: { name?: string; text?: string; output_type: string }) => o.text ?? o.output_type),
    ["a\nb\n", "oops\n", "display_data", "c\n"],
  );
});

test("update_display_data changes the display it names, in whichever cell showed it", () => {
  const displays = new Map();
  const first = new Outputs(displays);
  first.add(
    msg("display_data", { data: { "text/plain": "epoch 0" }, metadata: {}, transient: { display_id: "live" } }),
  );
  const second = new Outputs(displays);
  second.add(
    msg("update_display_data", { data: { "text/plain": "epoch 30" }, metadata: {}, transient: { display_id: "live" } }),
  );
  assert.deepEqual(first.list[0].data, { "text/plain": "epoch 30" });
  assert.deepEqual(second.list, [], "an update adds no output of its own");
});

test("clear_output empties the cell at once, or with wait=true just before the next output", () => {
  const outputs = new Outputs(new Map());
  outputs.add(msg("stream", { name: "stdout", text: "1" }));
  outputs.add(msg("clear_output", { wait: false }));
  assert.equal(outputs.list.length, 0);
  outputs.add(msg("stream", { name: "stdout", text: "2" }));
  outputs.add(msg("clear_output", { wait: true }));
  assert.equal(outputs.list.length, 1, "still shown until something replaces it");
  outputs.add(msg("execute_result", { execution_count: 3, data: { "text/plain": "3" }, metadata: {} }));
  assert.deepEqual(
    outputs.list.map((o: { output_type: string }) => o.output_type),
    ["execute_result"],
  );
});

test("injected parameters go right after the parameters cell, tagged as papermill tags them", () => {
  const nb = {
    cells: [
      { cell_type: "markdown", source: "# x", metadata: {} },
      { cell_type: "code", source: "const eta = 3;", metadata: { tags: ["parameters"] } },
      { cell_type: "code", source: "run()", metadata: {} },
    ],
  };
  inject(nb, "const eta = 0.5;");
  assert.equal(nb.cells[2].source, "const eta = 0.5;");
  assert.deepEqual(nb.cells[2].metadata, { tags: ["injected-parameters"] });
  assert.equal(nb.cells[3].source, "run()");
  assert.throws(() => inject({ cells: [] }, "x"), /no cell tagged 'parameters'/);
});

test("math reaches the page untouched by markdown: underscores and stars inside $...$ are not emphasis", async () => {
  const marked = await loadMarked();
  const html = markdownToHtml(
    marked,
    "The cost $C_0 = \\sum_j (a_j - y_j)^2$ and *this* is emphasis.\n\n$$w_{jk}^{(L)} * 2 < 3$$",
  );
  assert.ok(html.includes("$C_0 = \\sum_j (a_j - y_j)^2$"), html);
  assert.ok(html.includes("$$w_{jk}^{(L)} * 2 &lt; 3$$"), "escaped, not read as a tag");
  assert.ok(html.includes("<em>this</em>"));
  assert.ok(!/<em>[^<]*_j/.test(html));
});

test("a page shows each cell: markdown as HTML, code escaped, the richest output of each bundle, errors marked", async () => {
  const nb = {
    cells: [
      { cell_type: "markdown", source: ["# Lesson\n", "Some **bold** text."], metadata: {} },
      {
        cell_type: "code",
        execution_count: 1,
        source: "const a = 1 < 2;",
        metadata: {},
        outputs: [
          {
            output_type: "display_data",
            data: { "text/html": '<div id="chart"></div>', "text/plain": "chart" },
            metadata: {},
          },
          { output_type: "stream", name: "stdout", text: "\u001b[32mgreen\u001b[0m <b>\n" },
          { output_type: "stream", name: "stderr", text: "ExpressionError: bad\n" },
        ],
      },
    ],
  };
  const page: string = await renderNotebook(nb, "Lesson <1>");
  assert.match(page, /<title>Lesson &lt;1&gt;<\/title>/);
  assert.match(page, /<h1[^>]*>Lesson<\/h1>/);
  assert.match(page, /<strong>bold<\/strong>/);
  assert.match(page, /In \[1\]:/);
  assert.ok(page.includes("const a = 1 &lt; 2;"));
  assert.ok(page.includes('<div id="chart"></div>'), "text/html is used, not text/plain");
  assert.ok(!page.includes(">chart<"));
  assert.ok(page.includes("green &lt;b&gt;"), "ANSI colours stripped, text escaped");
  assert.match(page, /<pre class="output stderr">ExpressionError: bad/);
});

test("a page made offline gives its charts their figures from the notebook's bundles, in one table in its head", () => {
  const { makeOffline, chartFigures } = require(path.join(scripts, "html.js"));
  const { figureBundle } = require(path.join(__dirname, "..", "..", "src", "plot", "display"));
  const bundle = figureBundle({ data: [{ x: [1, 2], y: [3, 4] }] });
  const nb = {
    cells: [
      {
        cell_type: "code",
        source: "show(f)",
        outputs: [
          { output_type: "display_data", data: bundle, metadata: {} },
          { output_type: "stream", name: "stdout", text: "hi" },
        ],
      },
    ],
  };
  const figures = chartFigures(nb);
  const id = /id="([^"]+)"/.exec(bundle["text/html"])![1];
  assert.deepEqual(figures, { [id]: { data: [{ x: [1, 2], y: [3, 4] }] } });
  const page = makeOffline(`<html><head></head><body>${bundle["text/html"]}</body></html>`, "assets", figures);
  const head = page.slice(0, page.indexOf("</head>"));
  assert.ok(head.includes(`window.descentFigures={"${id}":{"data":[{"x":[1,2],"y":[3,4]}]}}`));
  assert.ok(head.includes('href="assets/katex/katex.min.css"'));
});
