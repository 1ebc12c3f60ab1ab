import { test } from "node:test";
import assert from "node:assert/strict";
import {
  animatedPath1d,
  animatedPath2d,
  contourPlot,
  functionPlot1d,
  pathsSlider1d,
  surfacePlot,
} from "../../src/plot/descent";
import { descentPaths, gradientDescent } from "../../src/toy/descent";
import { toyFunction } from "../../src/toy/expression";
import { embeddedSplit } from "../../src/data/embedded";
import { inkModel } from "../../src/toy/inkNeuron";

const f = toyFunction("x^4 - 3x^2 + x");
const bowl = toyFunction("3/2 x^2 + 1/2 y^2");
const roundTrips = (fig: object) =>
  assert.deepEqual(JSON.parse(JSON.stringify(fig)), fig, "a figure is plain JSON data");

test("a 1-D figure holds the curve and the path's points", () => {
  const path = gradientDescent(f, { start: [2], eta: 0.05, steps: 10 });
  const fig = functionPlot1d(f, [-2, 2], path);
  const [curve, trace] = fig.data as { x: number[]; y: number[] }[];
  assert.equal(curve.x.length, curve.y.length);
  assert.deepEqual(
    trace.x,
    path.points.map((p) => p[0]),
  );
  assert.deepEqual(trace.y, path.values);
  roundTrips(fig);
});

type Animated = {
  frames?: object[];
  layout: {
    updatemenus: {
      buttons: {
        args: [{ data: { x: number[]; y: number[] }[]; traces: number[]; layout: { sliders: { active: number }[] } }[]];
      }[];
    }[];
    sliders: { steps: { method: string; args: [{ x: number[][]; y: number[][] }, number[]] }[] }[];
  };
};

test("an animated path plays one frame per point and has a slider step per point, all inside its controls", () => {
  const path = gradientDescent(f, { start: [2], eta: 0.05, steps: 12 });
  const fig = animatedPath1d(f, [-2, 2], path) as unknown as Animated;
  const play = fig.layout.updatemenus[0].buttons[0].args[0];
  const steps = fig.layout.sliders[0].steps;
  assert.equal(play.length, 13);
  assert.equal(steps.length, 13);
  assert.deepEqual(
    play[5].data[0].x,
    path.points.slice(0, 6).map((p) => p[0]),
    "frame n shows the first n steps",
  );
  assert.deepEqual(play[5].traces, [1], "a frame redraws only the path");
  assert.deepEqual(
    play.map((frame) => frame.layout.sliders[0].active),
    steps.map((_, n) => n),
    "frame n moves the slider to step n",
  );
  assert.deepEqual(steps[5].args, [{ x: [play[5].data[0].x], y: [play[5].data[0].y] }, [1]]);
  // No figure-level frames: VS Code's renderer passes only data and layout to Plotly.newPlot.
  assert.equal(fig.frames, undefined);
  roundTrips(fig);
  const fig2 = animatedPath2d(
    bowl,
    [-2, 2],
    [-2, 2],
    gradientDescent(bowl, { start: [1, 1], eta: 0.2, steps: 7 }),
  ) as unknown as Animated;
  assert.equal(fig2.layout.updatemenus[0].buttons[0].args[0].length, 8);
  assert.equal(fig2.layout.sliders[0].steps[7].args[0].y[0].length, 8);
  roundTrips(fig2);
});

test("a slider over precomputed paths shows one path per step; a diverged path plots no NaN", () => {
  const runs = descentPaths(
    f,
    [0.002, 0.05, 0.3].map((eta) => ({ start: [2], eta, steps: 30 })),
  );
  const fig = pathsSlider1d(f, [-2.5, 2.5], runs, ["small", "right", "divergent"]) as {
    data: { visible?: boolean }[];
    layout: { sliders: { steps: { args: [string, boolean[]] }[] }[] };
  };
  const steps = fig.layout.sliders[0].steps;
  assert.equal(steps.length, 3);
  assert.deepEqual(steps[2].args[1], [true, false, false, true]);
  roundTrips(fig);
});

