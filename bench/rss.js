"use strict";
// Preloaded with `node -r bench/rss.js ...`: writes the process's peak resident set size to stderr as it exits.
process.on("exit", () => process.stderr.write(`RSS ${process.resourceUsage().maxRSS}\n`));
