"use strict";
/** Descent as the lessons load it, from the compiled dist/ (npm run bench builds it first). */
const fs = require("fs");
const path = require("path");

const dist = path.join(__dirname, "..", "dist");
const descent = require(path.join(dist, "index.js"));
// The fast engine registers itself when its module loads; load it in case the index does not.
if (fs.existsSync(path.join(dist, "fast.js"))) require(path.join(dist, "fast.js"));

module.exports = descent;
