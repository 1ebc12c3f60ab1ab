"use strict";
/** Descent as the lessons load it, from the compiled dist/ (npm run bench builds it first). */
module.exports = require("../dist/index.js");
