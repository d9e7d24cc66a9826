"""The kr-task-style detector on the labelled public key results (tests/data/kr_statements.csv)."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("task_style_eval", ROOT / "benchmarks" / "task_style_eval.py")
task_style_eval = importlib.util.module_from_spec(spec)
spec.loader.exec_module(task_style_eval)


def test_dataset_is_large_varied_and_sourced():
    with (ROOT / "tests/data/kr_statements.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 150
    assert len({r["domain"] for r in rows}) >= 10
    assert all(r["label"] in ("task", "outcome") and r["source"].strip() for r in rows)
    assert len({r["statement"] for r in rows}) == len(rows), "duplicate statements"


def test_precision_and_recall_meet_the_targets():
    rows = task_style_eval.load()
    overall = task_style_eval.evaluate(rows)
    held_out = task_style_eval.evaluate([r for r in rows if r["split"] == "held-out"])
    assert overall["precision"] >= 0.9 and overall["recall"] >= 0.85, overall
    assert held_out["precision"] >= 0.9 and held_out["recall"] >= 0.85, held_out


def test_docs_record_the_current_numbers():
    rows = task_style_eval.load()
    assert task_style_eval.table(rows) in (ROOT / "docs/lint.md").read_text(encoding="utf-8"), (
        "docs/lint.md is stale: run python benchmarks/task_style_eval.py --update-docs"
    )
