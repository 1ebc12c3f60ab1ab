import { test } from "node:test";
import assert from "node:assert/strict";
import { embeddedSplit } from "../../src/data/embedded";
import { imageOf } from "../../src/data/dataset";
import { createNetwork, outputOf } from "../../src/network";
import { confusionPlot } from "../../src/plot/confusion";
import { drawDigitHtml, forwardSource } from "../../src/plot/drawDigit";
import { toJson } from "../../src/io/model";

test("the browser's forward pass gives the library's outputs, for sigmoid and ReLU networks", () => {
  const forward = new Function(`${forwardSource()}; return descentForward;`)() as (m: unknown, x: number[]) => number[];
  const { test: testSet } = embeddedSplit({ seed: 1 });
  for (const activation of ["sigmoid", "relu"] as const) {
    const net = createNetwork([784, 16, 16, 10], { activation, seed: 3, init: "scaled" });
    for (const i of [0, 5, 9]) {
      const x = imageOf(testSet, i);
      const mine = forward(toJson(net), Array.from(x));
      const theirs = outputOf(net, x);
      mine.forEach((v, j) => assert.ok(Math.abs(v - theirs[j]) < 1e-12, `${activation} output ${j}`));
    }
  }
});

test("the drawing fragment embeds the network and a canvas, and its script parses", () => {
  const html = drawDigitHtml(createNetwork([784, 16, 16, 10], { seed: 1 }), "d1");
  assert.match(html, /<canvas width="280" height="280"/);
  const script = html.slice(html.indexOf('<script type="text/javascript">') + 31, html.lastIndexOf("</script>"));
  assert.doesNotThrow(() => new Function(script));
  const weights = JSON.parse(/var model = (\{.*\});/.exec(html)![1]).weights;
  assert.deepEqual([weights.length, weights[0].length, weights[0][0].length], [3, 16, 784]);
});

test("the confusion plot writes every count and colours only the mistakes", () => {
  const fig = confusionPlot([
    [5, 1],
    [2, 7],
  ]) as { data: { z: number[][]; text: string[][] }[] };
  assert.deepEqual(fig.data[0].text, [
    ["5", "1"],
    ["2", "7"],
  ]);
  assert.deepEqual(fig.data[0].z, [
    [0, 1],
    [2, 0],
  ]);
});
