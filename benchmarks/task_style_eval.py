"""Measure the kr-task-style detector: grouped cross-validation on the development statements, and the frozen held-out split.

    python benchmarks/task_style_eval.py                 # figures, per-category recall, the development errors
    python benchmarks/task_style_eval.py --update-docs   # also rewrite the figures in docs/lint.md
    python benchmarks/task_style_eval.py --dev-only      # while tuning: leave the held-out split alone

"Positive" means labelled task. Ambiguous statements are left out of precision and
recall and counted. Intervals are 95% Wilson score intervals.

- Grouped cross-validation: the development statements (benchmarks/data/task_style/dev-*.csv)
  are split by their `group` (a domain); each group in turn is evaluated by a model
  retrained on the other groups only (scripts/train_task_style.py). The rules and vetoes
  are fixed code, the same in every fold.
- Held-out: benchmarks/data/task_style/heldout.csv, with the model trained on all the
  development statements. Only aggregate figures are printed, never a statement, and
  each new version of the detector is recorded once in heldout-log.jsonl.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import math
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from okrcli.language.task_style import detect  # noqa: E402

_spec = importlib.util.spec_from_file_location("train_task_style", ROOT / "scripts" / "train_task_style.py")
training = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(training)

DATA = ROOT / "benchmarks" / "data" / "task_style"
HELD_OUT = DATA / "heldout.csv"
HELD_OUT_LOG = DATA / "heldout-log.jsonl"
DOCS = ROOT / "docs" / "lint.md"
BEGIN, END = "<!-- task-style-eval:begin -->", "<!-- task-style-eval:end -->"
Z = 1.959964


def wilson(successes: int, trials: int) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion."""
    if not trials:
        return 0.0, 1.0
    p = successes / trials
    centre = (p + Z * Z / (2 * trials)) / (1 + Z * Z / trials)
    half = Z * math.sqrt(p * (1 - p) / trials + Z * Z / (4 * trials * trials)) / (1 + Z * Z / trials)
    return max(0.0, centre - half), min(1.0, centre + half)


def score(rows: list[dict], flagged: list[bool]) -> dict:
    """Counts, precision and recall with intervals; ambiguous rows counted apart."""
    counts = Counter()
    for row, hit in zip(rows, flagged):
        if row["label"] == "ambiguous":
            counts["ambiguous"] += 1
        else:
            counts[("t" if hit == (row["label"] == "task") else "f") + ("p" if hit else "n")] += 1
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {
        "statements": len(rows), "groups": len({r["group"] for r in rows}), "tasks": tp + fn,
        "ambiguous": counts["ambiguous"], "tp": tp, "fp": fp, "fn": fn, "tn": counts["tn"],
        "precision": tp / (tp + fp) if tp + fp else 1.0, "precision_ci": wilson(tp, tp + fp),
        "recall": tp / (tp + fn) if tp + fn else 1.0, "recall_ci": wilson(tp, tp + fn),
    }


def predict(rows: list[dict], model) -> list:
    """The detector's finding (or None) for each row, with ``model`` as its learned part."""
    return [detect(r["statement"], None, None, frozenset(), frozenset(), lambda: model) for r in rows]


def cross_validate(rows: list[dict]) -> list:
    """Leave one group out: each group's findings come from a model trained on the other groups."""
    findings = [None] * len(rows)
    for group in sorted({r["group"] for r in rows}):
        model = training.train([r for r in rows if r["group"] != group])
        inside = [i for i, r in enumerate(rows) if r["group"] == group]
        for i, finding in zip(inside, predict([rows[i] for i in inside], model)):
            findings[i] = finding
    return findings


