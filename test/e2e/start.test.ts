import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hasMath, launchChromium } from "./browser";

// npm start on four kinds of machine: with JupyterLab (it opens lesson 00 of the learner's copies in my-lessons/
// with the project's kernel), with Python but no Jupyter, or only Debian's classic Notebook 6 (it installs
// JupyterLab into .venv, or says how), and with no Python at all (it renders the course into site/ with Node
// alone). Each runs on a copy of the project; all but the first with a PATH of only the commands named.
const root = path.join(__dirname, "..", "..", "..");
const { withQuickParameters } = require(path.join(root, "scripts", "notebook", "lessons.js"));
const copyLessons = ["00-start-here.ipynb", "03-gradient-descent-1d.ipynb", "04-gradient-descent-2d.ipynb"];
const temporary: string[] = [];

/** A copy of the project with three lessons (quick values), no .venv, and the real node_modules. */
function copyProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-start-"));
  temporary.push(dir);
  for (const item of ["package.json", "tsconfig.json", "src", "asm", "scripts"])
    fs.cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  fs.mkdirSync(path.join(dir, "notebooks"));
  fs.mkdirSync(path.join(dir, "data"));
  for (const file of copyLessons) {
    fs.writeFileSync(
      path.join(dir, "notebooks", file),
      JSON.stringify(withQuickParameters(path.join(root, "notebooks", file))),
    );
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
const start = (dir: string, PATH: string, ...flags: string[]) => run(dir, PATH, "start.js", ...flags);
const run = (dir: string, PATH: string, script: string, ...flags: string[]) =>
  spawnSync(process.execPath, [path.join(dir, "scripts", script), ...flags], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, PATH },
    timeout: 5 * 60 * 1000,
  });

after(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

test(
  "with no Python, npm start renders the course with Node alone, says where it is and how to get Jupyter",
  { timeout: 8 * 60 * 1000 },
  async () => {
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
        await page.waitForFunction(
          () =>
            document.querySelectorAll(".js-plotly-plot").length > 0 &&
            [...document.querySelectorAll(".js-plotly-plot")].every((chart) => chart.querySelector(".main-svg")),
          null,
          { timeout: 30000 },
        );
        const math = await page.locator(".katex").count();
        const leftover = await page.evaluate(() =>
          /\$[^$\s][^$]*\$/.test(document.querySelector("div.markdown")?.textContent ?? ""),
        );
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
  },
);

test("--help lists the flags; a wrong flag or port is one sentence (exit 2), before anything is built", () => {
  const help = start(root, process.env.PATH ?? "", "--help");
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^usage: npm start/);
  for (const flag of ["--port N", "--no-browser", "--no-install", "--dry-run", "npm run reset -- NN"])
    assert.ok(help.stdout.includes(flag), flag);
  const wrong = start(root, process.env.PATH ?? "", "--lab");
  assert.equal(wrong.status, 2);
  assert.equal(
    wrong.stderr,
    'start: unknown flag "--lab"; use --port N, --no-install, --no-browser, --dry-run or --help.\n',
  );
  const port = start(root, process.env.PATH ?? "", "--port", "80000");
  assert.equal(port.status, 2);
  assert.equal(port.stderr, 'start: --port needs a whole number from 1 to 65535; got "80000".\n');
});

/**
 * Runs `npm start -- --no-browser [flags]` in `dir` and checks what a learner gets: JupyterLab serving the
 * learner's copies in my-lessons/ (filled from notebooks/), the project's own tslab kernelspec and a kernel of it
 * that starts, and a printed address that opens lesson 00 itself in the browser. Returns everything start printed.
 */