test("surface and contour figures sample the function on a grid, with named paths", () => {
  const surface = surfacePlot(bowl, [-1, 1], [-1, 1]) as { data: { z: number[][] }[] };
  assert.equal(surface.data[0].z.length, 61);
  assert.equal(surface.data[0].z[30][30], 0, "the bowl's bottom is at the grid's centre");
  const contour = contourPlot(
    bowl,
    [-2, 2],
    [-2, 2],
    [
      {
        name: "a",
        points: [
          [1, 1],
          [0.5, 0.5],
        ],
      },
      { name: "b", points: [[1, -1]] },
    ],
  ) as { data: { name: string }[] };
  assert.deepEqual(
    contour.data.slice(1).map((t) => t.name),
    ["a", "b"],
  );
  roundTrips(contour);
});

type Titled = { layout: { xaxis: { title: { text: string } }; yaxis: { title: { text: string } } } };
const axisTitles = (fig: object) => [(fig as Titled).layout.xaxis.title.text, (fig as Titled).layout.yaxis.title.text];

test("2-D figures name their axes after the function's variables: x and y for a toy, w and b for lesson 07's neuron", () => {
  assert.deepEqual(axisTitles(contourPlot(bowl, [-2, 2], [-2, 2])), ["x", "y"]);
  const neuron = inkModel(embeddedSplit({ seed: 1 }).train, 1).fullCost;
  assert.deepEqual(axisTitles(contourPlot(neuron, [-6, 4], [-6, 4])), ["w", "b"]);
  assert.deepEqual(
    axisTitles(animatedPath2d(neuron, [-6, 4], [-6, 4], gradientDescent(neuron, { start: [2, 2], eta: 3, steps: 3 }))),
    ["w", "b"],
  );
  const scene = (
    surfacePlot(neuron, [-6, 4], [-6, 4]) as { layout: { scene: Record<string, { title: { text: string } }> } }
  ).layout.scene;
  assert.deepEqual([scene.xaxis.title.text, scene.yaxis.title.text, scene.zaxis.title.text], ["w", "b", "C(w, b)"]);
});

test("the 3-D surface is drawn in a fixed box, not stretched to its values' units (a bowl 8 high on a 4-wide floor)", () => {
  const scene = (
    surfacePlot(bowl, [-2, 2], [-2, 2]) as {
      layout: { scene: { aspectmode: string; aspectratio: { x: number; y: number; z: number } } };
    }
  ).layout.scene;
  assert.equal(scene.aspectmode, "manual");
  assert.ok(
    scene.aspectratio.z <= scene.aspectratio.x && scene.aspectratio.x === scene.aspectratio.y,
    JSON.stringify(scene.aspectratio),
  );
});

test("an animation of any length stays a few MB: at most 60 frames of at most 400 points, no spread of long arrays", async () => {
  const { animatedPath1d, animatedPath2d, MAX_FRAMES, MAX_POINTS, sampleIndices } =
    await import("../../src/plot/descent");
  const { toyFunction: toy } = await import("../../src/toy/expression");
  for (const steps of [2000, 50000, 150000]) {
    const xs = Array.from({ length: steps + 1 }, (_, n) => 2 * Math.cos(n / 1000));
    const path1d = { points: xs.map((x) => [x]), values: xs.map((x) => x * x) };
    const one = animatedPath1d(toy("x^2"), [-2, 2], path1d);
    const bytes = JSON.stringify(one).length;
    assert.ok(bytes < 3e6, `${steps} steps: ${(bytes / 1e6).toFixed(1)} MB`);
    const sliders = (one.layout as { sliders: { steps: { label: string }[] }[] }).sliders[0].steps;
    assert.equal(sliders.length, MAX_FRAMES);
    assert.equal(sliders[sliders.length - 1].label, String(steps), "the last frame is the last step");
    const path2d = { points: xs.map((x, n) => [x, Math.sin(n / 1000)]), values: xs };
    assert.ok(
      JSON.stringify(animatedPath2d(toy("x^2 + y^2"), [-2, 2], [-2, 2], path2d)).length < 4e6,
      `${steps} steps in 2-D`,
    );
  }
  assert.deepEqual(sampleIndices(5, 100), [0, 1, 2, 3, 4]);
  const picked = sampleIndices(10001, MAX_POINTS);
  assert.equal(picked.length, MAX_POINTS);
  assert.deepEqual([picked[0], picked[picked.length - 1]], [0, 10000]);
});
