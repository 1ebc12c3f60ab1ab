import { InputError } from "../errors/learnerError";

/**
 * A small markdown table, as the lessons show their measurements (with `showMarkdown`):
 *
 *   markdownTable(["network", "accuracy"], [["random", "9.8%"], ["trained", "90.8%"]])
 *   | network | accuracy |
 *   | --- | ---: |
 *   | random | 9.8% |
 *   | trained | 90.8% |
 *
 * Numbers line up on the right and words on the left: a column whose cells are all numbers as the lessons write
 * them ("8,000", "0.0123", "90.8%", "+1.2 points", "1.5e-7"; a "–" or an empty cell counts as either) is
 * right-aligned, unless `align` says otherwise. A "|" inside a cell is escaped and a line break becomes a
 * space, so a cell never breaks the table.
 */
export type Cell = string | number;
export type Alignment = "left" | "right";

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  align?: readonly Alignment[],
): string {
  rows.forEach((row, r) => {
    if (row.length !== header.length) {
      throw new InputError(
        `row ${r + 1} of the table has ${row.length} cells but the header has ${header.length} ` +
          `(${header.join(", ")}); give every row one cell per column`,
      );
    }
  });
  if (align && align.length !== header.length) {
    throw new InputError(
      `the table has ${header.length} columns but align gives ${align.length} alignments; give one per column, "left" or "right"`,
    );
  }
  const body = rows.map((row) => row.map(cellText));
  const sides = header.map(
    (_, c) => align?.[c] ?? (body.length > 0 && body.every((row) => looksLikeANumber(row[c])) ? "right" : "left"),
  );
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(header.map(cellText)),
    line(sides.map((side) => (side === "right" ? "---:" : "---"))),
    ...body.map(line),
  ].join("\n");
}

function cellText(cell: Cell): string {
  return String(cell)
    .replace(/\r?\n/g, " ")
    .replace(/(?<!\\)\|/g, "\\|");
}

/** "8,000", "−0.25", "90.8%", "+1.2 points", "3.2e-5", "12 s": a number, maybe signed, maybe with a short unit. */
const NUMBER = /^[+\-−]?(\d[\d,]*(\.\d+)?|\.\d+)(e[+\-−]?\d+)?(%| ?[a-zA-Z]{1,6})?$/;
const BLANK = /^(|–|—|-)$/;

function looksLikeANumber(text: string): boolean {
  return NUMBER.test(text) || BLANK.test(text);
}
