import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { launchChromium, serve } from "./browser";
import { lessons, root, startJupyterApp, stopServer } from "./jupyterServer";

// Each lesson's first cell links the previous lesson, the course's start (00) and the next one. Here a browser
// follows those links: in JupyterLab (the click in the rendered markdown opens the neighbour in a tab of its own)
// and on the site (the rewritten link lands on the neighbour's page). No cell is run: only links are clicked.
const site = path.join(root, "site");
const pages = fs.existsSync(site)
  ? fs
      .readdirSync(site)
      .filter((f) => /^\d\d-.*\.html$/.test(f))
      .sort()
  : [];
const number = (file: string) => file.slice(0, 2);
let browser: Browser;

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** The lesson the JupyterLab window shows: its current tab's file, and the first heading of its visible notebook. */
async function shownInLab(page: Page): Promise<{ tab: string; heading: string }> {
  const tab =
    (await page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-current .lm-TabBar-tabLabel").textContent()) ?? "";
  const heading =
    (await page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown h1").first().textContent()) ?? "";
  return { tab, heading };
}

/** Clicks the link of the lesson's "Lessons:" line whose text matches `which`, in the notebook on show. */
async function clickLessonLink(page: Page, which: RegExp): Promise<void> {
  const line = page
    .locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown p", { hasText: /^Lessons:/ })
    .first();
  await line.locator("a", { hasText: which }).click();
}

async function waitForLesson(page: Page, file: string): Promise<void> {
  await page
    .waitForFunction(
      (file) =>
        document.querySelector(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-current .lm-TabBar-tabLabel")
          ?.textContent === file,
      file,
      { timeout: 30000 },
    )
    .catch(() => undefined); // the assertion says which lesson is shown instead
  await page
    .waitForFunction(
      (n) =>
        document
          .querySelector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown h1")
          ?.textContent?.startsWith(`${n} ·`),
      number(file),
      { timeout: 30000 },
    )
    .catch(() => undefined);
}

/** Closes the current tab, discarding what JupyterLab holds unsaved (the kernel's metadata), and waits for `next` to show. */
async function closeCurrentTab(page: Page, next: string): Promise<void> {
  await page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-current .lm-TabBar-tabCloseIcon").click();
  await page.waitForFunction(
    (next) =>
      document.querySelector(".jp-Dialog") !== null ||
      document.querySelector(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-current .lm-TabBar-tabLabel")?.textContent ===
        next,
    next,
    { timeout: 30000 },
  );
  const discard = page.locator(".jp-Dialog button", { hasText: /^Discard$/ });
  if (await discard.count()) await discard.click();
  await waitForLesson(page, next);
}

test(
  "JupyterLab: each lesson's next and previous links open the right lesson, and the start link opens 00",
  { timeout: 10 * 60 * 1000 },
  async () => {
    let server: ChildProcess | undefined;
    try {
      const app = await startJupyterApp("lab");
      server = app.server;
      const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
      await page.goto(`${app.url}/lab/workspaces/navigation/tree/${lessons[0]}?reset`);
      await waitForLesson(page, lessons[0]);
      assert.deepEqual((await shownInLab(page)).tab, lessons[0]);
      // Walk forward with "next"; from each new lesson step back with "previous" (its tab is still open) and
      // close it, so that at most two lessons (and their kernels) are open at once.
      for (let i = 0; i + 1 < lessons.length; i++) {
        await clickLessonLink(page, /→$/);
        await waitForLesson(page, lessons[i + 1]);
        const next = await shownInLab(page);
        assert.equal(next.tab, lessons[i + 1], `${lessons[i]}'s next link`);
        assert.match(next.heading, new RegExp(`^${number(lessons[i + 1])} · `));
        await clickLessonLink(page, /^←/);
        await waitForLesson(page, lessons[i]);
        const previous = await shownInLab(page);
        assert.equal(previous.tab, lessons[i], `${lessons[i + 1]}'s previous link`);
        assert.match(previous.heading, new RegExp(`^${number(lessons[i])} · `));
        await closeCurrentTab(page, lessons[i + 1]);
      }
      await clickLessonLink(page, /course's start/);
      await waitForLesson(page, lessons[0]);
      assert.equal(
        (await shownInLab(page)).tab,
        lessons[0],
        `${lessons[lessons.length - 1]}'s link to the course's start`,
      );
      await page.close();
    } finally {
      await stopServer(server);
    }
  },
);

test(
  "the site: each page's next and previous links land on the right page, and the start link on 00",
  { timeout: 5 * 60 * 1000 },
  async () => {
    assert.ok(pages.length > 1, "site/ has no lesson pages; the notebook test builds them");
    const server = await serve(site);
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      // Only the links matter here: leave plotly.js and KaTeX (site/assets/) unloaded, so each page opens at once.
      await page.route("**/assets/**", (route) => route.abort());
      const follow = async (from: string, which: RegExp, to: string) => {
        await page.goto(`${server.url}/${from}`, { waitUntil: "domcontentloaded" });
        const line = page.locator("p", { hasText: /^Lessons:/ }).first();
        await Promise.all([
          page.waitForURL(`${server.url}/${to}`, { timeout: 10000 }).catch(() => undefined),
          line.locator("a", { hasText: which }).click(),
        ]);
        assert.equal(page.url(), `${server.url}/${to}`, `${from}: the link ${which} lands on ${to}`);
        assert.match(
          (await page.locator("h1").first().textContent()) ?? "",
          new RegExp(`^${number(to)} · `),
          `${to} shows its lesson`,
        );
      };
      for (let i = 0; i + 1 < pages.length; i++) {
        await follow(pages[i], /→$/, pages[i + 1]);
        await follow(pages[i + 1], /^←/, pages[i]);
        if (i + 1 > 1) await follow(pages[i + 1], /course's start/, pages[0]);
      }
      await page.close();
    } finally {
      await server.close();
    }
  },
);
