"""Average saved neural probabilities (one or more runs) with the CRF marginals and score.

python bench/ner_neural/mix.py dev probs_dev_lstm_s1.pkl [more.pkl ...]
"""

from __future__ import annotations

import pickle
import sys

from common import SCRATCH, decode_probs, load_split


def main() -> None:
    mode, names = sys.argv[1], sys.argv[2:]
    held = load_split("dev" if mode == "dev" else "test")
    crf = pickle.loads((SCRATCH / f"crf_marg_{mode}.pkl").read_bytes())["held"]
    runs = [pickle.loads((SCRATCH / n).read_bytes()) for n in names]
    nn_avg = [sum(r[i] for r in runs) / len(runs) for i in range(len(held))]
    print("crf alone", round(decode_probs(held, crf)[0].micro.f1, 4))
    for wgt in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0):
        mixed = [wgt * a + (1 - wgt) * b for a, b in zip(nn_avg, crf, strict=True)]
        rep = decode_probs(held, mixed)[0]
        m = rep.micro
        per = " ".join(f"{k}:{v.f1:.3f}" for k, v in rep.per_type.items())
        print(f"w_nn={wgt}: P {m.precision:.4f} R {m.recall:.4f} F1 {m.f1:.4f} | {per}")


if __name__ == "__main__":
    main()
