import { after, before, test } from "node:test";
import { ChildProcess } from "child_process";
import * as path from "path";
import { Browser } from "playwright-core";
import { launchChromium } from "./browser";
import { root, shutDownKernels, startJupyterApp, stopServer } from "./jupyterServer";
import { assertRanClean, runAllCells } from "./labPage";

// Notebook 7 (what `jupyter notebook` is now) in a real browser. It shares JupyterLab's renderers, which
// jupyterlab.test.ts runs on every lesson; here two lessons with the most kinds of output run and draw:
// 03 (animations, sliders, exercise checks) and 07 (live training curves, cost surfaces, digits).
const lessons = ["03-gradient-descent-1d.ipynb", "07-minibatch-sgd.ipynb"];
const shots = path.join(root, "test-output", "notebook7");
let server: ChildProcess;
let browser: Browser;
let url = "";

before(async () => {
  ({ url, server } = await startJupyterApp("notebook", lessons));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopServer(server);
});

for (const file of lessons) {
  test(
    `Notebook 7 runs ${file}: no cell fails, the charts draw, the math typesets`,
    { timeout: 5 * 60 * 1000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
      await page.goto(`${url}/notebooks/${file}`);
      await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 60000 });
      const run = await runAllCells(page, url, path.join(shots, file.replace(".ipynb", ".png")));
      await page.close();
      await shutDownKernels(url);
      assertRanClean(run, file);
    },
  );
}
