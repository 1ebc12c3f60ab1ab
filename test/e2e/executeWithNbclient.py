"""Executes a notebook with nbclient, the Jupyter project's own client, for the tests only: the reference that
Descent's client (scripts/notebook/kernel.js, executeNode.js) is compared with. The course itself never needs it.

Usage: python executeWithNbclient.py NOTEBOOK OUTPUT [--timeout SECONDS]

Runs every cell in the project's tslab kernel (JUPYTER_PATH must name the project's .jupyter/), in the
notebook's folder, and writes the executed notebook to OUTPUT, also when a cell fails; then exits 1 with the
failure on stderr.
"""
import argparse
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

parser = argparse.ArgumentParser()
parser.add_argument("notebook")
parser.add_argument("output")
parser.add_argument("--timeout", type=int, default=600)
args = parser.parse_args()

nb = nbformat.read(args.notebook, as_version=4)
client = NotebookClient(nb, timeout=args.timeout, kernel_name="tslab",
                        resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.notebook))}})
try:
    client.execute()
    failure = None
except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
    failure = error
nbformat.write(nb, args.output)
if failure is not None:
    print(f"nbclient stopped: {type(failure).__name__}: {str(failure).strip()[:2000]}", file=sys.stderr)
    sys.exit(1)
