import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { Browser } from "playwright-core";
import { hasMath, launchChromium } from "./browser";

// JupyterLab in a real browser: on a copy of the notebooks (quick parameters written into each parameters
// cell), open every lesson, Run All, and check that no cell failed, the charts drew and the math typeset.
const root = path.join(__dirname, "..", "..", "..");
const lessons = fs.readdirSync(path.join(root, "notebooks")).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
const jupyter = path.join(root, ".venv", "bin", "jupyter");
const shots = path.join(root, "test-output", "jupyterlab");
let server: ChildProcess;
let browser: Browser;
let url = "";

/** A copy of the course in a temporary folder: notebooks with quick parameters, the real dist/ and node_modules/. */
function copyCourse(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-lab-"));
  fs.mkdirSync(path.join(dir, "notebooks"));
  fs.mkdirSync(path.join(dir, "data"));
  for (const link of ["dist", "node_modules", "src"]) fs.symlinkSync(path.join(root, link), path.join(dir, link));
  for (const file of lessons) {
    const nb = JSON.parse(fs.readFileSync(path.join(root, "notebooks", file), "utf8"));
    const cell = nb.cells.find((c: { metadata: { tags?: string[] } }) => (c.metadata.tags ?? []).includes("parameters"));
    const quick = cell.metadata.descent?.quick ?? {};
    const source: string = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    // `const epochs = 30; // ...` becomes `const epochs = 1; // ...` for each quick value.
    cell.source = source.replace(/^(\s*(?:const|let)\s+)(\w+)(\s*(?::[^=]+)?=\s*)(.+?);/gm, (line: string, head: string, name: string, eq: string) =>
      name in quick ? `${head}${name}${eq}${JSON.stringify(quick[name])};` : line);
    fs.writeFileSync(path.join(dir, "notebooks", file), JSON.stringify(nb));
  }
  return dir;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** JupyterLab settings for the test: render every cell (no windowing), so every chart is in the page. */
function settingsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-lab-settings-"));
  const notebook = path.join(dir, "@jupyterlab", "notebook-extension");
  fs.mkdirSync(notebook, { recursive: true });
  fs.writeFileSync(path.join(notebook, "tracker.jupyterlab-settings"), JSON.stringify({ windowingMode: "none" }));
  return dir;
}

before(async () => {
  const dir = copyCourse();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(jupyter, ["lab", "--no-browser", "--allow-root", "--ip=127.0.0.1", `--port=${port}`, "--ServerApp.token=", "--ServerApp.password=",
    "--ServerApp.disable_check_xsrf=True", `--ServerApp.root_dir=${path.join(dir, "notebooks")}`, "--LabApp.news_url=None", `--LabApp.user_settings_dir=${settingsDir()}`, "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
  { env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter") }, stdio: "ignore" });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${url}/api`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

for (const file of lessons) {
  test(`JupyterLab runs ${file}: no cell fails, the charts draw, the math typesets`, { timeout: 5 * 60 * 1000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    // A fresh workspace per lesson, so JupyterLab does not reopen the previous lessons' tabs.
    await page.goto(`${url}/lab/workspaces/${file.slice(0, 2)}/tree/${file}?reset`);
    await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 60000 });
    await page.waitForSelector(".jp-Notebook-ExecutionIndicator[data-status='idle']", { timeout: 60000 });
    await page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first().click();
    // The menu bar's Run > Run All Cells (not the same words in a lesson's own text).
    await page.locator(".lm-MenuBar-itemLabel", { hasText: /^Run$/ }).click({ timeout: 10000 });
    await page.locator(".lm-Menu-itemLabel", { hasText: /^Run All Cells$/ }).click({ timeout: 10000 });
    // Running: prompts show [*] until each cell is done; then the kernel is idle with nothing queued.
    await page.waitForFunction(() => {
      const busy = [...document.querySelectorAll(".jp-InputPrompt")].some((p) => p.textContent?.includes("*"));
      const idle = document.querySelector(".jp-Notebook-ExecutionIndicator")?.getAttribute("data-status") === "idle";
      return !busy && idle;
    }, null, { timeout: 4 * 60 * 1000, polling: 500 });
    await page.waitForTimeout(1500);
    const errors = await page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").allTextContents();
    const charts = await page.locator(".js-plotly-plot").count();
    const drawn = await page.locator(".js-plotly-plot .main-svg").count();
    const math = await page.locator(".jp-MarkdownOutput mjx-container, .jp-MarkdownOutput .MathJax").count();
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, file.replace(".ipynb", ".png")) });
    await page.close();
    // Shut the lesson's kernel down before the next lesson starts its own.
    const kernels = await (await fetch(`${url}/api/kernels`)).json() as { id: string }[];
    for (const k of kernels) await fetch(`${url}/api/kernels/${k.id}`, { method: "DELETE" });
    assert.deepEqual(errors, [], "no cell wrote an error");
    assert.ok(charts > 0, "the lesson drew charts");
    assert.ok(drawn >= charts, `${drawn} of ${charts} charts drew`);
    if (hasMath(file)) assert.ok(math > 0, "the math is typeset");
  });
}
