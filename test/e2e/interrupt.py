"""Kernel > Interrupt during live training, through the real tslab kernel (jupyter_client's interrupt_kernel).

The cell must end normally with one sentence, keep its declaration (`result`) for the next cell, and stop training.

Prints one JSON line with what it saw; test/e2e/kernel.test.ts asserts on it.
"""
import json
import os
import sys
import time

from jupyter_client.manager import start_new_kernel

root = sys.argv[1]
km, kc = start_new_kernel(kernel_name="tslab", cwd=os.path.join(root, "notebooks"))


def run(code, timeout=60):
    """Executes code and returns (status, stdout text, stderr text, number of display updates)."""
    msg_id = kc.execute(code)
    out, err, updates = "", "", 0
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            if content["name"] == "stdout":
                out += content["text"]
            else:
                err += content["text"]
        elif kind in ("display_data", "update_display_data"):
            updates += 1
        elif kind == "status" and content["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], out, err, updates


seen = {}
try:
    run('import { createNetwork, embeddedSplit, take, trainLive, evaluate } from "../dist/index";\n'
        'const { train, test } = embeddedSplit({ seed: 1 });\n'
        'const small = take(train, 2000);\n'
        'const net = createNetwork([784, 16, 16, 10], { seed: 1 });')
    # A long training cell: the readable engine, a thousand epochs. Send it, and do not wait for it.
    msg_id = kc.execute('const result = await trainLive(net, small, { eta: 3, batchSize: 10, epochs: 1000, engine: "readable", seed: 1 });')
    updates, started = 0, time.time()
    while time.time() - started < 4:
        try:
            msg = kc.get_iopub_msg(timeout=0.2)
        except Exception:
            continue
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] in ("display_data", "update_display_data"):
            updates += 1
    seen["display_updates_during_training"] = updates
    interrupted_at = time.time()
    km.interrupt_kernel()
    # The cell ends; what it printed after the interrupt is collected until the kernel is idle.
    printed, errors = "", ""
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            if msg["content"]["name"] == "stdout":
                printed += msg["content"]["text"]
            else:
                errors += msg["content"]["text"]
        elif msg["msg_type"] == "error":
            errors += msg["content"].get("evalue", "error")
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    seen["printed_after_interrupt"] = printed
    seen["errors_after_interrupt"] = errors
    seen["cell_status_after_interrupt"] = reply["content"]["status"]
    time.sleep(1.0)
    status, out, err, _ = run('console.log(JSON.stringify({ w: Array.from(net.weights[0].data.slice(300, 310)), b: Array.from(net.biases[2]) }));')
    first = out
    seen["seconds_to_first_cell"] = round(time.time() - interrupted_at, 2)
    time.sleep(1.5)
    status, out, err, _ = run('console.log(JSON.stringify({ w: Array.from(net.weights[0].data.slice(300, 310)), b: Array.from(net.biases[2]) }));')
    seen["weights_still_after_interrupt"] = bool(first.strip()) and first == out
    status, out, err, _ = run('console.log(evaluate(net, test).accuracy);')
    seen["kernel_usable"] = status == "ok"
    seen["accuracy_of_kept_network"] = float(out.strip() or "nan")
    # The interrupted cell's declaration is kept: the next cell goes on with the epochs done so far.
    status, out, err, _ = run('console.log(JSON.stringify({ interrupted: result.interrupted, epochs: result.reports.length }));')
    seen["next_cell_sees_result"] = json.loads(out) if status == "ok" and out.strip() else {"error": err}
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print(json.dumps(seen))
