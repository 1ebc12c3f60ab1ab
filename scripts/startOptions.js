// npm start's command line: the flags, the usage, and one sentence for anything else.
const usage = `usage: npm start [-- options]
Builds the library and opens the course in JupyterLab at lesson 00, in my-lessons/ (your own copies of the lessons).
  --port N       serve JupyterLab on port N (default: Jupyter's 8888, or the next free one)
  --no-browser   start JupyterLab without opening a browser (open the address it prints)
  --no-install   never install anything (without JupyterLab, say how to get it)
  --dry-run      say what would be done, and stop
  --help         show this
Give a lesson back as shipped: npm run reset -- NN (or all).`;

const switches = ["--no-install", "--no-browser", "--dry-run"];

/** The options of `argv` ({ help, port, noInstall, noBrowser, dryRun }), or an Error whose message is one sentence. */
function parseStartOptions(argv) {
  const options = { help: false, port: null, noInstall: false, noBrowser: false, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") options.help = true;
    else if (switches.includes(arg)) options[arg.slice(2).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = true;
    else if (arg === "--port" || arg.startsWith("--port=")) {
      const value = arg === "--port" ? argv[++i] : arg.slice("--port=".length);
      const port = Number(value);
      if (value === undefined || !/^\d+$/.test(value) || port < 1 || port > 65535) {
        return new Error(`--port needs a whole number from 1 to 65535${value === undefined ? "" : `; got "${value}"`}`);
      }
      options.port = port;
    } else {
      return new Error(`unknown flag "${arg}"; use --port N, ${switches.join(", ")} or --help`);
    }
  }
  return options;
}

module.exports = { parseStartOptions, usage };
