import { after, before, test } from "node:test";
import { ChildProcess } from "child_process";
import * as path from "path";
import { Browser } from "playwright-core";
import { launchChromium } from "./browser";
import { lessons, root, shutDownKernels, startJupyterApp } from "./jupyterServer";
import { assertRanClean, runAllCells } from "./labPage";

// JupyterLab in a real browser: on a copy of the notebooks (quick parameters injected after each parameters
// cell), open every lesson, Run All, and check that no cell failed, the charts drew and the math typeset.
const shots = path.join(root, "test-output", "jupyterlab");
let server: ChildProcess;
let browser: Browser;
let url = "";

before(async () => {
  ({ url, server } = await startJupyterApp("lab"));
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
