"""numpy peer: `python numpy_peer.py <shared dir> f64|f32`. The batched matrix form of backprop: one row per
example, so a layer's weighted sums for the whole minibatch are Z = A W^T + b. The quadratic cost is
C = Σ (a − y)² with no ½, so δ^L = 2 (a − y) ⊙ σ'(z^L), and σ'(z) = a (1 − a)."""
from types import SimpleNamespace

import numpy as np

from common import load_shared, main

np.seterr(over="ignore")  # exp(−z) overflows to inf for very negative z, and 1 / (1 + inf) = 0 is right


def sigmoid_(z):
    """σ(z) = 1 / (1 + e^−z), in place."""
    np.negative(z, out=z)
    np.exp(z, out=z)
    z += 1
    return np.reciprocal(z, out=z)


def make_peer(directory, variant):
    dtype = {"f64": np.float64, "f32": np.float32}[variant]
    shared = load_shared(directory, dtype)

    def make_trainer(batch_size, initial=None, eta=None):
        eta = eta or shared.eta
        start_weights, start_biases = initial or (shared.weights, shared.biases)
        weights = [w.astype(dtype) for w in start_weights]
        biases = [b.astype(dtype) for b in start_biases]

        def forward(x):
            activations = [x]
            for w, b in zip(weights, biases):
                z = activations[-1] @ w.T
                z += b
                activations.append(sigmoid_(z))
            return activations

        def step(x, y):
            rate = eta / len(x)
            activations = forward(x)
            a = activations[-1]
            delta = 2 * (a - y) * a * (1 - a)  # BP1
            for l in reversed(range(len(weights))):
                a_prev = activations[l]
                step_delta = rate * delta  # scaling the small δ rather than the large ∇w saves a pass
                nabla_w = step_delta.T @ a_prev  # BP4, summed over the minibatch (times the rate)
                nabla_b = step_delta.sum(axis=0)  # BP3
                if l > 0:
                    delta = (delta @ weights[l]) * a_prev * (1 - a_prev)  # BP2, with the weights before the step
                weights[l] -= nabla_w
                biases[l] -= nabla_b

        def epoch(order):
            for start in range(0, len(order), batch_size):
                indices = order[start:start + batch_size]
                step(shared.train_x[indices], shared.train_y[indices])

        def accuracy():
            return np.mean(forward(shared.test_x)[-1].argmax(axis=1) == shared.test_labels)

        return SimpleNamespace(epoch=epoch, accuracy=accuracy)

    return shared, f"numpy {np.__version__}", make_trainer


if __name__ == "__main__":
    main(make_peer)
