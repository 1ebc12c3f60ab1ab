#!/usr/bin/env node
// The `descent` command (npx descent train ...): runs the compiled CLI in dist/.
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "dist", "cli", "main.js");
if (!fs.existsSync(main)) {
  console.error(
    "descent: the library is not built yet; run `npm run build` (or `npm install`) in " + path.join(__dirname, ".."),
  );
  process.exit(1);
}
require(main)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
