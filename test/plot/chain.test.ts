import { test } from "node:test";
import assert from "node:assert/strict";
import { chainEdges, chainGraph } from "../../src/plot/chain";

test("the chain's graph: one node per quantity, one arrow per dependency, values written on the nodes", () => {
  const values = {
    aBefore: 0.8,
    wPrev: 1,
    bPrev: -1,
    zPrev: -0.2,
    aPrev: 0.45,
    w: 2,
    b: 0.5,
    z: 1.4,
    a: 0.8,
    y: 1,
    cost: 0.04,
  };
  const fig = chainGraph(values) as {
    data: { x: number[]; text: string[] }[];
    layout: { annotations: { x: number; ax: number }[] };
  };
  assert.equal(fig.data[0].x.length, 11);
  assert.ok(fig.data[0].text.includes("C₀ = 0.040"));
  assert.equal(fig.layout.annotations.length, chainEdges.length);
  // Every arrow points forwards (left to right) or stays in its column, as the forward pass goes.
  assert.ok(fig.layout.annotations.every((a) => a.ax <= a.x));
  const bare = chainGraph() as { data: { text: string[] }[] };
  assert.ok(bare.data[0].text.includes("zᴸ"));
  assert.deepEqual(JSON.parse(JSON.stringify(fig)), fig);
});
