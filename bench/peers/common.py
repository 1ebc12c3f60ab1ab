"""The Python peers' side of the bench's protocol (serve.js describes it): loading the shared files and
answering requests. A peer trains one network per batch size, each from the shared initial weights."""
import json
import os
import sys
import time
from types import SimpleNamespace

import numpy as np


def load_shared(directory, dtype):
    """The shared files as numpy arrays: images as `dtype` grey levels in 0..1 (one row per image),
    one-hot training targets, test labels, the initial float64 weights (rows = neurons of the next layer)
    and biases, and the training order of every epoch."""
    meta = json.load(open(os.path.join(directory, "meta.json")))
    read = lambda name, kind: np.fromfile(os.path.join(directory, name), dtype=kind)
    images = lambda part, count: (read(f"{part}-pixels.u8", np.uint8).reshape(count, meta["imageSize"]) / dtype(255)).astype(dtype)
    train_labels = read("train-labels.u8", np.uint8)
    init = read("init.f64", "<f8")
    weights, biases, at = [], [], 0
    for n_in, n_out in zip(meta["sizes"], meta["sizes"][1:]):
        weights.append(init[at:at + n_out * n_in].reshape(n_out, n_in))
        at += n_out * n_in
        biases.append(init[at:at + n_out])
        at += n_out
    return SimpleNamespace(
        eta=meta["eta"],
        train_x=images("train", meta["trainCount"]),
        train_y=np.eye(meta["sizes"][-1], dtype=dtype)[train_labels],
        test_x=images("test", meta["testCount"]),
        test_labels=read("test-labels.u8", np.uint8),
        weights=weights,
        biases=biases,
        orders=read("orders.u32", "<u4").reshape(meta["epochs"], meta["trainCount"]).astype(np.int64),
    )


def reply(message):
    sys.stdout.write("BENCH " + json.dumps(message) + "\n")
    sys.stdout.flush()


def threads():
    """The threads this worker may use: BENCH_THREADS, set by the bench (bench/workers.js), 1 by default."""
    return int(os.environ.get("BENCH_THREADS", "1"))


def initial_parameters(sizes, seed=1):
    """Seeded starting weights for a network of any sizes (the growth table's): N(0, 1/n_in) weights, so
    wide layers do not saturate, and N(0, 1) biases, as float64 like the shared ones."""
    rng = np.random.default_rng(seed)
    weights = [rng.standard_normal((n_out, n_in)) / np.sqrt(n_in) for n_in, n_out in zip(sizes, sizes[1:])]
    return weights, [rng.standard_normal(n_out) for n_out in sizes[1:]]


def serve(shared, version, make_trainer):
    """Answers requests until "quit". make_trainer(batch, initial=None, eta=None) returns an object with epoch(order),
    which runs every minibatch step of one epoch (the time it takes is the measure), and accuracy() on the test
    set; `initial` is (weights, biases) for a network other than the shared one, `eta` a learning rate other than its. One request more than
    serve.js describes: {"cmd":"grow","sizes":[...],"batch":b,"count":n,"epoch":k,"eta":e} trains that network (kept
    between requests) on the first n images, in epoch k's order -> {"seconds": s}."""
    trainers = {}
    grown = {}
    reply({"ready": True, "version": version})
    for line in sys.stdin:
        request = json.loads(line)
        if request["cmd"] == "quit":
            break
        try:
            batch = request["batch"]
            if request["cmd"] == "grow":
                key = (tuple(request["sizes"]), batch)
                if key not in grown:
                    grown[key] = make_trainer(batch, initial_parameters(request["sizes"]), request["eta"])
                order = shared.orders[request["epoch"] % len(shared.orders)]
                order = order[order < request["count"]]  # the first n images, shuffled, as Descent's take(n)
                started = time.perf_counter()
                grown[key].epoch(order)
                reply({"seconds": time.perf_counter() - started})
                continue
            if batch not in trainers:
                trainers[batch] = make_trainer(batch)
            if request["cmd"] == "epoch":
                order = shared.orders[request["epoch"]]
                started = time.perf_counter()
                trainers[batch].epoch(order)
                reply({"seconds": time.perf_counter() - started})
            elif request["cmd"] == "accuracy":
                reply({"accuracy": float(trainers[batch].accuracy())})
            else:
                reply({"error": f"unknown request {request['cmd']!r}"})
        except Exception as error:  # the bench reports it as this peer's failure
            reply({"error": f"{type(error).__name__}: {error}"})


def main(make_peer):
    """Runs a peer: make_peer(directory, variant) returns (shared, version, make_trainer)."""
    try:
        shared, version, make_trainer = make_peer(sys.argv[1], sys.argv[2])
    except Exception as error:
        reply({"error": f"{type(error).__name__}: {error}"})
        sys.exit(1)
    serve(shared, version, make_trainer)
