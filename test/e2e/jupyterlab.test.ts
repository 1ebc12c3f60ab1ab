import { after, before, test } from "node:test";
import { ChildProcess } from "child_process";
import * as path from "path";
import { Browser } from "playwright-core";
import { launchChromium } from "./browser";
import { copyCourse, freePort, lessons, root, settingsDir, shutDownKernels, startServer } from "./jupyterServer";
import { assertRanClean, runAllCells } from "./labPage";

// JupyterLab in a real browser: on a copy of the notebooks (quick parameters written into each parameters
// cell), open every lesson, Run All, and check that no cell failed, the charts drew and the math typeset.
const jupyter = path.join(root, ".venv", "bin", "jupyter");
const shots = path.join(root, "test-output", "jupyterlab");
let server: ChildProcess;
let browser: Browser;
let url = "";

before(async () => {
  const dir = copyCourse();
  const port = await freePort();
  ({ url, server } = await startServer(jupyter, ["lab", "--no-browser", "--allow-root", "--ip=127.0.0.1", `--port=${port}`, "--ServerApp.token=", "--ServerApp.password=",
    "--ServerApp.disable_check_xsrf=True", `--ServerApp.root_dir=${path.join(dir, "notebooks")}`, "--LabApp.news_url=None", `--LabApp.user_settings_dir=${settingsDir()}`, "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"], port));
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
    const run = await runAllCells(page, url, path.join(shots, file.replace(".ipynb", ".png")));
    await page.close();
    // Shut the lesson's kernel down before the next lesson starts its own.
    await shutDownKernels(url);
    assertRanClean(run, file);
  });
}
