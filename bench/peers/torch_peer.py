"""PyTorch peer: `python torch_peer.py <shared dir> manual|nn`, float32 on the CPU, one thread (or BENCH_THREADS).
  manual  the batched matrix form of backprop written with tensor ops (as numpy_peer.py), no autograd;
  nn      nn.Linear + nn.Sigmoid layers, autograd and optim.SGD, with the loss Σ (a − y)² / m (MSE summed
          over outputs and examples, then averaged over the minibatch), which is our cost's average, so
          SGD's step with lr = eta is our step w ← w − (eta / m) Σ_x ∂C_x/∂w."""
from types import SimpleNamespace

import numpy as np
import torch
import torch.nn.functional as F

from common import load_shared, main, threads

torch.set_num_threads(threads())  # 1 unless the bench asks for more (BENCH_THREADS)
torch.set_num_interop_threads(1)


def make_peer(directory, variant):
    shared = load_shared(directory, np.float32)
    train_x, train_y = torch.from_numpy(shared.train_x), torch.from_numpy(shared.train_y)
    test_x, test_labels = torch.from_numpy(shared.test_x), torch.from_numpy(shared.test_labels).long()
    initial = [(torch.tensor(w, dtype=torch.float32), torch.tensor(b, dtype=torch.float32)) for w, b in zip(shared.weights, shared.biases)]
    step_maker = {"manual": manual_step, "nn": nn_step}[variant]

    def make_trainer(batch_size, start=None, eta=None):
        parameters = initial if start is None else [(torch.tensor(w, dtype=torch.float32), torch.tensor(b, dtype=torch.float32)) for w, b in zip(*start)]
        step, forward = step_maker(parameters, eta or shared.eta)

        def epoch(order):
            order = torch.from_numpy(order)
            for start in range(0, len(order), batch_size):
                indices = order[start:start + batch_size]
                step(torch.index_select(train_x, 0, indices), torch.index_select(train_y, 0, indices))  # faster than x[indices]

        def accuracy():
            with torch.no_grad():
                return (forward(test_x).argmax(dim=1) == test_labels).float().mean().item()

        return SimpleNamespace(epoch=epoch, accuracy=accuracy)

    return shared, f"PyTorch {torch.__version__}", make_trainer


def manual_step(initial, eta):
    weights = [w.clone() for w, _ in initial]
    biases = [b.clone() for _, b in initial]

    def forward(x):
        activations = [x]
        for w, b in zip(weights, biases):
            activations.append(torch.addmm(b, activations[-1], w.t()).sigmoid_())
        return activations

    @torch.no_grad()
    def step(x, y):
        rate = eta / len(x)
        activations = forward(x)
        a = activations[-1]
        delta = (a - y).mul_(2).mul_(a).mul_(1 - a)  # BP1
        for l in reversed(range(len(weights))):
            a_prev = activations[l]
            previous = (delta @ weights[l]).mul_(a_prev).mul_(1 - a_prev) if l > 0 else None  # BP2, weights before the step
            weights[l].addmm_(delta.t(), a_prev, alpha=-rate)  # BP4 summed over the minibatch, and the step, in one call
            biases[l].add_(delta.sum(dim=0), alpha=-rate)  # BP3
            delta = previous

    return step, lambda x: forward(x)[-1]


def nn_step(initial, eta):
    layers = []
    for w, b in initial:
        linear = torch.nn.Linear(w.shape[1], w.shape[0])
        with torch.no_grad():
            linear.weight.copy_(w)
            linear.bias.copy_(b)
        layers += [linear, torch.nn.Sigmoid()]
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.SGD(model.parameters(), lr=eta)

    def step(x, y):
        optimizer.zero_grad()
        loss = F.mse_loss(model(x), y, reduction="sum") / len(x)
        loss.backward()
        optimizer.step()

    return step, model


if __name__ == "__main__":
    main(make_peer)
