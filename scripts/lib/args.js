// The command lines of the scripts and the bench, read by Node's util.parseArgs (as src/cli/options.ts reads
// `npx descent train`'s). A command line that cannot be read is one sentence, which the script prints before
// exiting with code 2: an unknown flag, a flag without its value, a value given to a switch, an argument where
// the command takes none.
const { parseArgs } = require("util");

/** A command line that cannot be run; its message is the one sentence to print (exit code 2). */
class UsageError extends Error {}

/**
 * The flags as a sentence names them: "--port N, --no-browser or --help". Each flag is
 * { type: "string" | "boolean", multiple?, short?, value?: "N" (the value's name in messages), needs?: "a whole number" }.
 */
function flagList(flags) {
  const names = Object.entries(flags).map(
    ([name, flag]) => `--${name}${flag.type === "string" ? ` ${flag.value ?? "VALUE"}` : ""}`,
  );
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : names.join("");
}

/**
 * Reads `argv` against `flags` (see flagList). Returns { values, positionals }: a flag given more than once
 * keeps its last value, or all of them when it is `multiple`. Arguments that are not flags are only taken with
 * `positionals: true`. Anything else throws a UsageError; an unknown flag's sentence ends with `hint`, by
 * default "use" and the flags.
 */
function readArgs(
  argv,
  flags,
  {
    positionals: takesPositionals = false,
    hint = Object.keys(flags).length ? `use ${flagList(flags)}` : "it takes no flags",
  } = {},
) {
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, { type, multiple, short }]) => [
      name,
      { type, ...(multiple ? { multiple } : {}), ...(short ? { short } : {}) },
    ]),
  );
  // Not strict: parseArgs then lists every token, and each mistake is answered here in the scripts' words.
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const values = {},
    positionals = [];
  for (const token of tokens) {
    if (token.kind === "positional") {
      if (!takesPositionals) throw new UsageError(`unexpected argument "${token.value}"; ${hint}`);
      positionals.push(token.value);
    }
    if (token.kind !== "option") continue;
    const flag = Object.hasOwn(flags, token.name) ? flags[token.name] : undefined;
    if (!flag) throw new UsageError(`unknown flag "${token.rawName}"; ${hint}`);
    if (flag.type === "boolean") {
      if (token.value !== undefined) throw new UsageError(`--${token.name} takes no value; got "${token.value}"`);
      values[token.name] = true;
      continue;
    }
    // A value that looks like a flag ("--port --no-browser") is a forgotten value, not the value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-"))) {
      throw new UsageError(
        `--${token.name} needs ${flag.needs ?? `a value, as in --${token.name} ${flag.value ?? "VALUE"}`}`,
      );
    }
    if (flag.multiple) (values[token.name] ??= []).push(token.value);
    else values[token.name] = token.value;
  }
  return { values, positionals };
}

/** readArgs for a script's own process: a command line it cannot read is said as "NAME: sentence", and the process exits with code 2. */
function readArgsOrExit(name, argv, flags, options) {
  try {
    return readArgs(argv, flags, options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${name}: ${error.message}`);
    process.exit(2);
  }
}

module.exports = { readArgs, readArgsOrExit, flagList, UsageError };
