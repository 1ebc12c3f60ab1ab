import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";

// VS Code cannot be installed here, so this draws the charts its way: its notebook renderer takes a bundle's
// application/vnd.plotly.v1+json and calls Plotly.newPlot(element, figure.data, figure.layout), nothing more
// (@nteract/transform-plotly). Every figure the executed course shows (site/*.ipynb, from the notebook test)
// must draw like that, and the animations must still play and the sliders still move.
const root = path.join(__dirname, "..", "..", "..");
const site = path.join(root, "site");
const executed = fs.existsSync(site)
  ? fs
      .readdirSync(site)
      .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
      .sort()
  : [];
const PLOTLY = "application/vnd.plotly.v1+json";
type Figure = {
  data: { x?: unknown[] }[];
  layout: { updatemenus?: { buttons: { label: string }[] }[]; sliders?: unknown[] };
};
let browser: Browser;
let blank = "";

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-vscode-"));
  fs.copyFileSync(require.resolve("plotly.js-dist/plotly.js"), path.join(dir, "plotly.js"));
  blank = path.join(dir, "page.html");
  fs.writeFileSync(
    blank,
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="plotly.js"></script></head><body></body></html>`,
  );
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

function figures(file: string): Figure[] {
  const nb = JSON.parse(fs.readFileSync(path.join(site, file), "utf8"));
  return nb.cells.flatMap((c: { outputs?: { data?: Record<string, unknown> }[] }) =>
    (c.outputs ?? []).map((o) => o.data?.[PLOTLY]).filter(Boolean),
  );
}

/** Draws figure `i` as VS Code does, in a div of its own; resolves with that div's id. */
async function draw(page: Page, figure: Figure, i: number): Promise<string> {
  const id = `chart-${i}`;
  await page.evaluate(
    async ({ id, figure }) => {
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
  return id;
}

const pathLength = (page: Page, id: string) =>
  page.evaluate(
    (id) => ((document.getElementById(id) as unknown as { data: { x: unknown[] }[] }).data[1]?.x ?? []).length,
    id,
  );

test("the executed course is there to read (the notebook test writes it)", () => {
  assert.ok(executed.length > 0, "site/ holds no executed lessons; run the notebook test first");
  assert.ok(
    executed.some((file) => figures(file).some((f) => f.layout.updatemenus)),
    "some figure is animated",
  );
});

for (const file of executed) {
  test(
    `${file}: every chart draws from its ${PLOTLY} alone; animations play and sliders move`,
    { timeout: 120000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      await page.goto(`file://${blank}`);
      const all = figures(file);
      for (const [i, figure] of all.entries()) {
        const id = await draw(page, figure, i);
        assert.equal((await page.locator(`#${id} .main-svg`).count()) > 0, true, `chart ${i} drew`);
        const animated = figure.layout.updatemenus?.[0]?.buttons?.[0]?.label.includes("play");
        if (animated) {
          assert.equal(await pathLength(page, id), 1, "the path starts at one point");
          await page.locator(`#${id} .updatemenu-button`).first().click();
          const all = (figure.layout.sliders?.[0] as { steps: unknown[] }).steps.length;
          await page.waitForFunction(
            ({ id, all }) =>
              (document.getElementById(id) as unknown as { data: { x: unknown[] }[] }).data[1].x.length === all,
            { id, all },
            { timeout: 30000 },
          );
          // The slider followed the frames: its current value (the group's own text) reads the last step, not "step 0".
          const current = `#${id} .slider-group > text.slider-label`;
          await page
            .waitForFunction(
              ({ current, all }) => document.querySelector(current)?.textContent === `step ${all - 1}`,
              { current, all },
              { timeout: 5000 },
            )
            .catch(() => undefined); // the assertion below says what it reads
          assert.equal(
            await page.locator(current).textContent(),
            `step ${all - 1}`,
            `chart ${i}: the slider followed the animation`,
          );
        }
        if (figure.layout.sliders) {
          // Click the slider halfway (an animation, played to its end, goes back to its middle step), or at its
          // end (a slider over runs moves from its first run to its last): either way the chart changes.
          const steps = (figure.layout.sliders[0] as { steps: unknown[] }).steps.length;
          const before = await page.evaluate(
            (id) => JSON.stringify((document.getElementById(id) as unknown as { data: unknown }).data),
            id,
          );
          await page.locator(`#${id} .slider-rail-rect`).scrollIntoViewIfNeeded();
          const rail = await page.locator(`#${id} .slider-rail-rect`).boundingBox();
          assert.ok(rail, `chart ${i} has a slider`);
          await page.mouse.click(rail.x + (animated ? rail.width / 2 : rail.width - 2), rail.y + rail.height / 2);
          await page
            .waitForFunction(
              ({ id, before }) =>
                JSON.stringify((document.getElementById(id) as unknown as { data: unknown }).data) !== before,
              { id, before },
              { timeout: 10000 },
            )
            .catch(() => undefined); // the assertion below says it did not change
          const after = await page.evaluate(
            (id) => JSON.stringify((document.getElementById(id) as unknown as { data: unknown }).data),
            id,
          );
          assert.notEqual(after, before, `chart ${i}: the slider changed the chart`);
          if (animated) {
            const shown = await pathLength(page, id);
            assert.ok(
              shown > 1 && shown < steps,
              `chart ${i}: halfway shows part of the path (${shown} of ${steps} points)`,
            );
          }
        }
      }
      await page.close();
      assert.deepEqual(problems, []);
    },
  );
}
