import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { Browser, chromium } from "playwright-core";

/** Debian's Chromium, headless, with the flags this sandbox needs (no background networking). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    // Debian's Chromium, or the one Playwright downloaded where apt could not be used (scripts/testSetup.js).
    executablePath:
      process.env.CHROMIUM ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : chromium.executablePath()),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const types: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

/** A static file server for `dir` on 127.0.0.1 at a free port. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Whether a lesson's markdown holds LaTeX ($...$), so its page must show typeset math. */
export function hasMath(notebookFile: string): boolean {
  const nb = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "notebooks", notebookFile), "utf8"));
  return nb.cells.some(
    (c: { cell_type: string; source: string | string[] }) =>
      c.cell_type === "markdown" && /\$[^$]+\$/.test(Array.isArray(c.source) ? c.source.join("") : c.source),
  );
}
