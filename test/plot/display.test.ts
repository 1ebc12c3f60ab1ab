import { test } from "node:test";
import assert from "node:assert/strict";
import { liveOutput, show } from "../../src/plot/display";
import { PLOTLY_MIME } from "../../src/plot/chartHtml";

// display.ts reaches into tslab's private module `tslab/dist/jupyter` (tslab's public `display` cannot send a
// bundle of several MIME types or update a display by id): while a cell runs, that module's export
// `lastWriteDisplayData` is tslab's writer `(content, update)`, which sends `content` as a display_data message,
// or an update_display_data one when `update` is true. This test runs a cell through tslab's own execute handler
// (with a stand-in for its TypeScript executor) and fails if a new tslab stops providing that.
type Writer = (
  content: { data: Record<string, unknown>; metadata: object; transient: { display_id?: string } },
  update: boolean,
) => void;
const jupyter = require("tslab/dist/jupyter") as {
  lastWriteDisplayData: Writer | null;
  JupyterHandlerImpl: new (
    executor: { execute(code: string): Promise<boolean> },
    isJs: boolean,
  ) => {
    handleExecute(
      request: { code: string },
      writeStream: (name: string, text: string) => void,
      writeDisplayData: Writer,
    ): Promise<{ status: string }>;
  };
};

/** Runs `cell` as tslab runs a cell's code; returns the execute reply's status and what went out through the writer. */
async function runCell(cell: () => void) {
  const sent: Parameters<Writer>[] = [];
  const handler = new jupyter.JupyterHandlerImpl({ execute: async () => (cell(), true) }, false);
  // tslab sends the cell's stdout and stderr to the kernel's clients: give them back to this test afterwards.
  const { stdout, stderr } = process;
  const writes = [stdout.write, stderr.write];
  try {
    const reply = await handler.handleExecute(
      { code: "show(figure)" },
      () => undefined,
      (content, update) => sent.push([content, update]),
    );
    return { status: reply.status, sent };
  } finally {
    [stdout.write, stderr.write] = writes;
  }
}

test("outside a cell, tslab's module is there and has no display writer, so display.ts prints plain HTML instead", () => {
  assert.ok("lastWriteDisplayData" in jupyter, "tslab/dist/jupyter exports lastWriteDisplayData");
  assert.equal(jupyter.lastWriteDisplayData, null);
});

test("in a cell, tslab gives display.ts its writer: a chart goes out as one bundle of three renderings", async () => {
  const { status, sent } = await runCell(() => show({ data: [{ x: [1, 2], y: [3, 4] }] }, "two points"));
  assert.equal(status, "ok");
  assert.equal(sent.length, 1);
  const [[content, update]] = sent;
  assert.equal(update, false, "a new display");
  assert.deepEqual(Object.keys(content.data).sort(), [PLOTLY_MIME, "text/html", "text/plain"]);
  assert.deepEqual(content.data[PLOTLY_MIME], { data: [{ x: [1, 2], y: [3, 4] }] });
  assert.equal(content.data["text/plain"], "[two points]");
});

test("in a cell, a live output is shown once and then updated in place through tslab's writer, by its display id", async () => {
  const { sent } = await runCell(() => {
    const live = liveOutput();
    live.html("<b>epoch 1</b>");
    live.html("<b>epoch 2</b>");
  });
  assert.deepEqual(
    sent.map(([content, update]) => [content.data["text/plain"], update]),
    [
      ["epoch 1", false],
      ["epoch 2", true],
    ],
  );
  const ids = sent.map(([content]) => content.transient.display_id);
  assert.ok(ids[0] && ids[0] === ids[1], "both name the same display");
});
