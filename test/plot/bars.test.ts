import { test } from "node:test";
import assert from "node:assert/strict";
import { curvePlot, histogram, nudgeBars, outputBars } from "../../src/plot/bars";

const roundTrips = (fig: object) => assert.deepEqual(JSON.parse(JSON.stringify(fig)), fig);

test("output bars: ten bars, the answer green when right, red when wrong, the label orange", () => {
  const a = [0.1, 0.05, 0.9, 0.2, 0, 0, 0, 0.3, 0, 0];
  const right = outputBars(a, { label: 2 }) as { data: { y: number[]; marker: { color: string[] } }[] };
  assert.deepEqual(right.data[0].y, a);
  assert.equal(right.data[0].marker.color[2], "#54a24b");
  const wrong = outputBars(a, { label: 7 }) as { data: { marker: { color: string[] } }[] };
  assert.equal(wrong.data[0].marker.color[2], "#e45756");
  assert.equal(wrong.data[0].marker.color[7], "#f58518");
  roundTrips(right);
});

test("nudge bars colour up green and down red; curves and histograms are plain data", () => {
  const fig = nudgeBars(Float64Array.from([0.5, -0.2])) as { data: { y: number[]; marker: { color: string[] } }[] };
  assert.deepEqual(fig.data[0].y, [0.5, -0.2]);
  assert.deepEqual(fig.data[0].marker.color, ["#54a24b", "#e45756"]);
  roundTrips(fig);
  roundTrips(curvePlot([{ name: "cost", x: [1, 2], y: [0.5, 0.3] }], { xTitle: "epoch", yTitle: "cost" }));
  const h = histogram(Float64Array.from([1, 2, 3]), { xTitle: "x" }) as { data: { x: number[] }[] };
  assert.deepEqual(h.data[0].x, [1, 2, 3]);
  roundTrips(h);
});
