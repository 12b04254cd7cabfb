"""Small neural tagger trial (torch, CPU, one thread).

Per token: word2vec embedding of the clitic-stripped stem and of the whole word, a
character CNN over the stem, a bag of the CRF's own sparse features (the token's own
feature strings: affixes, shape, clusters, gazetteer, cues), optionally the 9 CRF
marginals (out-of-fold on the training part). Encoder: BiLSTM or iterated dilated CNN;
softmax output; decoding by BIO-constrained Viterbi, then the project's consistency.

    python bench/ner_neural/train_nn.py --mode dev --encoder lstm [--crf] [--seed 1]
"""

from __future__ import annotations

import argparse
import pickle
import random
import time

import numpy as np
import torch
from common import LABEL_ID, SCRATCH, decode_probs, load_split
from torch import nn

from rasid.arabic.normalize import normalize

torch.set_num_threads(1)
NEIGHBOUR = ("-2:", "-1:", "1:", "2:")
MAX_CHARS = 20


def token_keys(tok) -> tuple[str, str]:
    norm = normalize(tok.text)
    if tok.kind != "word":
        return norm, norm
    return (normalize(tok.stem) or norm), norm


class Vocab:
    def __init__(self, train: list[dict], words: list[str], min_feat: int = 2):
        self.word = {w: i + 2 for i, w in enumerate(words)}  # 0 pad, 1 unk
        chars: dict[str, int] = {}
        feats: dict[str, int] = {}
        for d in train:
            for tok, f in zip(d["split"].pieces, d["feats"], strict=True):
                for c in token_keys(tok)[0][:MAX_CHARS]:
                    chars[c] = chars.get(c, 0) + 1
                for s in f:
                    if not s.startswith(NEIGHBOUR):
                        feats[s] = feats.get(s, 0) + 1
        self.char = {c: i + 2 for i, c in enumerate(sorted(c for c, n in chars.items() if n >= 2))}
        self.feat = {
            s: i + 1 for i, s in enumerate(sorted(s for s, n in feats.items() if n >= min_feat))
        }

    def encode(self, d: dict) -> dict:
        pieces = d["split"].pieces
        n = len(pieces)
        wid = np.zeros((n, 2), dtype=np.int64)
        cid = np.zeros((n, MAX_CHARS), dtype=np.int64)
        fid = []
        for t, (tok, f) in enumerate(zip(pieces, d["feats"], strict=True)):
            stem, whole = token_keys(tok)
            wid[t] = [self.word.get(stem, 1), self.word.get(whole, 1)]
            for k, c in enumerate(stem[:MAX_CHARS]):
                cid[t, k] = self.char.get(c, 1)
            fid.append([self.feat[s] for s in f if s in self.feat])
        width = max((len(x) for x in fid), default=1) or 1
        fmat = np.zeros((n, width), dtype=np.int64)
        for t, x in enumerate(fid):
            fmat[t, : len(x)] = x
        y = np.array([LABEL_ID[t] for t in d["tags"]], dtype=np.int64)
        return {"w": wid, "c": cid, "f": fmat, "y": y, "n": n}


class Tagger(nn.Module):
    def __init__(self, vectors, n_chars, n_feats, args):
        super().__init__()
        dim = vectors.shape[1]
        emb = np.zeros((vectors.shape[0] + 2, dim), dtype=np.float32)
        emb[2:] = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-6)
        self.word = nn.Embedding.from_pretrained(
            torch.tensor(emb), freeze=args.freeze, padding_idx=0
        )
        self.char = nn.Embedding(n_chars + 2, 30, padding_idx=0)
        self.char_cnn = nn.Conv1d(30, 50, 3, padding=1)
        self.feat = nn.EmbeddingBag(n_feats + 1, args.feat_dim, mode="sum", padding_idx=0)
        in_dim = 2 * dim + 50 + args.feat_dim + (9 if args.crf else 0)
        self.drop = nn.Dropout(args.dropout)
        self.encoder = args.encoder
        h = args.hidden
        if args.encoder == "lstm":
            self.rnn = nn.LSTM(in_dim, h, batch_first=True, bidirectional=True)
            out_dim = 2 * h
        else:
            self.proj = nn.Conv1d(in_dim, h, 3, padding=1)
            self.convs = nn.ModuleList(
                [nn.Conv1d(h, h, 3, padding=d, dilation=d) for d in (1, 2, 4, 1)]
            )
            out_dim = h
        self.out = nn.Linear(out_dim, 9)

    def forward(self, w, c, f, m, lengths):
        b, n = w.shape[:2]
        we = self.word(w).reshape(b, n, -1)
        ce = self.char(c.reshape(b * n, -1)).transpose(1, 2)
        ce = torch.relu(self.char_cnn(ce)).max(2).values.reshape(b, n, -1)
        fe = self.feat(f.reshape(b * n, -1)).reshape(b, n, -1)
        parts = [we, ce, fe] + ([m] if m is not None else [])
        x = self.drop(torch.cat(parts, -1))
        if self.encoder == "lstm":
            packed = nn.utils.rnn.pack_padded_sequence(
                x, lengths, batch_first=True, enforce_sorted=False
            )
            hdn, _ = self.rnn(packed)
            hdn, _ = nn.utils.rnn.pad_packed_sequence(hdn, batch_first=True, total_length=n)
        else:
            hdn = torch.relu(self.proj(x.transpose(1, 2)))
            for conv in self.convs:
                hdn = hdn + torch.relu(conv(self.drop(hdn)))
            hdn = hdn.transpose(1, 2)
        return self.out(self.drop(hdn))


