// Before a build: removes the compiled files in dist/ whose source in src/ is gone (a file moved or deleted), so
// nothing can still load a stale copy. tsc itself only writes files, it never removes them.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");

for (const entry of fs.existsSync(dist) ? fs.readdirSync(dist, { recursive: true }) : []) {
  const match = /^(.*)\.(js|d\.ts|js\.map)$/.exec(entry);
  if (!match) continue;
  if (!fs.existsSync(path.join(root, "src", match[1] + ".ts"))) fs.rmSync(path.join(dist, entry));
}
