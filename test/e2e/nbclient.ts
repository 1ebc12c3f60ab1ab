import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// nbclient (test/e2e/executeWithNbclient.py), the Jupyter project's own client, as the reference Descent's client is
// compared with where Jupyter is installed (npm test installs it into .venv/).
const root = path.join(__dirname, "..", "..", "..");
export const python = fs.existsSync(path.join(root, ".venv", "bin", "python"))
  ? path.join(root, ".venv", "bin", "python")
  : "python3";

/** Executes `notebook` into `output` with nbclient in the project's tslab kernel; { ok, stderr } as executeWithNode resolves. */
export function executeWithNbclient(
  notebook: string,
  output: string,
  timeoutSeconds: number,
): { ok: boolean; stderr: string } {
  const result = spawnSync(
    python,
    [path.join(root, "test", "e2e", "executeWithNbclient.py"), notebook, output, "--timeout", String(timeoutSeconds)],
    {
      encoding: "utf8",
      env: { ...process.env, JUPYTER_PATH: path.join(root, ".jupyter") },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return {
    ok: result.status === 0,
    stderr: result.error ? `could not run ${python}: ${result.error.message}` : result.stderr,
  };
}
