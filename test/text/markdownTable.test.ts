import { test } from "node:test";
import assert from "node:assert/strict";
import { markdownTable } from "../../src/text/markdownTable";
import { InputError } from "../../src/errors/learnerError";

test("a header, a separator and one line per row", () => {
  assert.equal(
    markdownTable(
      ["network", "note"],
      [
        ["random", "untrained"],
        ["trained", "5 epochs, η = 3"],
      ],
    ),
    "| network | note |\n| --- | --- |\n| random | untrained |\n| trained | 5 epochs, η = 3 |",
  );
});

test("columns of numbers as the lessons print them are right-aligned, words left-aligned", () => {
  const table = markdownTable(
    ["setting", "accuracy", "gap", "digits", "cost", "tiny", "steps"],
    [
      ["plain", "90.8%", "+1.2 points", "8,000", 0.1234, "1.5e-7", "–"],
      ["tweaked", "93.21%", "−0.4 points", "250", -2, ".5", "12 s"],
    ],
  );
  assert.equal(table.split("\n")[1], "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  assert.equal(table.split("\n")[3], "| tweaked | 93.21% | −0.4 points | 250 | -2 | .5 | 12 s |");
  // One cell that is not a number keeps its column on the left.
  assert.equal(markdownTable(["a"], [["90.8%"], ["90.8% (diverged in epoch 3)"]]).split("\n")[1], "| --- |");
  assert.equal(markdownTable(["lesson", "done"], [["03", "1 of 2: step"]]).split("\n")[1], "| ---: | --- |");
});

test("align overrides the guess; a table without rows has its header", () => {
  assert.equal(markdownTable(["lesson", "done"], [["03", "2"]], ["left", "left"]).split("\n")[1], "| --- | --- |");
  assert.equal(markdownTable(["x", "y"], []), "| x | y |\n| --- | --- |");
});

test("a cell never breaks the table: its | is escaped (once) and a line break becomes a space", () => {
  assert.equal(
    markdownTable(["a |x|", "b"], [["one\ntwo", "\\|∇C\\|²"]]),
    "| a \\|x\\| | b |\n| --- | --- |\n| one two | \\|∇C\\|² |",
  );
});

test("rows or alignments that do not match the header are one sentence", () => {
  assert.throws(
    () =>
      markdownTable(
        ["a", "b"],
        [
          ["1", "2"],
          ["1", "2", "3"],
        ],
      ),
    (e: unknown) =>
      e instanceof InputError &&
      e.message === "row 2 of the table has 3 cells but the header has 2 (a, b); give every row one cell per column",
  );
  assert.throws(
    () => markdownTable(["a", "b"], [], ["left"]),
    (e: unknown) => e instanceof InputError && /has 2 columns but align gives 1 alignments/.test(e.message),
  );
});
