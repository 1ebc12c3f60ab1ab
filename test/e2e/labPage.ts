import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { Page } from "playwright-core";
import { hasMath } from "./browser";
import { waitForConnectedKernel } from "./jupyterServer";

/** What a lesson showed after Run All in JupyterLab or Notebook 7 (they share the notebook widgets). */
export interface LabRun {
  errors: string[]; // text of every stderr output: tslab writes a failing cell's error there
  plotlyOutputs: number; // outputs drawn by the plotly renderer (from application/vnd.plotly.v1+json)
  charts: number; // plotly charts in the page
  drawn: number; // of those, the ones with their SVG
  math: number; // typeset formulas in the markdown cells
}

/**
 * With the lesson open in `page`: waits for its kernel, runs Run > Run All Cells from the menu bar, waits until
 * every code cell has its execution number and the kernel is idle, then until every plotly output has drawn
 * (the renderer loads on first use, slowly on a cold machine), takes a screenshot and reports what it sees.
 */
export async function runAllCells(page: Page, url: string, screenshot: string): Promise<LabRun> {
  await page.waitForFunction(
    () => document.querySelector(".jp-Notebook-ExecutionIndicator")?.getAttribute("data-status") === "idle",
    null,
    { timeout: 60000 },
  );
  await waitForConnectedKernel(url);
  // Focus the notebook on its first cell's prompt: a click in the middle could land on a link to another lesson.
  await page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell .jp-InputPrompt").first().click();
  // The menu bar's Run > Run All Cells (not the same words in a lesson's own text).
  await page.locator(".lm-MenuBar-itemLabel", { hasText: /^Run$/ }).click({ timeout: 10000 });
  await page.locator(".lm-Menu-itemLabel", { hasText: /^Run All Cells$/ }).click({ timeout: 10000 });
  // Running: prompts show [*] until each cell is done; then every code cell has its number and the kernel is idle.
  // A collapsed cell (the Solutions, `source_hidden`) shows a placeholder and no number: it ran once it has output.
  await page.waitForFunction(
    () => {
      const busy = [...document.querySelectorAll(".jp-InputPrompt")].some((p) => p.textContent?.includes("*"));
      const idle = document.querySelector(".jp-Notebook-ExecutionIndicator")?.getAttribute("data-status") === "idle";
      const ran = [...document.querySelectorAll(".jp-CodeCell")].every((cell) =>
        cell.querySelector(".jp-InputPlaceholder")
          ? !cell.classList.contains("jp-mod-noOutputs")
          : /\[\d+\]/.test(cell.querySelector(".jp-InputPrompt")?.textContent ?? ""),
      );
      return !busy && idle && ran;
    },
    null,
    { timeout: 4 * 60 * 1000, polling: 500 },
  );
  // The plotly renderer's widget is the output itself (.jp-RenderedPlotly.js-plotly-plot); its SVG goes inside.
  const plotly = ".jp-OutputArea-output.jp-RenderedPlotly";
  await page
    .waitForFunction(
      (selector) => [...document.querySelectorAll(selector)].every((o) => o.querySelector(".main-svg")),
      plotly,
      { timeout: 30000, polling: 500 },
    )
    .catch(() => undefined); // the assertions then say how many drew
  const run: LabRun = {
    errors: await page
      .locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
      .allTextContents(),
    plotlyOutputs: await page.locator(plotly).count(),
    charts: await page.locator(".js-plotly-plot").count(),
    drawn: await page.locator(".js-plotly-plot .main-svg").count(),
    math: await page.locator(".jp-MarkdownOutput mjx-container, .jp-MarkdownOutput .MathJax").count(),
  };
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  return run;
}

/** A lesson ran clean: no cell failed, it showed charts and every one drew, and its math (if any) is typeset. */
export function assertRanClean(run: LabRun, file: string): void {
  assert.deepEqual(run.errors, [], "no cell wrote an error");
  assert.ok(run.plotlyOutputs > 0, "the lesson showed charts");
  assert.ok(
    run.charts >= run.plotlyOutputs && run.drawn >= run.charts,
    `${run.drawn} of ${run.charts} charts drew, for ${run.plotlyOutputs} plotly outputs`,
  );
  if (hasMath(file)) assert.ok(run.math > 0, "the math is typeset");
}

/**
 * Clicks ▶ play on the first animated chart of the lesson on show; resolves with what its slider's current value
 * read before and once it changed (or what it still reads after 30 s).
 */
export async function playFirstAnimation(page: Page): Promise<{ before: string; after: string }> {
  const chart = page
    .locator(".js-plotly-plot", { has: page.locator(".updatemenu-button", { hasText: "play" }) })
    .first();
  const current = ".slider-group > text.slider-label"; // the slider's current value (its tick labels are in groups of their own)
  await chart.scrollIntoViewIfNeeded();
  const before = (await chart.locator(current).textContent()) ?? "";
  await chart.locator(".updatemenu-button", { hasText: "play" }).click();
  const element = await chart.elementHandle();
  await page
    .waitForFunction(
      ({ element, current, before }) => element?.querySelector(current)?.textContent !== before,
      { element, current, before },
      { timeout: 30000 },
    )
    .catch(() => undefined); // the caller's assertion says what it reads
  return { before, after: (await chart.locator(current).textContent()) ?? "" };
}
