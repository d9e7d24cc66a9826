"""Train the task-style detector's learned model and write its weights into the package.

    python scripts/train_task_style.py            # train on every development statement, write the weights
    python scripts/train_task_style.py --check    # exit 1 if the shipped weights differ from a fresh training

Logistic regression over the features of ``okrcli.language.task_model.features``,
fitted by stochastic gradient descent with L2 regularisation. Deterministic: a fixed
seed orders the examples, features are sorted, weights are rounded, so the same data
gives the same file byte for byte. Only the development statements
(benchmarks/data/task_style/dev-*.csv) are read: never the held-out split.
"""

from __future__ import annotations

import argparse
import csv
import math
from collections import Counter
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from okrcli.language.task_model import WEIGHTS_FILE, LinearModel, features  # noqa: E402
from okrcli.language.task_opening import opening_of  # noqa: E402
from okrcli.language.task_signals import read_signals  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "task_style"
WEIGHTS = ROOT / "src" / "okrcli" / "language" / WEIGHTS_FILE
SEED = 12
EPOCHS = 30
LEARNING_RATE = 0.2
L2 = 0.002
MIN_WEIGHT = 0.01
"""Weights smaller than this are dropped: they change no decision and bloat the file."""
MIN_STATEMENTS = 2
"""A feature seen in fewer statements is left out: one sentence's words teach nothing general."""


def load_statements(paths: list[Path]) -> list[dict]:
    """The rows of the given CSV files, each with the file's name under "file"."""
    rows = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            rows += [dict(row, file=path.name) for row in csv.DictReader(handle)]
    return rows


def development_files() -> list[Path]:
    """benchmarks/data/task_style/dev-*.csv, in name order."""
    return sorted(DATA.glob("dev-*.csv"))


def title_features(title: str) -> list[str]:
    """The model's features of a title, as the detector computes them."""
    sig = read_signals(title)
    return sorted(set(features(sig, opening_of(sig))))


def train(rows: list[dict], seed: int = SEED) -> LinearModel:
    """A logistic regression fitted to the task/outcome rows (ambiguous rows are skipped)."""
    data = [(title_features(r["statement"]), 1.0 if r["label"] == "task" else 0.0) for r in rows if r["label"] != "ambiguous"]
    seen = Counter(f for found, _ in data for f in found)
    data = sorted(([f for f in found if seen[f] >= MIN_STATEMENTS], label) for found, label in data)
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(data)))
    rng = random.Random(seed)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = LEARNING_RATE / (1.0 + 0.2 * epoch)
        for i in order:
            found, label = data[i]
            score = bias + sum(weights.get(f, 0.0) for f in found)
            error = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score)))) - label
            bias -= rate * error
            for f in found:
                w = weights.get(f, 0.0)
                weights[f] = w - rate * (error + L2 * w)
    kept = {f: w for f, w in weights.items() if abs(w) >= MIN_WEIGHT}
    return LinearModel(bias, kept)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights instead of writing them")
    args = parser.parse_args()
    rows = load_statements(development_files())
    text = train(rows).to_json()
    if args.check:
        current = WEIGHTS.read_text(encoding="utf-8") if WEIGHTS.exists() else ""
        if current != text:
            print(f"{WEIGHTS.relative_to(ROOT)} is stale: run python scripts/train_task_style.py", file=sys.stderr)
            return 1
        print("shipped weights match a fresh training")
        return 0
    WEIGHTS.write_text(text, encoding="utf-8")
    print(f"trained on {len(rows)} statements; wrote {WEIGHTS.relative_to(ROOT)} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
