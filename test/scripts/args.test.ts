import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";

// The scripts' one flag reader (scripts/lib/args.js, on util.parseArgs): values, repeated flags, positionals, and
// one sentence for each kind of mistake.
const { readArgs, flagList, UsageError } = require(path.join(__dirname, "..", "..", "..", "scripts", "lib", "args.js"));

const flags = {
  set: { type: "string", multiple: true, value: "name=value", needs: "name=value, as in --set eta=0.5" },
  port: { type: "string", value: "N" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
};
const refused = (argv: string[], options?: object) => {
  try {
    readArgs(argv, flags, options);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return (error as Error).message;
  }
  assert.fail(`${JSON.stringify(argv)} was accepted`);
};

test("flags, inline values, repeated flags, a short -h and positionals where they are taken", () => {
  assert.deepEqual(
    readArgs(["03", "--set", "eta=0.5", "--set=steps=8", "--quiet", "-h", "--port", "9"], flags, { positionals: true }),
    { values: { set: ["eta=0.5", "steps=8"], quiet: true, help: true, port: "9" }, positionals: ["03"] },
  );
  assert.deepEqual(readArgs(["--port", "1", "--port", "2"], flags).values, { port: "2" }, "the last value counts");
  assert.deepEqual(
    readArgs(["--set", "expression=-x^2"], flags).values,
    { set: ["expression=-x^2"] },
    "a value may hold a minus sign after its name",
  );
  assert.deepEqual(
    readArgs(["--", "--quiet"], flags, { positionals: true }).positionals,
    ["--quiet"],
    "after --, everything is an argument",
  );
});

test("each mistake is one sentence that says what to write instead", () => {
  assert.equal(flagList(flags), "--set name=value, --port N, --quiet or --help");
  assert.equal(refused(["--bogus"]), 'unknown flag "--bogus"; use --set name=value, --port N, --quiet or --help');
  assert.equal(refused(["-x"]), 'unknown flag "-x"; use --set name=value, --port N, --quiet or --help');
  assert.equal(
    refused(["--toString"]),
    'unknown flag "--toString"; use --set name=value, --port N, --quiet or --help',
    "not a property every object has",
  );
  assert.equal(refused(["03"]), 'unexpected argument "03"; use --set name=value, --port N, --quiet or --help');
  assert.equal(refused(["--set"]), "--set needs name=value, as in --set eta=0.5");
  assert.equal(refused(["--port"]), "--port needs a value, as in --port N");
  assert.equal(
    refused(["--port", "--quiet"]),
    "--port needs a value, as in --port N",
    "a flag is not taken as the value of the one before",
  );
  assert.equal(refused(["--quiet=yes"]), '--quiet takes no value; got "yes"');
  assert.equal(
    refused(["--force"], { positionals: true, hint: "name lessons" }),
    'unknown flag "--force"; name lessons',
  );
  assert.throws(() => readArgs(["--json"], {}), { message: 'unknown flag "--json"; it takes no flags' });
});
