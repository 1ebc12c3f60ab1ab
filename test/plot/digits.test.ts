import { test } from "node:test";
import assert from "node:assert/strict";
import { digitGrid, digitPlot, weightGrid, weightImage } from "../../src/plot/digits";
import { createNetwork } from "../../src/network";

const roundTrips = (fig: object) => assert.deepEqual(JSON.parse(JSON.stringify(fig)), fig);

test("a digit is a 28x28 grey heatmap drawn upright (row 0 at the top)", () => {
  const pixels = Float64Array.from({ length: 784 }, (_, i) => (i % 28) / 27);
  const fig = digitPlot(pixels, { title: "label 3" }) as {
    data: { z: number[][] }[];
    layout: { yaxis: { autorange: string } };
  };
  assert.equal(fig.data[0].z.length, 28);
  assert.equal(fig.data[0].z[0].length, 28);
  assert.equal(fig.data[0].z[5][27], 1);
  assert.equal(fig.layout.yaxis.autorange, "reversed");
  roundTrips(fig);
});

test("a grid has one heatmap and one title per image, each on its own axes", () => {
  const images = [0, 1, 2].map((k) => new Float64Array(784).fill(k / 2));
  const fig = digitGrid(images, ["a", "b", "c"], { columns: 2 }) as {
    data: { xaxis: string }[];
    layout: { annotations: { text: string }[] };
  };
  assert.deepEqual(
    fig.data.map((d) => d.xaxis),
    ["x", "x2", "x3"],
  );
  assert.deepEqual(
    fig.layout.annotations.map((a) => a.text),
    ["a", "b", "c"],
  );
  roundTrips(fig);
});

test("a hidden neuron's weight image holds its row of weights[0], on a colour scale centred at 0", () => {
  const net = createNetwork([784, 16, 10], { seed: 2 });
  const fig = weightImage(net, 3) as { data: { z: number[][]; zmid: number }[] };
  assert.equal(fig.data[0].zmid, 0);
  assert.equal(fig.data[0].z[1][2], net.weights[0].data[3 * 784 + 28 + 2]);
  roundTrips(fig);
  assert.equal((weightGrid(net).data as object[]).length, 16);
});
