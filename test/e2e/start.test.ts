import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hasMath, launchChromium } from "./browser";

// npm start on three kinds of machine: with Jupyter (it opens JupyterLab with the project's kernel), with Python
// but no Jupyter (it installs Jupyter into .venv, or says how), and with no Python at all (it renders the course
// into site/ with Node alone). The last two run on a copy of the project whose PATH holds only node, npm and sh.
const root = path.join(__dirname, "..", "..", "..");
const { withQuickParameters } = require(path.join(root, "scripts", "notebook", "lessons.js"));
const copyLessons = ["00-start-here.ipynb", "03-gradient-descent-1d.ipynb", "04-gradient-descent-2d.ipynb"];
const temporary: string[] = [];

/** A copy of the project with three lessons (quick values), no .venv, and the real node_modules. */
function copyProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-start-"));
  temporary.push(dir);
  for (const item of ["package.json", "tsconfig.json", "src", "asm", "scripts"]) fs.cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  fs.mkdirSync(path.join(dir, "notebooks"));
  fs.mkdirSync(path.join(dir, "data"));
  for (const file of copyLessons) {
    fs.writeFileSync(path.join(dir, "notebooks", file), JSON.stringify(withQuickParameters(path.join(root, "notebooks", file))));
  }
  return dir;
}

/** A PATH with only these commands on it (so no python3 and no jupyter). */
function pathWith(commands: Record<string, string>): string {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), "descent-bin-"));
  temporary.push(bin);
  for (const [name, target] of Object.entries(commands)) fs.symlinkSync(target, path.join(bin, name));
  return bin;
}

const which = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).stdout.trim();
// The interpreter itself (python3 on PATH may be a pyenv shim, which needs bash and pyenv beside it).
const python3 = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).stdout.trim();
const basics = { node: process.execPath, npm: which("npm"), sh: which("sh") };
const start = (dir: string, PATH: string, ...flags: string[]) =>
  spawnSync(process.execPath, [path.join(dir, "scripts", "start.js"), ...flags], { cwd: dir, encoding: "utf8", env: { ...process.env, PATH }, timeout: 5 * 60 * 1000 });

after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

test("with no Python, npm start renders the course with Node alone, says where it is and how to get Jupyter", { timeout: 8 * 60 * 1000 }, async () => {
  const dir = copyProject();
  const PATH = pathWith(basics);
  const first = start(dir, PATH);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, /Jupyter needs Python, and this machine has none/);
  assert.match(first.stderr, /with Descent's Node client \(no Python needed\)/);
  const index = path.join(dir, "site", "index.html");
  assert.ok(first.stdout.includes(`open ${index} in a browser`), first.stdout);
  assert.match(first.stdout, /install Python 3 .* and run `npm start` again/);

  // Every page draws its charts and typesets its math, with no console error.
  const browser = await launchChromium();
  try {
    for (const file of copyLessons) {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(`file://${path.join(dir, "site", file.replace(".ipynb", ".html"))}`);
      await page.waitForFunction(() => document.querySelectorAll(".js-plotly-plot").length > 0 &&
        [...document.querySelectorAll(".js-plotly-plot")].every((chart) => chart.querySelector(".main-svg")), null, { timeout: 30000 });
      const math = await page.locator(".katex").count();
      const leftover = await page.evaluate(() => /\$[^$\s][^$]*\$/.test(document.querySelector("div.markdown")?.textContent ?? ""));
      await page.close();
      assert.deepEqual(problems, [], file);
      if (hasMath(file)) assert.ok(math > 0, `${file}: the math is typeset`);
      assert.equal(leftover, false, `${file}: no raw $...$ is left`);
    }
  } finally {
    await browser.close();
  }

  // Run again with nothing changed: the pages are shown as they are, not rendered again.
  const second = start(dir, PATH);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /newer than the lessons and the library/);
  assert.doesNotMatch(second.stderr, /executing the lessons/);
});

test("a wrong flag is refused with the ones that exist (exit 2)", () => {
  const r = start(root, process.env.PATH ?? "", "--lab");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /start: unknown flag "--lab"; use --no-install, --no-browser, --dry-run/);
});

