// Executes a notebook in the project's tslab kernel with Descent's Jupyter client (kernel.js), cell after cell in
// one kernel, as nbclient (papermill) does. Writes the executed notebook to `output` atomically, also when a cell
// fails; on a failing cell, returns the cell's number and its own error text (tslab sends it on stderr only).
const fs = require("fs");
const path = require("path");
const { Kernel } = require("./kernel");
const { text, isTagged, inject } = require("./lessons");
const { writeFileAtomic } = require("../../dist/io/files");

/** Collects one cell's outputs from the kernel's messages, as nbformat stores them. */
class Outputs {
  constructor(displays) {
    this.list = [];
    this.displays = displays; // display_id -> outputs showing it, in any cell (update_display_data changes them all)
    this.clearOnNext = false;
  }

  add(msg) {
    const type = msg.header.msg_type,
      c = msg.content;
    if (type === "clear_output") {
      if (c.wait) this.clearOnNext = true;
      else this.list.length = 0;
      return;
    }
    if (type === "update_display_data") {
      for (const output of this.displays.get(c.transient?.display_id) ?? [])
        Object.assign(output, { data: c.data, metadata: c.metadata ?? {} });
      return;
    }
    if (this.clearOnNext) {
      this.list.length = 0;
      this.clearOnNext = false;
    }
    let output;
    if (type === "stream") {
      const last = this.list[this.list.length - 1];
      if (last?.output_type === "stream" && last.name === c.name) {
        last.text += c.text;
        return;
      }
      output = { output_type: "stream", name: c.name, text: c.text };
    } else if (type === "display_data")
      output = { output_type: "display_data", data: c.data, metadata: c.metadata ?? {} };
    else if (type === "execute_result")
      output = {
        output_type: "execute_result",
        execution_count: c.execution_count,
        data: c.data,
        metadata: c.metadata ?? {},
      };
    else if (type === "error")
      output = { output_type: "error", ename: c.ename, evalue: c.evalue, traceback: c.traceback ?? [] };
    else return;
    const id = c.transient?.display_id;
    if (id) this.displays.set(id, [...(this.displays.get(id) ?? []), output]);
    this.list.push(output);
  }
}

/** Executes `notebook` into `output`; resolves with { ok, stderr }, stderr naming the failing cell and its error. */
async function executeWithNode(notebook, output, injected, { timeout = 900 } = {}) {
  const nb = JSON.parse(fs.readFileSync(notebook, "utf8"));
  if (injected) inject(nb, injected);
  const kernel = await Kernel.start(path.dirname(path.resolve(notebook)));
  const displays = new Map();
  let failure = null;
  try {
    for (const cell of nb.cells.filter((c) => c.cell_type === "code")) {
      const outputs = new Outputs(displays);
      cell.outputs = outputs.list;
      const code = text(cell.source);
      if (!code.trim()) continue;
      let reply;
      try {
        reply = await kernel.execute(code, (msg) => outputs.add(msg), timeout * 1000);
      } catch (error) {
        failure = { cell, message: error.message };
        break;
      }
      cell.execution_count = reply.execution_count ?? null;
      if (reply.status !== "ok") {
        failure = { cell, message: `${reply.ename ?? "error"}: ${reply.evalue ?? ""}` };
        break;
      }
    }
  } finally {
    await kernel.shutdown();
    writeFileAtomic(output, JSON.stringify(nb, null, 1) + "\n");
  }
  if (!failure) return { ok: true, stderr: "" };
  // Number the code cells as in the lesson itself: the injected-parameters cell is not one of them.
  const number =
    nb.cells.filter((c) => c.cell_type === "code" && !isTagged(c, "injected-parameters")).indexOf(failure.cell) + 1;
  const stderr =
    failure.cell.outputs
      .filter((o) => o.name === "stderr")
      .map((o) => o.text)
      .join("") ||
    failure.cell.outputs
      .filter((o) => o.output_type === "error")
      .map((o) => `${o.ename}: ${o.evalue}`)
      .join("\n") ||
    failure.message;
  return {
    ok: false,
    stderr: `code cell ${number} failed:\n${text(failure.cell.source)}\n--- its error ---\n${stderr.trim()}\n`,
  };
}

module.exports = { executeWithNode, Outputs };
