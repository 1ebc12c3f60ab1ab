import { test } from "node:test";
import assert from "node:assert/strict";
import { createNetwork } from "../../src/network";
import { embeddedSplit } from "../../src/data/embedded";
import { take } from "../../src/data/dataset";
import { EpochReport } from "../../src/training/reports";
import { epochTicks, liveCurves, redrawInterval, takeInterrupts, trainLive } from "../../src/plot/live";

// What a tslab kernel would receive: the display layer writes through tslab's lastWriteDisplayData while a cell runs.
const jupyter = require("tslab/dist/jupyter") as {
  lastWriteDisplayData: ((d: object, update: boolean) => void) | null;
};
interface Sent {
  update: boolean;
  id: string;
  mimes: string[];
  figure?: { data: { x: number[] }[] };
}
function recordKernelDisplays(): Sent[] {
  const sent: Sent[] = [];
  jupyter.lastWriteDisplayData = (message, update) => {
    const { data, transient } = message as { data: Record<string, unknown>; transient: { display_id: string } };
    sent.push({
      update,
      id: transient.display_id,
      mimes: Object.keys(data).sort(),
      figure: data["application/vnd.plotly.v1+json"] as Sent["figure"],
    });
  };
  return sent;
}

const small = () => take(embeddedSplit({ seed: 1 }).train, 100);

test("a growing chart goes out without the plotly mime type, the finished one with it and one point per epoch", async (t) => {
  t.after(() => {
    jupyter.lastWriteDisplayData = null;
  });
  const sent = recordKernelDisplays();
  const result = await trainLive(createNetwork([784, 8, 10], { seed: 1 }), small(), {
    eta: 3,
    batchSize: 10,
    epochs: 40,
    seed: 1,
  });
  assert.equal(result.interrupted, false);
  assert.equal(result.reports.length, 40);
  const ids = [...new Set(sent.map((s) => s.id))];
  assert.equal(ids.length, 2, "one bar and one chart, each redrawn in place");
  const chart = sent.filter((s) => s.id === ids[1]);
  assert.equal(chart[0].update, false);
  assert.ok(
    chart.slice(1).every((s) => s.update),
    "then only updates",
  );
  for (const growing of chart.slice(0, -1)) assert.deepEqual(growing.mimes, ["text/html", "text/plain"]);
  const last = chart[chart.length - 1];
  assert.deepEqual(last.mimes, ["application/vnd.plotly.v1+json", "text/html", "text/plain"]);
  assert.ok(
    last.figure!.data.every((trace) => trace.x.length === 40),
    "every trace holds the 40 epochs",
  );
});

test("SIGINT during trainLive stops it at the next slice with the epochs done, and no other listener hears it", async (t) => {
  t.after(() => {
    jupyter.lastWriteDisplayData = null;
  });
  recordKernelDisplays();
  let othersHeard = 0;
  const other = (): void => {
    othersHeard++;
  };
  process.on("SIGINT", other);
  t.after(() => {
    process.off("SIGINT", other);
  });
  const training = trainLive(createNetwork([784, 8, 10], { seed: 1 }), small(), {
    eta: 3,
    batchSize: 10,
    epochs: 100000,
    seed: 1,
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.emit("SIGINT");
  const result = await training;
  assert.equal(result.interrupted, true);
  assert.ok(
    result.reports.length >= 1 && result.reports.length < 100000,
    `stopped after ${result.reports.length} epochs`,
  );
  assert.equal(othersHeard, 0, "tslab's listener (here: another) did not hear the interrupt");
  assert.deepEqual(process.listeners("SIGINT"), [other], "and has its SIGINT back afterwards");
});

test("takeInterrupts gives the other listeners back", () => {
  const heard: string[] = [];
  const other = (): void => {
    heard.push("other");
  };
  process.on("SIGINT", other);
  const giveBack = takeInterrupts(() => heard.push("mine"));
  process.emit("SIGINT");
  giveBack();
  process.emit("SIGINT");
  process.off("SIGINT", other);
  assert.deepEqual(heard, ["mine", "other"]);
});

test("the accuracy axis has round ticks and the epoch axis at most about ten", () => {
  const reports: EpochReport[] = [1, 2, 3].map((epoch) => ({
    epoch,
    cost: 1 / epoch,
    trainAccuracy: 0.3 * epoch,
    testAccuracy: 0.25 * epoch,
    testCost: null,
    examplesPerSecond: 1000,
    seconds: 1,
  }));
  const layout = liveCurves(reports, 3).layout as {
    yaxis2: { tickvals: number[]; tickformat: string; range: number[] };
  };
  assert.deepEqual(layout.yaxis2.tickvals, [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.equal(layout.yaxis2.tickformat, ".0%");
  assert.deepEqual([3, 10, 11, 30, 50, 400, 1000].map(epochTicks), [1, 1, 2, 5, 5, 50, 100]);
});

test("redraws slow down as the chart grows", () => {
  assert.equal(redrawInterval(1), 250);
  assert.equal(redrawInterval(1000), 2000);
});
