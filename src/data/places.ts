import * as fs from "fs";
import * as path from "path";

/**
 * Where the project's own folders are, whatever folder a command runs in: `npx descent train --data mnist` from
 * a lesson's folder or from home finds the same data/mnist that `npm run data -- mnist` filled.
 */

/** The project's root: the nearest folder above this compiled file (dist/data, or build/src/data in tests) with Descent's package.json. */
export function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === "descent") return dir;
    if (path.dirname(dir) === dir) return path.join(__dirname, "..", ".."); // not inside the project: dist/data's parent's parent
  }
}

/** The folder `npm run data -- mnist` downloads full MNIST into: data/mnist in the project. */
export function mnistDirectory(): string {
  return path.join(projectRoot(), "data", "mnist");
}