async function checkOpensLab(dir: string, PATH: string, ...flags: string[]): Promise<{ log: string; url: URL }> {
  const child = spawn(process.execPath, [path.join(dir, "scripts", "start.js"), "--no-browser", ...flags], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PATH },
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    let url: URL | undefined;
    for (let i = 0; i < 600 && !url && child.exitCode === null; i++) {
      const m = /^The course is open at (\S+)$/m.exec(log);
      if (m) url = new URL(m[1]);
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(url, `JupyterLab did not start:\n${log}`);
    assert.equal(
      url.pathname,
      "/lab/tree/00-start-here.ipynb",
      "the printed address opens lesson 00, not the Launcher",
    );
    assert.match(
      log,
      /opening the course: JUPYTER_PATH=.*\.jupyter .*jupyter lab 00-start-here\.ipynb .*\(in my-lessons\/\)/,
    );
    assert.ok(
      log.includes(`Serving notebooks from local directory: ${fs.realpathSync(path.join(dir, "my-lessons"))}`),
      "rooted at my-lessons/",
    );
    const shipped = fs
      .readdirSync(path.join(dir, "notebooks"))
      .filter((f) => f.endsWith(".ipynb"))
      .sort();
    assert.deepEqual(
      fs
        .readdirSync(path.join(dir, "my-lessons"))
        .filter((f) => f.endsWith(".ipynb"))
        .sort(),
      shipped,
      "a copy of every lesson",
    );
    const token = url.searchParams.get("token") ?? "";
    const api = (route: string, init?: RequestInit) =>
      fetch(`${url!.origin}/api/${route}?token=${token}`, init).then((r) => r.json());
    const specs = (await api("kernelspecs")) as {
      kernelspecs: Record<string, { spec: { argv: string[]; display_name: string } }>;
    };
    assert.ok(specs.kernelspecs.tslab, "the tslab kernel is known");
    // The project's own kernelspec (.jupyter/kernels/tslab): the project's tslab, found relative to the spec.
    assert.equal(specs.kernelspecs.tslab.spec.display_name, "TypeScript (Descent)");
    assert.ok(specs.kernelspecs.tslab.spec.argv.includes("{resource_dir}/../../../node_modules/tslab/bin/tslab"));
    // A kernel of it starts and stays up. (Running code in it through JupyterLab is jupyterlab.test.ts's job.)
    const kernel = (await api("kernels", { method: "POST", body: JSON.stringify({ name: "tslab" }) })) as {
      id: string;
      execution_state: string;
    };
    try {
      assert.ok(kernel.id, `no kernel started: ${JSON.stringify(kernel)}`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const later = (await api(`kernels/${kernel.id}`)) as { execution_state: string };
      assert.ok(!["dead", "restarting"].includes(later.execution_state), `the kernel is ${later.execution_state}`);
    } finally {
      await fetch(`${url.origin}/api/kernels/${kernel.id}?token=${token}`, { method: "DELETE" });
    }
    // The printed address, in a browser, shows lesson 00 as the open tab.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(url.href);
      const tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel");
      await tab.waitFor({ timeout: 60000 });
      assert.equal(await tab.textContent(), "00-start-here.ipynb");
      await page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first().waitFor({ timeout: 60000 });
    } finally {
      await browser.close();
    }
    return { log, url };
  } finally {
    child.kill("SIGINT");
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGINT"); // Jupyter asks to confirm the first interrupt
    await exited;
  }
}

/** A copy of the project that uses this project's .venv (so JupyterLab is there) and its kernelspec. */
function copyProjectWithLab(): string {
  const dir = copyProject();
  fs.cpSync(path.join(root, ".jupyter"), path.join(dir, ".jupyter"), { recursive: true });
  fs.symlinkSync(fs.realpathSync(path.join(root, ".venv")), path.join(dir, ".venv"));
  return dir;
}

test(
  "with JupyterLab, npm start fills my-lessons/ and opens lesson 00 there with the project's tslab kernel, on --port",
  { timeout: 4 * 60 * 1000 },
  async () => {
    const dir = copyProjectWithLab();
    const port: number = await require(path.join(root, "scripts", "notebook", "freePort.js")).freePort();
    const { log, url } = await checkOpensLab(dir, process.env.PATH ?? "", "--port", String(port));
    assert.equal(url.port, String(port));
    assert.match(
      log,
      /^Copied the 3 lessons into my-lessons\/: they are your own copies, to change and save freely; notebooks\/ keeps the lessons as shipped\.$/m,
    );
  },
);