def batchify(items, margs):
    n = max(it["n"] for it in items)
    b = len(items)
    fw = max(it["f"].shape[1] for it in items)
    w = np.zeros((b, n, 2), np.int64)
    c = np.zeros((b, n, MAX_CHARS), np.int64)
    f = np.zeros((b, n, fw), np.int64)
    y = np.full((b, n), -100, np.int64)
    m = np.zeros((b, n, 9), np.float32) if margs is not None else None
    for i, it in enumerate(items):
        k = it["n"]
        w[i, :k], c[i, :k], f[i, :k, : it["f"].shape[1]], y[i, :k] = (
            it["w"],
            it["c"],
            it["f"],
            it["y"],
        )
        if margs is not None:
            m[i, :k] = margs[i]
    t = torch.from_numpy
    return t(w), t(c), t(f), (t(m) if m is not None else None), t(y), [it["n"] for it in items]


def predict(model, enc, margs, bs=64):
    model.eval()
    out = []
    with torch.no_grad():
        for at in range(0, len(enc), bs):
            items = enc[at : at + bs]
            ms = margs[at : at + bs] if margs is not None else None
            w, c, f, m, _, lens = batchify(items, ms)
            p = torch.softmax(model(w, c, f, m, lens), -1).numpy()
            out += [p[i, : lens[i]] for i in range(len(items))]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", default="dev")
    ap.add_argument("--encoder", default="lstm")
    ap.add_argument("--crf", action="store_true")
    ap.add_argument("--freeze", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--feat_dim", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--w2v", default="cbow")
    ap.add_argument("--tag", default="")
    args = ap.parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    train = load_split("dev_train" if args.mode == "dev" else "train")
    held = load_split("dev" if args.mode == "dev" else "test")
    words = (SCRATCH / f"w2v_{args.w2v}.txt").read_text(encoding="utf-8").split("\n")
    vectors = np.load(SCRATCH / f"w2v_{args.w2v}.npy")
    vocab = Vocab(train, words)
    tr_enc = [vocab.encode(d) for d in train if d["feats"]]
    keep = [i for i, d in enumerate(train) if d["feats"]]
    he_enc = [vocab.encode(d) if d["feats"] else None for d in held]
    hkeep = [i for i, e in enumerate(he_enc) if e is not None]
    he_enc = [he_enc[i] for i in hkeep]
    crf_path = SCRATCH / f"crf_marg_{args.mode}.pkl"
    crf = pickle.loads(crf_path.read_bytes()) if crf_path.exists() else None
    tr_m = [crf["oof"][i] for i in keep] if args.crf else None
    he_m = [crf["held"][i] for i in hkeep] if args.crf else None
    crf_held = crf["held"] if crf else None

    model = Tagger(vectors, len(vocab.char), len(vocab.feat), args)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    order = list(range(len(tr_enc)))
    t0 = time.perf_counter()
    log = []
    for epoch in range(1, args.epochs + 1):
        model.train()
        random.shuffle(order)
        total = 0.0
        for at in range(0, len(order), args.batch):
            idx = order[at : at + args.batch]
            ms = [tr_m[i] for i in idx] if tr_m is not None else None
            w, c, f, m, y, lens = batchify([tr_enc[i] for i in idx], ms)
            logits = model(w, c, f, m, lens)
            loss = loss_fn(logits.reshape(-1, 9), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item()
        probs = predict(model, he_enc, he_m)
        full = [np.zeros((0, 9), np.float32)] * len(held)
        for i, p in zip(hkeep, probs, strict=True):
            full[i] = p
        nn_f1 = decode_probs(held, full)[0].micro.f1
        mix = {}
        for wgt in (0.3, 0.5, 0.7) if crf_held else ():
            mixed = [
                wgt * a + (1 - wgt) * b if len(a) else a
                for a, b in zip(full, crf_held, strict=True)
            ]
            mix[wgt] = decode_probs(held, mixed)[0].micro.f1
        el = time.perf_counter() - t0
        mix_s = " ".join(f"{k}:{v:.4f}" for k, v in mix.items())
        print(f"ep {epoch} loss {total:.1f} nn {nn_f1:.4f} mix {mix_s} [{el:.0f}s]", flush=True)
        log.append((epoch, nn_f1, mix))
        if epoch == args.epochs:
            name = f"{args.mode}_{args.encoder}{'_crf' if args.crf else ''}_s{args.seed}{args.tag}"
            (SCRATCH / f"probs_{name}.pkl").write_bytes(pickle.dumps(full))
            torch.save(model.state_dict(), SCRATCH / f"model_{name}.pt")
            pickle.dump(vocab, open(SCRATCH / f"vocab_{name}.pkl", "wb"))


if __name__ == "__main__":
    main()
