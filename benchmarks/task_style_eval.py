"""Measure the kr-task-style detector on the labelled set in tests/data/kr_statements.csv.

    python benchmarks/task_style_eval.py            # print precision, recall and the errors
    python benchmarks/task_style_eval.py --update-docs   # also rewrite the table in docs/lint.md

"Positive" means labelled task (activity or output). The set is split in two by a hash of
each statement: "dev" statements may be looked at while tuning the word lists, "held-out"
ones should not; both are reported so that overfitting shows.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from okrcli.language.quality import task_style  # noqa: E402

DATA = ROOT / "tests" / "data" / "kr_statements.csv"
DOCS = ROOT / "docs" / "lint.md"
BEGIN, END = "<!-- task-style-eval:begin -->", "<!-- task-style-eval:end -->"


def split_of(statement: str) -> str:
    return "held-out" if int(hashlib.sha1(statement.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def evaluate(rows: list[dict]) -> dict:
    tp = sum(1 for r in rows if r["predicted"] and r["label"] == "task")
    fp = sum(1 for r in rows if r["predicted"] and r["label"] != "task")
    fn = sum(1 for r in rows if not r["predicted"] and r["label"] == "task")
    tn = len(rows) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"n": len(rows), "tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": precision, "recall": recall}


def load() -> list[dict]:
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["predicted"] = task_style(row["statement"]) is not None
        row["split"] = split_of(row["statement"])
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| set | statements | tasks | precision | recall | false positives | false negatives |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, subset in (("all", rows), ("dev", [r for r in rows if r["split"] == "dev"]), ("held-out", [r for r in rows if r["split"] == "held-out"])):
        m = evaluate(subset)
        tasks = m["tp"] + m["fn"]
        lines.append(f"| {name} | {m['n']} | {tasks} | {m['precision']:.3f} | {m['recall']:.3f} | {m['fp']} | {m['fn']} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update-docs", action="store_true", help="rewrite the results table in docs/lint.md")
    args = parser.parse_args()
    rows = load()
    domains = len({r["domain"] for r in rows})
    print(f"{len(rows)} labelled key results from {len({r['source'] for r in rows})} sources in {domains} domains\n")
    result = table(rows)
    print(result)
    print("\nfalse positives (flagged, labelled outcome):")
    for r in rows:
        if r["predicted"] and r["label"] != "task":
            print(f"  [{r['split']}] {r['statement']}")
    print("false negatives (missed, labelled task):")
    for r in rows:
        if not r["predicted"] and r["label"] == "task":
            print(f"  [{r['split']}] {r['statement']}")
    if args.update_docs:
        text = DOCS.read_text(encoding="utf-8")
        block = f"{BEGIN}\n{result}\n{END}"
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text, flags=re.DOTALL)
        DOCS.write_text(text, encoding="utf-8")
        print(f"\nupdated {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
