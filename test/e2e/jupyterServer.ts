import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// What the browser tests of JupyterLab, Notebook 7 and Notebook 6 share: a copy of the course to open, a free
// port, settings that render every cell, and a Jupyter server started on 127.0.0.1 without a token.
export const root = path.join(__dirname, "..", "..", "..");
export const lessons = fs
  .readdirSync(path.join(root, "notebooks"))
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .sort();
const { withQuickParameters } = require(path.join(root, "scripts", "notebook", "lessons.js"));

/**
 * A copy of the course in a temporary folder: the real dist/, src/ and node_modules/, an empty data/ (so nothing a
 * test runs replaces a model a learner saved), and the lessons as `notebookOf` gives them (by default with their
 * quick parameters injected).
 */
export function copyCourse(
  files: string[] = lessons,
  notebookOf: (file: string) => unknown = withQuickParameters,
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-lab-"));
  fs.mkdirSync(path.join(dir, "notebooks"));
  fs.mkdirSync(path.join(dir, "data"));
  for (const link of ["dist", "node_modules", "src"]) fs.symlinkSync(path.join(root, link), path.join(dir, link));
  for (const file of files)
    fs.writeFileSync(path.join(dir, "notebooks", file), JSON.stringify(notebookOf(path.join(root, "notebooks", file))));
  return dir;
}

/** A free port on 127.0.0.1 (the one the Node kernel client uses). */
export const freePort: () => Promise<number> = require(path.join(root, "scripts", "notebook", "freePort.js")).freePort;

/**
 * JupyterLab (and Notebook 7) settings for the tests: render every cell (no windowing), so every chart is in the
 * page; closing a lesson's tab shuts its kernel down, so a test that walks through lessons keeps few running.
 */
export function settingsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-lab-settings-"));
  const notebook = path.join(dir, "@jupyterlab", "notebook-extension");
  fs.mkdirSync(notebook, { recursive: true });
  fs.writeFileSync(
    path.join(notebook, "tracker.jupyterlab-settings"),
    JSON.stringify({ windowingMode: "none", kernelShutdown: true }),
  );
  return dir;
}

/** Starts `command args` (a Jupyter server on `port`) with the project's kernelspec, and waits until it answers. */
export async function startServer(
  command: string,
  args: string[],
  port: number,
): Promise<{ url: string; server: ChildProcess }> {
  if (!fs.existsSync(command))
    throw new Error(`${command} is missing: run \`bash .ci/run\` (or \`npm start\`) once to install Jupyter`);
  const server = spawn(command, args, {
    env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter") },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${url}/api`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, server };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stopServer(server);
  throw new Error(`${command} did not answer on ${url} within a minute`);
}

/**
 * Stops a server of startServer: SIGTERM, which also shuts its kernels down; if it is still there after 30 s, SIGKILL
 * to its kernels and then to it. A Jupyter server that gets SIGTERM while a kernel is starting can wait for ever
 * (seen once in 2,000 s of browser tests: JupyterLab alive 10 minutes after its test, which kept node --test
 * waiting). Its kernels go first: a server killed before them leaves them running a lesson's cells (they are in
 * sessions of their own), and the next test then shares the two cores with them.
 */
export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server?.pid || server.exitCode !== null || server.signalCode !== null) return;
  const pid = server.pid;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill("SIGTERM");
  const timer = setTimeout(() => {
    for (const child of childrenOf(pid)) {
      try {
        process.kill(child, "SIGKILL");
      } catch {
        // It ended meanwhile.
      }
    }
    server.kill("SIGKILL");
  }, 30_000);
  await exited;
  clearTimeout(timer);
}

/** The processes whose parent is `pid` (from /proc; none where there is no /proc). */
function childrenOf(pid: number): number[] {
  if (!fs.existsSync("/proc")) return [];
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8"); // "pid (name) state ppid ..."
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false; // it ended meanwhile
      }
    })
    .map(Number);
}

/**
 * JupyterLab (`app` "lab") or Notebook 7 ("notebook") from the project's .venv, on 127.0.0.1 without a token,
 * rooted at a copy of `files` (copyCourse), rendering every cell (settingsDir).
 */
export async function startJupyterApp(
  app: "lab" | "notebook",
  files: string[] = lessons,
): Promise<{ url: string; server: ChildProcess }> {
  const dir = copyCourse(files);
  const port = await freePort();
  const settings =
    app === "lab"
      ? [
          "--LabApp.news_url=None",
          `--LabApp.user_settings_dir=${settingsDir()}`,
          "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
      : [`--JupyterNotebookApp.user_settings_dir=${settingsDir()}`];
  return startServer(
    path.join(root, ".venv", "bin", "jupyter"),
    [
      app,
      "--no-browser",
      "--allow-root",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--ServerApp.token=",
      "--ServerApp.password=",
      "--ServerApp.disable_check_xsrf=True",
      `--ServerApp.root_dir=${path.join(dir, "notebooks")}`,
      ...settings,
    ],
    port,
  );
}

/** Shuts every kernel of the server down, so the next lesson starts alone. */
export async function shutDownKernels(url: string): Promise<void> {
  const kernels = (await (await fetch(`${url}/api/kernels`)).json()) as { id: string }[];
  for (const k of kernels) await fetch(`${url}/api/kernels/${k.id}`, { method: "DELETE" });
}

/** Waits until the server has a kernel that a browser is connected to and that is idle: ready to run cells. */
export async function waitForConnectedKernel(url: string, timeoutMs = 60000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const kernels = (await (await fetch(`${url}/api/kernels`)).json()) as {
      execution_state: string;
      connections: number;
    }[];
    if (kernels.some((k) => k.execution_state === "idle" && k.connections > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no kernel of ${url} was connected and idle within ${timeoutMs / 1000} s`);
}