test("a lesson changed since the learner's copy is named at npm start, and npm run reset gives it back with a backup", () => {
  const dir = copyProjectWithLab();
  const PATH = process.env.PATH ?? "";
  assert.equal(start(dir, PATH, "--dry-run").status, 0);
  assert.equal(fs.existsSync(path.join(dir, "my-lessons")), false, "--dry-run copies nothing");
  // Filled as npm start fills it (without starting Jupyter), then the learner's experiment and a newer lesson 03.
  require(path.join(dir, "scripts", "notebook", "myLessons.js")).fillMyLessons();
  const mine = path.join(dir, "my-lessons", "03-gradient-descent-1d.ipynb"),
    shipped = path.join(dir, "notebooks", "03-gradient-descent-1d.ipynb");
  fs.writeFileSync(mine, fs.readFileSync(mine, "utf8").replace("const eta = 0.05;", "const eta = 0.2;"));
  const newer = JSON.parse(fs.readFileSync(shipped, "utf8"));
  newer.cells[0].source.push("\nA sentence added to the lesson since.");
  fs.writeFileSync(shipped, JSON.stringify(newer));
  const told = start(dir, PATH, "--dry-run");
  assert.equal(told.status, 0, told.stderr);
  assert.match(
    told.stdout,
    /^Lesson 03 has changed since your copy my-lessons\/03-gradient-descent-1d\.ipynb was made: `npm run reset -- 03` takes the new one \(and keeps yours as a backup\)\.$/m,
  );
  assert.equal(told.stdout.match(/has changed since/g)?.length, 1, "only lesson 03");

  const reset = run(dir, PATH, "reset.js", "03");
  assert.equal(reset.status, 0, reset.stderr);
  const backup = /kept as my-lessons\/(03-gradient-descent-1d\.backup-[\d-]+\.ipynb)\.$/m.exec(reset.stdout);
  assert.ok(backup, reset.stdout);
  assert.match(
    fs.readFileSync(path.join(dir, "my-lessons", backup[1]), "utf8"),
    /const eta = 0\.2;/,
    "the learner's copy is kept",
  );
  assert.equal(fs.readFileSync(mine, "utf8"), fs.readFileSync(shipped, "utf8"), "the lesson as shipped now");
  assert.doesNotMatch(start(dir, PATH, "--dry-run").stdout, /has changed since/);
  const wrong = run(dir, PATH, "reset.js", "42");
  assert.equal(wrong.status, 2);
  assert.match(
    wrong.stderr,
    /^reset: there is no lesson "42"; the lessons are: 00-start-here, 03-gradient-descent-1d, 04-gradient-descent-2d\.\n$/,
  );
});

test(
  "with only Debian's classic Notebook 6 on PATH, npm start installs JupyterLab into .venv, saying why (or how, with --no-install)",
  { timeout: 3 * 60 * 1000 },
  () => {
    const dir = copyProject();
    fs.cpSync(path.join(root, ".jupyter"), path.join(dir, ".jupyter"), { recursive: true });
    const PATH = pathWith({ ...basics, python3, jupyter: "/usr/bin/jupyter" });
    const dry = start(dir, PATH, "--dry-run");
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(
      dry.stdout,
      /^Only the classic Jupyter Notebook 6\.\d+\.\d+ was found, and the course is made for JupyterLab: would install JupyterLab into \.venv with python3$/m,
    );
    const refused = start(dir, PATH, "--no-install");
    assert.equal(refused.status, 1);
    assert.match(
      refused.stderr,
      /^Only the classic Jupyter Notebook 6\.\d+\.\d+ was found, and the course is made for JupyterLab; install JupyterLab with `python3 -m pip install jupyterlab plotly`, or run npm start without --no-install\.$/m,
    );
    assert.equal(fs.existsSync(path.join(dir, ".venv")), false, "nothing was installed");
  },
);

test(
  "with Python but no Jupyter, npm start says what it installs into .venv (or how, with --no-install), installs it and opens the course",
  { timeout: 8 * 60 * 1000 },
  async () => {
    const dir = copyProject();
    fs.cpSync(path.join(root, ".jupyter"), path.join(dir, ".jupyter"), { recursive: true });
    const PATH = pathWith({ ...basics, python3 });
    const dry = start(dir, PATH, "--dry-run");
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^Jupyter was not found: would install JupyterLab into \.venv with python3$/m);
    const refused = start(dir, PATH, "--no-install");
    assert.equal(refused.status, 1);
    assert.match(
      refused.stderr,
      /Jupyter was not found; install JupyterLab with `python3 -m pip install jupyterlab plotly`, or run npm start without --no-install\./,
    );
    assert.equal(fs.existsSync(path.join(dir, ".venv")), false, "nothing was installed");
    const { log } = await checkOpensLab(dir, PATH);
    assert.match(
      log,
      /Jupyter was not found, so Descent installs JupyterLab into a project-local virtual environment \(\.venv\/, git-ignored\)/,
    );
    assert.match(log, /To skip this, .*npm start -- --no-install/);
    assert.ok(fs.existsSync(path.join(dir, ".venv", "bin", "jupyter")));
  },
);
