// npm start's command line: the flags, the usage, and one sentence for anything else.
const { readArgs, UsageError } = require("./lib/args");

const usage = `usage: npm start [-- options]
Builds the library and opens the course in JupyterLab at lesson 00, in my-lessons/ (your own copies of the lessons).
  --port N       serve JupyterLab on port N (default: Jupyter's 8888, or the next free one)
  --no-browser   start JupyterLab without opening a browser (open the address it prints)
  --no-install   never install anything (without JupyterLab, say how to get it)
  --dry-run      say what would be done, and stop
  --help         show this
Give a lesson back as shipped: npm run reset -- NN (or all).`;

const portRange = "a whole number from 1 to 65535";
const flags = {
  port: { type: "string", value: "N", needs: portRange },
  "no-install": { type: "boolean" },
  "no-browser": { type: "boolean" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

/** The options of `argv` ({ help, port, noInstall, noBrowser, dryRun }), or an Error whose message is one sentence. */
function parseStartOptions(argv) {
  let values;
  try {
    ({ values } = readArgs(argv, flags));
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && (!/^\d+$/.test(values.port) || port < 1 || port > 65535))
    return new Error(`--port needs ${portRange}; got "${values.port}"`);
  return {
    help: Boolean(values.help),
    port,
    noInstall: Boolean(values["no-install"]),
    noBrowser: Boolean(values["no-browser"]),
    dryRun: Boolean(values["dry-run"]),
  };
}

module.exports = { parseStartOptions, usage };
