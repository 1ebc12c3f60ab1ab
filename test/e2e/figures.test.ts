import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { confusionPlot } from "../../src/plot/confusion";
import { animatedPath1d, surfacePlot } from "../../src/plot/descent";
import { gradientDescent } from "../../src/toy/descent";
import { toyFunction } from "../../src/toy/expression";

// The library's figures drawn in Chromium by Plotly.newPlot (as the site, JupyterLab and VS Code do), checked
// for what screenshots showed wrong: overlapping titles, a slider left behind by play, a 3-D chart cut off.
// No kernel: the figures come straight from src/, so this takes seconds.
let browser: Browser;
let page: Page;
type Box = { x: number; y: number; width: number; height: number };

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-figures-"));
  fs.copyFileSync(require.resolve("plotly.js-dist/plotly.js"), path.join(dir, "plotly.js"));
  fs.writeFileSync(
    path.join(dir, "page.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="plotly.js"></script></head><body style="margin:0"></body></html>`,
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(`file://${path.join(dir, "page.html")}`);
});
after(async () => {
  await browser?.close();
});

/** Draws `figure` into a fresh div `id` that replaces whatever was drawn before. */
async function draw(id: string, figure: { data: unknown; layout?: unknown }): Promise<void> {
  await page.evaluate(
    async ({ id, figure }) => {
      document.body.replaceChildren();
      const el = document.createElement("div");
      el.id = id;
      document.body.appendChild(el);
      await (
        window as unknown as {
          Plotly: { newPlot: (el: HTMLElement, data: unknown, layout: unknown) => Promise<unknown> };
        }
      ).Plotly.newPlot(el, figure.data, figure.layout);
    },
    { id, figure },
  );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("the confusion matrix's title, its 'predicted' axis title and the answers' tick labels do not overlap", async () => {
  const confusion = Array.from({ length: 10 }, (_, i) =>
    Array.from({ length: 10 }, (_, j) => (i === j ? 180 : (i + j) % 7)),
  );
  await draw("confusion", confusionPlot(confusion, "test digits: 90.85% right"));
  const title = await page.locator("#confusion .gtitle").boundingBox();
  const predicted = await page.locator("#confusion .xtitle").boundingBox();
  const ticks = await page.locator("#confusion .xaxislayer-above").boundingBox();
  assert.ok(title && predicted && ticks, "the title, the axis title and the ticks are drawn");
  assert.equal(
    overlap(title, predicted),
    false,
    `title ${JSON.stringify(title)} against 'predicted' ${JSON.stringify(predicted)}`,
  );
  assert.equal(
    overlap(predicted, ticks),
    false,
    `'predicted' ${JSON.stringify(predicted)} against the ticks ${JSON.stringify(ticks)}`,
  );
  assert.ok(title.y >= 0, "the title is inside the chart");
});

test("play moves the slider with the frames: it leaves 'step 0' and ends at the last step", async () => {
  const f = toyFunction("x^4 - 3x^2 + x");
  const path = gradientDescent(f, { start: [2], eta: 0.05, steps: 12 });
  await draw("animated", animatedPath1d(f, [-2, 2], path));
  // The slider's current value is the group's own text (its tick labels sit in groups of their own).
  const current = page.locator("#animated .slider-group > text.slider-label");
  assert.equal(await current.textContent(), "step 0");
  await page.locator("#animated .updatemenu-button", { hasText: "play" }).click();
  await page.waitForFunction(
    () => document.querySelector("#animated .slider-group > text.slider-label")?.textContent !== "step 0",
    null,
    { timeout: 10000 },
  );
  await page
    .waitForFunction(
      () => document.querySelector("#animated .slider-group > text.slider-label")?.textContent === "step 12",
      null,
      { timeout: 20000 },
    )
    .catch(() => undefined); // the assertion says where it stopped
  assert.equal(await current.textContent(), "step 12");
});

test("the 3-D bowl fits its chart: nothing is drawn on the chart's edges, so no tick label is cut off", async () => {
  const bowl = toyFunction("3/2 x^2 + 1/2 y^2");
  await draw("bowl", surfacePlot(bowl, [-2, 2], [-2, 2]));
  await page.waitForTimeout(500); // WebGL draws on the next animation frames
  const box = await page.locator("#bowl").boundingBox();
  assert.ok(box, "the chart is drawn");
  // The chart's own pixels, without the mode bar (top right, shown on hover).
  const png = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
  const edges = await page.evaluate(
    async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = Object.assign(document.createElement("canvas"), { width: image.width, height: image.height });
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
      const inked = (x: number, y: number) => {
        const i = 4 * (y * width + x);
        return data[i] + data[i + 1] + data[i + 2] < 3 * 235;
      };
      const count = (points: [number, number][]) => points.filter(([x, y]) => inked(x, y)).length;
      const row = (y: number) => Array.from({ length: width }, (_, x) => [x, y] as [number, number]);
      const column = (x: number) => Array.from({ length: height }, (_, y) => [x, y] as [number, number]);
      const inkedPixels = count(Array.from({ length: height }, (_, y) => row(y)).flat());
      return { inkedPixels, bottom: count(row(height - 1)), left: count(column(0)), right: count(column(width - 1)) };
    },
    `data:image/png;base64,${png.toString("base64")}`,
  );
  assert.ok(edges.inkedPixels > 10000, `the surface drew (${edges.inkedPixels} dark pixels)`);
  assert.deepEqual({ bottom: edges.bottom, left: edges.left, right: edges.right }, { bottom: 0, left: 0, right: 0 });
});
