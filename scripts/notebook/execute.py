"""Executes one notebook in the project's tslab kernel (nbclient), the way papermill does.

Usage: python execute.py NOTEBOOK OUTPUT [--inject CODE] [--timeout SECONDS]

With --inject, a cell tagged "injected-parameters" holding CODE is put right after the cell tagged
"parameters". The executed notebook is signed for this user (what `jupyter trust` does, so that Notebook 6 and
JupyterLab run its stored chart scripts without a re-run) and written to OUTPUT (a temporary file, then a
rename), also when a cell fails. On a failing cell it prints, on stderr, the cell's number and the cell's own error text
(tslab sends it on stderr only) and exits 1.
"""
import argparse
import os
import sys
import tempfile

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat.sign import NotebookNotary


def inject(nb, code):
    for index, cell in enumerate(nb.cells):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            injected = nbformat.v4.new_code_cell(code, metadata={"tags": ["injected-parameters"]})
            nb.cells.insert(index + 1, injected)
            return
    raise SystemExit("this notebook has no cell tagged 'parameters' to inject after")


def write_atomic(nb, path):
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".executing-", suffix=".ipynb")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        nbformat.write(nb, f)
    os.replace(temp, path)


def cell_errors(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebook")
    parser.add_argument("output")
    parser.add_argument("--inject")
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    if args.inject:
        inject(nb, args.inject)
    client = NotebookClient(nb, timeout=args.timeout, kernel_name="tslab",
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.notebook))}})
    failure = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
        failure = error
    # Outputs we produced ourselves are trusted: sign them as `jupyter trust` would.
    NotebookNotary().sign(nb)
    write_atomic(nb, args.output)
    if failure is None:
        return 0
    # Number the code cells as in the lesson itself: the injected-parameters cell is not one of them.
    code_cells = [c for c in nb.cells if c.cell_type == "code" and "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    for number, cell in enumerate(code_cells, start=1):
        text = cell_errors(cell)
        if text or (cell is code_cells[-1]):
            if text:
                print(f"code cell {number} failed:\n{cell.source}\n--- its error ---\n{text.strip()}", file=sys.stderr)
                return 1
    print(f"the notebook stopped: {type(failure).__name__}: {str(failure).strip()[:500]}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
