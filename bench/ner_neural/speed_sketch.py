"""Rough one-core speed of the neural parts in numpy (random weights, same shapes as the
trial models): BiLSTM 128 or dilated CNN 200 over 323-d token inputs, char CNN, over
25-sentence documents of 35 tokens. Excludes the CRF, tokenisation and features.
"""

from __future__ import annotations

import time

import numpy as np

rng = np.random.default_rng(0)
B, N, D, H, C = 25, 35, 323, 128, 20


def sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def lstm(x, w, u, b):  # x: B x N x D, padded batch, one direction
    xs = x @ w + b
    h = np.zeros((x.shape[0], H), np.float32)
    c = np.zeros_like(h)
    out = np.empty((x.shape[0], x.shape[1], H), np.float32)
    for t in range(x.shape[1]):
        z = xs[:, t] + h @ u
        i, f, g, o = (
            sig(z[:, :H]),
            sig(z[:, H : 2 * H]),
            np.tanh(z[:, 2 * H : 3 * H]),
            sig(z[:, 3 * H :]),
        )
        c = f * c + i * g
        h = o * np.tanh(c)
        out[:, t] = h
    return out


def char_cnn(ids, emb, w):  # ids: T x C
    e = emb[ids]  # T x C x 30
    pad = np.pad(e, ((0, 0), (1, 1), (0, 0)))
    win = np.concatenate([pad[:, :-2], pad[:, 1:-1], pad[:, 2:]], -1)  # T x C x 90
    return np.maximum(win @ w, 0).max(1)


def main() -> None:
    x = rng.standard_normal((B, N, D), dtype=np.float32)
    wf, uf = (
        rng.standard_normal((D, 4 * H), dtype=np.float32) * 0.05,
        rng.standard_normal((H, 4 * H), dtype=np.float32) * 0.05,
    )
    b = np.zeros(4 * H, np.float32)
    cemb = rng.standard_normal((100, 30), dtype=np.float32)
    cw = rng.standard_normal((90, 50), dtype=np.float32)
    ids = rng.integers(0, 100, (B * N, C))
    out_w = rng.standard_normal((2 * H, 9), dtype=np.float32)
    reps = 40
    t0 = time.perf_counter()
    for _ in range(reps):
        char_cnn(ids, cemb, cw)
        hf = lstm(x, wf, uf, b)
        hb = lstm(x[:, ::-1], wf, uf, b)[:, ::-1]
        np.concatenate([hf, hb], -1) @ out_w
    el = time.perf_counter() - t0
    print(f"numpy BiLSTM+charCNN: {reps * B * N / el:,.0f} tokens/s")
    hc = 200
    proj = rng.standard_normal((3 * D, hc), dtype=np.float32) * 0.05
    convs = [rng.standard_normal((3 * hc, hc), dtype=np.float32) * 0.05 for _ in range(4)]
    t0 = time.perf_counter()
    for _ in range(reps):
        char_cnn(ids, cemb, cw)
        for s in range(B):
            xs = x[s]
            p = np.pad(xs, ((1, 1), (0, 0)))
            h = np.maximum(np.concatenate([p[:-2], p[1:-1], p[2:]], 1) @ proj, 0)
            for d, w in zip((1, 2, 4, 1), convs, strict=True):
                p = np.pad(h, ((d, d), (0, 0)))
                h = h + np.maximum(np.concatenate([p[: -2 * d], p[d:-d], p[2 * d :]], 1) @ w, 0)
    el = time.perf_counter() - t0
    print(f"numpy ID-CNN+charCNN: {reps * B * N / el:,.0f} tokens/s")


if __name__ == "__main__":
    main()
