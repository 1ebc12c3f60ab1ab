import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ChildProcess, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { hasMath, launchChromium } from "./browser";
import { copyCourse, freePort, root, shutDownKernels, startServer, stopServer } from "./jupyterServer";

// Notebook 6 (Debian's jupyter-notebook) in a real browser. It runs a chart's scripts only in a trusted
// notebook, so this proves that an executed lesson from `npm run lesson` (signed) shows its stored charts
// without a re-run, that a changed copy (no longer trusted) does not, and that a lesson runs and draws there.
const notebook6 = "/usr/bin/jupyter-notebook";
const shots = path.join(root, "test-output", "notebook6");
const executed = "03-gradient-descent-1d.ipynb";
let server: ChildProcess;
let browser: Browser;
let url = "";
let notebooksDir = "";

before(async () => {
  if (!fs.existsSync(notebook6))
    throw new Error(
      "Notebook 6 is missing: run `apt-get install jupyter-notebook python3-jupyter-client` (bash .ci/run does)",
    );
  const dir = copyCourse([executed]);
  notebooksDir = path.join(dir, "notebooks");
  // The lesson executed and signed by `npm run lesson`, and a copy with one more output, which is not signed.
  const run = spawnSync(process.execPath, [path.join(root, "scripts", "lesson.js"), "03", "--quiet"], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  const signed = path.join(root, "site", "runs", executed);
  fs.copyFileSync(signed, path.join(dir, "notebooks", "signed.ipynb"));
  const nb = JSON.parse(fs.readFileSync(signed, "utf8"));
  nb.cells
    .find((c: { cell_type: string; outputs?: unknown[] }) => c.cell_type === "code" && c.outputs?.length)
    .outputs.push({ output_type: "stream", name: "stdout", text: ["changed after signing\n"] });
  fs.writeFileSync(path.join(dir, "notebooks", "changed.ipynb"), JSON.stringify(nb));
  // The executed lesson loads plotly.js from beside it, where `npm run lesson` put it (not from inside itself).
  assert.ok(fs.statSync(signed).size < 1e6, "the executed lesson weighs under 1 MB");
  fs.copyFileSync(path.join(root, "site", "runs", "plotly.js"), path.join(dir, "notebooks", "plotly.js"));
  const port = await freePort();
  ({ url, server } = await startServer(
    notebook6,
    [
      "--no-browser",
      "--allow-root",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--NotebookApp.token=",
      "--NotebookApp.password=",
      "--NotebookApp.disable_check_xsrf=True",
      `--NotebookApp.notebook_dir=${path.join(dir, "notebooks")}`,
    ],
    port,
  ));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(server);
});

/** Opens a notebook; with `storedCharts`, waits until its stored charts' scripts have drawn (slow on a cold machine). */
async function open(file: string, storedCharts = false): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  await page.goto(`${url}/notebooks/${file}`);
  await page.waitForFunction(
    () =>
      (window as unknown as { Jupyter?: { notebook?: { _fully_loaded?: boolean } } }).Jupyter?.notebook?._fully_loaded,
    null,
    { timeout: 60000 },
  );
  if (storedCharts) {
    await page
      .waitForFunction(
        () => {
          const charts = [...document.querySelectorAll(".js-plotly-plot")];
          return charts.length > 0 && charts.every((c) => c.querySelector(".main-svg"));
        },
        null,
        { timeout: 30000, polling: 500 },
      )
      .catch(() => undefined); // the assertions then say how many drew
  }
  // A moment for any script that would run: an untrusted notebook must still show no chart after it.
  await page.waitForTimeout(2000);
  return page;
}

const count = (page: Page, selector: string) => page.locator(selector).count();

test(
  "a signed executed lesson shows its stored charts in Notebook 6 without a re-run; a changed copy does not",
  { timeout: 3 * 60 * 1000 },
  async () => {
    const signed = await open("signed.ipynb", true);
    const charts = await count(signed, ".js-plotly-plot");
    const drawn = await count(signed, ".js-plotly-plot .main-svg");
    const trusted = await signed.locator("#notification_trusted").textContent();
    await signed.screenshot({ path: (fs.mkdirSync(shots, { recursive: true }), path.join(shots, "signed.png")) });
    await signed.close();
    const changed = await open("changed.ipynb");
    const changedDrawn = await count(changed, ".js-plotly-plot .main-svg");
    const changedTrust = await changed.locator("#notification_trusted").textContent();
    await changed.close();
    await shutDownKernels(url);
    assert.match(trusted ?? "", /^Trusted$/);
    assert.ok(charts > 0 && drawn >= charts, `${drawn} of ${charts} stored charts drew`);
    assert.match(changedTrust ?? "", /Not Trusted/);
    assert.equal(changedDrawn, 0, "an untrusted notebook runs no chart script");
  },
);

test(
  `Notebook 6 runs ${executed}: no cell fails, the charts draw, the math typesets`,
  { timeout: 4 * 60 * 1000 },
  async () => {
    // The lesson's setup cell must put plotly.js beside the notebook itself.
    fs.rmSync(path.join(notebooksDir, "plotly.js"));
    const page = await open(executed);
    await page.waitForFunction(
      () => document.querySelector("#kernel_indicator_icon")?.classList.contains("kernel_idle_icon"),
      null,
      { timeout: 60000 },
    );
    await page.locator("#celllink").click();
    await page.locator("#run_all_cells").click();
    await page.waitForFunction(
      () => {
        const prompts = [...document.querySelectorAll(".code_cell .input_prompt")].map((p) => p.textContent ?? "");
        const idle = document.querySelector("#kernel_indicator_icon")?.classList.contains("kernel_idle_icon");
        return idle && prompts.length > 0 && prompts.every((p) => /\[\d+\]/.test(p));
      },
      null,
      { timeout: 3 * 60 * 1000, polling: 500 },
    );
    await page
      .waitForFunction(
        () => [...document.querySelectorAll(".js-plotly-plot")].every((c) => c.querySelector(".main-svg")),
        null,
        { timeout: 30000, polling: 500 },
      )
      .catch(() => undefined);
    const errors = await page.locator(".output_stderr").allTextContents();
    const charts = await count(page, ".js-plotly-plot");
    const drawn = await count(page, ".js-plotly-plot .main-svg");
    const math = await count(
      page,
      ".text_cell_render .MathJax, .text_cell_render .MathJax_Display, .text_cell_render mjx-container",
    );
    await page.screenshot({ path: path.join(shots, executed.replace(".ipynb", ".png")) });
    await page.close();
    await shutDownKernels(url);
    assert.deepEqual(errors, [], "no cell wrote an error");
    assert.ok(charts > 0, "the lesson drew charts");
    assert.ok(drawn >= charts, `${drawn} of ${charts} charts drew`);
    if (hasMath(executed)) assert.ok(math > 0, "the math is typeset");
  },
);
