// The lessons' code cells, formatted by Prettier as src/, scripts/, test/ and bench/ are (.prettierrc.json: 120
// columns, so a cell does not scroll sideways in JupyterLab). `npm run format` rewrites the cells that need it;
// `--check` (part of npm test) only names them. Only the cells' text changes: the notebook keeps Jupyter's layout.
const fs = require("fs");
const path = require("path");
const prettier = require("prettier");

async function main() {
  const check = process.argv.includes("--check");
  const root = path.join(__dirname, "..");
  const dir = path.join(root, "notebooks");
  const options = { ...(await prettier.resolveConfig(path.join(root, "src", "index.ts"))), parser: "typescript" };
  const unformatted = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()) {
    const file = path.join(dir, name);
    const notebook = JSON.parse(fs.readFileSync(file, "utf8"));
    let changed = false;
    for (const [i, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const source = cell.source.join("");
      const formatted = await formatCell(source, options, `${name}, cell ${i + 1}`);
      if (formatted === source) continue;
      unformatted.push(`${name}, cell ${i + 1}`);
      cell.source = formatted.split(/(?<=\n)/);
      changed = true;
    }
    // Jupyter's own layout: one space of indent, characters as they are, a final newline.
    if (changed && !check) fs.writeFileSync(file, JSON.stringify(notebook, null, 1) + "\n");
  }
  if (check && unformatted.length > 0) {
    console.error(
      `format: ${unformatted.length} code cells are not formatted (${unformatted.slice(0, 3).join("; ")}${unformatted.length > 3 ? "; …" : ""}); run npm run format`,
    );
    process.exitCode = 1;
  } else if (!check) {
    console.log(`format: ${unformatted.length} code cells formatted`);
  }
}

/** The cell's code as Prettier writes it, without the final newline a cell does not have. */
async function formatCell(source, options, where) {
  try {
    return (await prettier.format(source, options)).replace(/\n$/, "");
  } catch (error) {
    // A cell Prettier cannot parse has a syntax error: say where, and keep the cell as it is.
    throw new Error(`${where} cannot be read as TypeScript: ${error.message.split("\n")[0]}`);
  }
}

main().catch((error) => {
  console.error(`format: ${error.message}`);
  process.exitCode = 1;
});
