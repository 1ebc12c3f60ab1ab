import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { Browser } from "playwright-core";
import { hasMath, launchChromium, serve } from "./browser";

// The rendered course (site/, built by the notebook test) in a real headless Chromium, from disk and over
// http: no console errors, nothing fetched from outside, every plotly chart drawn, the math typeset.
const site = path.join(__dirname, "..", "..", "..", "site");
const pages = fs.existsSync(site)
  ? fs
      .readdirSync(site)
      .filter((f) => /^\d\d-.*\.html$/.test(f))
      .sort()
  : [];
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

before(async () => {
  browser = await launchChromium();
  server = await serve(site);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the site has a page per lesson and an index linking them", () => {
  assert.ok(pages.length > 0, "site/ has no lesson pages; the notebook test builds them");
  const index = fs.readFileSync(path.join(site, "index.html"), "utf8");
  for (const page of pages) assert.ok(index.includes(`href="${page}"`), `index links ${page}`);
});

test("each page links its neighbours and the course's start as pages of the site", () => {
  pages.forEach((page, i) => {
    const html = fs.readFileSync(path.join(site, page), "utf8");
    assert.doesNotMatch(html, /href="\d\d-[\w-]+\.ipynb/, `${page} links a notebook, not a page`);
    for (const neighbour of [pages[i - 1], pages[0], pages[i + 1]].filter((p) => p && p !== page)) {
      assert.ok(html.includes(`href="${neighbour}"`), `${page} links ${neighbour}`);
    }
  });
});

async function checkPage(url: string, shots: string, math: boolean) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["file:", "data:", "blob:"].includes(u.protocol) && u.hostname !== "127.0.0.1")
      problems.push(`fetched from outside: ${r.url()}`);
  });
  page.on("requestfailed", (r) => problems.push(`failed to load ${r.url()}`));
  await page.goto(url, { waitUntil: "load" });
  const charts = await page.locator(".descent-chart").count();
  await page
    .waitForFunction(
      () => [...document.querySelectorAll(".descent-chart")].every((c) => c.querySelector("svg.main-svg")),
      null,
      { timeout: 30000 },
    )
    .catch(() => problems.push("a chart did not draw"));
  if (math) {
    await page
      .waitForFunction(() => document.querySelectorAll(".katex").length > 0, null, { timeout: 10000 })
      .catch(() => problems.push("no math was typeset"));
  }
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({
    path: path.join(shots, path.basename(new URL(url).pathname).replace(".html", ".png")),
    fullPage: false,
  });
  await page.close();
  return { charts, problems };
}

for (const file of pages) {
  test(`${file} draws its charts and typesets its math, from file:// and over http`, async () => {
    for (const url of [pathToFileURL(path.join(site, file)).href, `${server.url}/${file}`]) {
      const { charts, problems } = await checkPage(
        url,
        path.join(site, "..", "test-output", "site"),
        hasMath(file.replace(".html", ".ipynb")),
      );
      assert.deepEqual(problems, [], url);
      assert.ok(charts > 0, `${url} has no charts`);
    }
  });
}