def detector_fingerprint() -> str:
    """A hash of the detector's code and weights: a new value is a new detector."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "okrcli" / "language").glob("task_*")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def measure_held_out(dev_rows: list[dict], log: bool = True) -> dict | None:
    """Aggregate figures on the frozen held-out split (model trained on all development rows).

    With ``log``, a detector measured for the first time is recorded in heldout-log.jsonl.
    """
    if not HELD_OUT.exists():
        return None
    rows = training.load_statements([HELD_OUT])
    figures = score(rows, [f is not None for f in predict(rows, training.train(dev_rows))])
    if log:
        record(figures)
    return figures


def record(figures: dict) -> None:
    """Append the held-out figures of this detector to the log, once per detector version."""
    fingerprint = detector_fingerprint()
    seen = HELD_OUT_LOG.read_text(encoding="utf-8").splitlines() if HELD_OUT_LOG.exists() else []
    if any(json.loads(line)["detector"] == fingerprint for line in seen if line.strip()):
        return
    keep = {k: (round(v, 4) if isinstance(v, float) else [round(x, 4) for x in v] if isinstance(v, tuple) else v) for k, v in figures.items()}
    with HELD_OUT_LOG.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"detector": fingerprint, "date": date.today().isoformat(), **keep}, sort_keys=True) + "\n")


def _cell(value: float, interval: tuple[float, float]) -> str:
    return f"{value:.3f} ({interval[0]:.3f}–{interval[1]:.3f})"


def table(cv: dict, held_out: dict | None) -> str:
    """The figures as the Markdown table docs/lint.md shows."""
    lines = [
        "| measured on | statements | groups | tasks | ambiguous (left out) | precision (95% CI) | recall (95% CI) | false positives | false negatives |",
        "|---|---:|---:|---:|---:|---|---|---:|---:|",
    ]
    for name, m in (("development, grouped cross-validation (leave one group out)", cv), ("frozen held-out split", held_out)):
        if m:
            lines.append(
                f"| {name} | {m['statements']} | {m['groups']} | {m['tasks']} | {m['ambiguous']} | "
                f"{_cell(m['precision'], m['precision_ci'])} | {_cell(m['recall'], m['recall_ci'])} | {m['fp']} | {m['fn']} |"
            )
    return "\n".join(lines)


def per_category(rows: list[dict], flagged: list[bool]) -> list[str]:
    """Recall for each task category and the flag rate for each outcome category."""
    lines = []
    for label, word in (("task", "recall"), ("outcome", "flagged")):
        for category in sorted({r["category"] for r in rows if r["label"] == label}):
            hits = [f for r, f in zip(rows, flagged) if r["label"] == label and r["category"] == category]
            lines.append(f"  {label:8} {category:20} {word} {sum(hits):3}/{len(hits):<3} = {sum(hits) / len(hits):.2f}")
    return lines


def update_docs(block: str) -> None:
    """Rewrite the figures between the markers in docs/lint.md."""
    text = DOCS.read_text(encoding="utf-8")
    if BEGIN not in text:
        raise SystemExit(f"{DOCS.relative_to(ROOT)} has no {BEGIN} marker")
    text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: f"{BEGIN}\n{block}\n{END}", text, flags=re.DOTALL)
    DOCS.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update-docs", action="store_true", help="rewrite the figures in docs/lint.md")
    parser.add_argument("--dev-only", action="store_true", help="skip the held-out split (use this while tuning)")
    args = parser.parse_args()
    if args.update_docs and args.dev_only:
        parser.error("--update-docs needs the held-out figures: drop --dev-only")
    rows = training.load_statements(training.development_files())
    findings = cross_validate(rows)
    flagged = [f is not None for f in findings]
    cv = score(rows, flagged)
    held_out = None if args.dev_only else measure_held_out(rows)
    result = table(cv, held_out)
    print(result)
    if held_out is None and not args.dev_only:
        print(f"\n(no held-out split yet: {HELD_OUT.relative_to(ROOT)} is missing)")
    print("\nper category, development cross-validation:")
    print("\n".join(per_category(rows, flagged)))
    print("\ndevelopment errors (cross-validation):")
    for kind, wanted in (("false positive", "outcome"), ("false negative", "task")):
        for row, finding in zip(rows, findings):
            if row["label"] == wanted and (finding is not None) == (wanted == "outcome"):
                how = f"{finding.decided_by}:{finding.category}" if finding else ""
                print(f"  {kind}  [{row['group']}/{row['category']}] {row['statement']}  {how}")
    if args.update_docs:
        update_docs(result)
        print(f"\nupdated {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
