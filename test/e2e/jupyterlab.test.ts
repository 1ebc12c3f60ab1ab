import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ChildProcess } from "child_process";
import * as path from "path";
import { Browser } from "playwright-core";
import { launchChromium } from "./browser";
import { lessons, root, shutDownKernels, startJupyterApp, stopServer } from "./jupyterServer";
import { assertRanClean, playFirstAnimation, runAllCells } from "./labPage";

// JupyterLab in a real browser: on a copy of the notebooks (quick parameters injected after each parameters
// cell), open every lesson, Run All, and check that no cell failed, the charts drew and the math typeset; in
// lesson 03, play moves the animation's slider along (JupyterLab's own plotly renderer, not the site's).
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
  await stopServer(server);
});

for (const file of lessons) {
  test(
    `JupyterLab runs ${file}: no cell fails, the charts draw, the math typesets`,
    { timeout: 5 * 60 * 1000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
      // A fresh workspace per lesson, so JupyterLab does not reopen the previous lessons' tabs.
      await page.goto(`${url}/lab/workspaces/${file.slice(0, 2)}/tree/${file}?reset`);
      await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 60000 });
      const run = await runAllCells(page, url, path.join(shots, file.replace(".ipynb", ".png")));
      const played = file.startsWith("03-") ? await playFirstAnimation(page) : null;
      await page.close();
      // Shut the lesson's kernel down before the next lesson starts its own.
      await shutDownKernels(url);
      assertRanClean(run, file);
      if (played) {
        assert.equal(played.before, "step 0");
        assert.match(played.after, /^step [1-9]\d*$/, "play moved the slider on from step 0");
      }
    },
  );
}