/**
 * Runs `npm start -- --no-browser` in `dir` and checks what a learner gets: JupyterLab rooted at notebooks/,
 * the project's own tslab kernelspec, and a kernel of it that starts. Returns everything start printed.
 */
async function checkOpensLab(dir: string, PATH: string): Promise<string> {
  const child = spawn(process.execPath, [path.join(dir, "scripts", "start.js"), "--no-browser"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PATH } });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    let url: URL | undefined;
    for (let i = 0; i < 600 && !url && child.exitCode === null; i++) {
      const m = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+\/lab[^\s]*)/.exec(log);
      if (m) url = new URL(m[1]);
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(url, `JupyterLab did not start:\n${log}`);
    assert.match(log, /opening the course: JUPYTER_PATH=.*\.jupyter .*jupyter lab 00-start-here\.ipynb .*\(in notebooks\/\)/);
    const token = url.searchParams.get("token") ?? "";
    const api = (route: string, init?: RequestInit) => fetch(`${url!.origin}/api/${route}?token=${token}`, init).then((r) => r.json());
    const specs = await api("kernelspecs") as { kernelspecs: Record<string, { spec: { argv: string[]; display_name: string } }> };
    assert.ok(specs.kernelspecs.tslab, "the tslab kernel is known");
    // The project's own kernelspec (.jupyter/kernels/tslab): the project's tslab, found relative to the spec.
    assert.equal(specs.kernelspecs.tslab.spec.display_name, "TypeScript (Descent)");
    assert.ok(specs.kernelspecs.tslab.spec.argv.includes("{resource_dir}/../../../node_modules/tslab/bin/tslab"));
    const lesson = await api("contents/00-start-here.ipynb") as { type: string };
    assert.equal(lesson.type, "notebook", "rooted at notebooks/");
    // A kernel of it starts and stays up. (Running code in it through JupyterLab is jupyterlab.test.ts's job.)
    const kernel = await api("kernels", { method: "POST", body: JSON.stringify({ name: "tslab" }) }) as { id: string; execution_state: string };
    try {
      assert.ok(kernel.id, `no kernel started: ${JSON.stringify(kernel)}`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const later = await api(`kernels/${kernel.id}`) as { execution_state: string };
      assert.ok(!["dead", "restarting"].includes(later.execution_state), `the kernel is ${later.execution_state}`);
    } finally {
      await fetch(`${url.origin}/api/kernels/${kernel.id}?token=${token}`, { method: "DELETE" });
    }
  } finally {
    child.kill("SIGINT");
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGINT"); // Jupyter asks to confirm the first interrupt
    await exited;
  }
  return log;
}

test("with Jupyter, npm start opens JupyterLab in notebooks/ at lesson 00 with the project's tslab kernel", { timeout: 3 * 60 * 1000 }, async () => {
  await checkOpensLab(root, process.env.PATH ?? "");
});

test("with Python but no Jupyter, npm start says what it installs into .venv (or how, with --no-install), installs it and opens the course", { timeout: 8 * 60 * 1000 }, async () => {
  const dir = copyProject();
  fs.cpSync(path.join(root, ".jupyter"), path.join(dir, ".jupyter"), { recursive: true });
  const PATH = pathWith({ ...basics, python3 });
  const dry = start(dir, PATH, "--dry-run");
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /would install Jupyter into .venv with python3/);
  const refused = start(dir, PATH, "--no-install");
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /Jupyter was not found. Install it with `python3 -m pip install jupyterlab plotly`/);
  assert.equal(fs.existsSync(path.join(dir, ".venv")), false, "nothing was installed");
  const log = await checkOpensLab(dir, PATH);
  assert.match(log, /Jupyter was not found, so Descent installs it into a project-local virtual environment \(\.venv\/, git-ignored\)/);
  assert.match(log, /To skip this, .*npm start -- --no-install/);
  assert.ok(fs.existsSync(path.join(dir, ".venv", "bin", "jupyter")));
});
