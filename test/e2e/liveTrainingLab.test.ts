import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ChildProcess } from "child_process";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";
import {
  freePort,
  settingsDir,
  shutDownKernels,
  startServer,
  waitForConnectedKernel,
  stopServer,
} from "./jupyterServer";
import { burst, epochs, interrupted, liveCourse, longTraining, root, runs } from "./liveNotebooks";

// Live training in JupyterLab: every run's chart holds one point per epoch (JupyterLab's plotly renderer once
// kept the first), five long runs and bursts of outputs complete with the kernel idle again, and Kernel >
// Interrupt ends the training cell with one sentence while the next cell goes on.
let server: ChildProcess;
let browser: Browser;
let url = "";

before(async () => {
  const dir = liveCourse({ "long.ipynb": longTraining, "interrupt.ipynb": interrupted });
  const port = await freePort();
  ({ url, server } = await startServer(
    path.join(root, ".venv", "bin", "jupyter"),
    [
      "lab",
      "--no-browser",
      "--allow-root",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--ServerApp.token=",
      "--ServerApp.password=",
      "--ServerApp.disable_check_xsrf=True",
      `--ServerApp.root_dir=${path.join(dir, "notebooks")}`,
      "--LabApp.news_url=None",
      `--LabApp.user_settings_dir=${settingsDir()}`,
      "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ],
    port,
  ));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(server);
});

async function open(file: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  await page.goto(`${url}/lab/workspaces/${file.replace(".ipynb", "")}/tree/${file}?reset`);
  await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 60000 });
  await waitForConnectedKernel(url);
  await page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell .jp-InputPrompt").first().click();
  return page;
}

async function menu(page: Page, top: string, item: string): Promise<void> {
  await page.locator(".lm-MenuBar-itemLabel", { hasText: new RegExp(`^${top}$`) }).click({ timeout: 10000 });
  await page.locator(".lm-Menu-itemLabel", { hasText: new RegExp(`^${item}$`) }).click({ timeout: 10000 });
}

/** Waits until every code cell has its execution number and no prompt shows [*]. */
async function allCellsRan(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")].every((p) => /\[\d+\]/.test(p.textContent ?? "")),
    null,
    { timeout, polling: 500 },
  );
}

const stderrOf = (page: Page) =>
  page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").allTextContents();

test(
  `JupyterLab: ${runs} live trainings of ${epochs} epochs complete, each chart holds one point per epoch, the kernel ends idle`,
  { timeout: 6 * 60 * 1000 },
  async () => {
    const page = await open("long.ipynb");
    await menu(page, "Run", "Run All Cells");
    await allCellsRan(page, 5 * 60 * 1000);
    // The finished charts are drawn by the plotly renderer; read the points it holds in the page.
    await page.waitForFunction((n) => document.querySelectorAll(".jp-RenderedPlotly .main-svg").length >= n, runs, {
      timeout: 30000,
    });
    const points = await page.evaluate(() =>
      [...document.querySelectorAll(".jp-CodeCell")].map((cell) =>
        [...cell.querySelectorAll(".jp-RenderedPlotly")].map((plot) =>
          ((plot as unknown as { data?: { x: number[] }[] }).data ?? []).map((t) => t.x.length),
        ),
      ),
    );
    for (let k = 1; k <= runs; k++)
      assert.deepEqual(
        points[k],
        [[epochs, epochs, epochs]],
        `run ${k}: cost, training and test accuracy at every epoch`,
      );
    const bars = await page.locator(".descent-progress").allTextContents();
    assert.equal(bars.filter((b) => b.includes(`(done,`) && b.includes(`epoch ${epochs}/${epochs}`)).length, runs);
    const text = await page
      .locator(".jp-CodeCell")
      .nth(runs + 3)
      .locator(".jp-OutputArea-output")
      .allTextContents();
    assert.deepEqual(JSON.parse(text.join("")), { epochsDone: Array(runs).fill(epochs) });
    const lines = (
      await page
        .locator(".jp-CodeCell")
        .nth(runs + 2)
        .locator(".jp-OutputArea-output")
        .allTextContents()
    )
      .join("")
      .trim()
      .split("\n");
    assert.equal(lines.length, burst, "every printed line of the burst arrived");
    assert.deepEqual(await stderrOf(page), []);
    await page.waitForFunction(
      () => document.querySelector(".jp-Notebook-ExecutionIndicator")?.getAttribute("data-status") === "idle",
      null,
      { timeout: 15000 },
    );
    await page.close();
    await shutDownKernels(url);
  },
);

test(
  "JupyterLab: Kernel > Interrupt during live training prints one sentence, no error, and the next cell goes on",
  { timeout: 3 * 60 * 1000 },
  async () => {
    const page = await open("interrupt.ipynb");
    await menu(page, "Run", "Run All Cells");
    await page.waitForFunction(
      () => /epoch [1-9]\d*\//.test(document.querySelector(".descent-progress")?.textContent ?? ""),
      null,
      { timeout: 60000, polling: 200 },
    );
    await menu(page, "Kernel", "Interrupt Kernel");
    await allCellsRan(page, 60000);
    const cells = page.locator(".jp-CodeCell");
    const training = (
      await cells
        .nth(1)
        .locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stdout']")
        .allTextContents()
    ).join("");
    assert.match(training, /^Interrupted: the network keeps epoch (\d+) of 1000000, its last finished one\.\n?$/);
    const kept = Number(/epoch (\d+)/.exec(training)![1]);
    const next = (await cells.nth(2).locator(".jp-OutputArea-output").allTextContents()).join("");
    assert.equal(next.trim(), `next cell: interrupted after ${kept} epochs`);
    assert.deepEqual(await stderrOf(page), []);
    await page.close();
    await shutDownKernels(url);
  },
);
