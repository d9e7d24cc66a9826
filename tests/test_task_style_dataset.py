"""The labelled task-style statements (benchmarks/data/task_style/) and the figures docs/lint.md shows.

The held-out split is read here only for counts and for checks that print no
statement: its rows are never shown, not even in an assertion message.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "task_style"
COLUMNS = ["statement", "label", "category", "style", "group"]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / ("benchmarks" if name.endswith("eval") else "scripts") / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


task_style_eval = _load("task_style_eval")
training = _load("train_task_style")


def _rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _taxonomy() -> set[str]:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([a-z-]+)` \|", readme, flags=re.MULTILINE)) - {"heldout.csv", "dev-*.csv"}


def test_every_file_has_the_documented_columns_and_values():
    categories = _taxonomy()
    assert len(categories) >= 19
    for path in sorted(DATA.glob("*.csv")):
        columns, rows = _rows(path)
        assert columns == COLUMNS, path.name
        bad = sum(1 for r in rows if r["label"] not in ("task", "outcome", "ambiguous") or r["category"] not in categories
                  or not r["statement"].strip() or not r["group"].strip() or not r["style"].strip())
        assert bad == 0, f"{path.name}: {bad} rows with a bad label, category or empty field"


def test_the_set_is_large_varied_and_has_no_duplicates():
    rows = [r for path in sorted(DATA.glob("*.csv")) for r in _rows(path)[1]]
    assert len(rows) >= 1200
    assert len({r["group"] for r in rows}) >= 20
    labels = Counter(r["label"] for r in rows)
    assert 0.30 <= labels["task"] / len(rows) <= 0.45, labels
    duplicates = len(rows) - len({r["statement"].strip().lower() for r in rows})
    assert duplicates == 0, f"{duplicates} statements appear twice"


def test_held_out_groups_are_not_development_groups():
    development = {r["group"] for path in training.development_files() for r in _rows(path)[1]}
    held_out = {r["group"] for r in _rows(DATA / "heldout.csv")[1]}
    assert held_out and not held_out & development, f"{len(held_out & development)} groups are in both"


def test_shipped_weights_are_a_fresh_training_on_the_development_statements():
    rows = training.load_statements(training.development_files())
    weights = ROOT / "src/okrcli/language" / training.WEIGHTS_FILE
    assert training.train(rows).to_json() == weights.read_text(encoding="utf-8"), (
        "stale weights: run python scripts/train_task_style.py"
    )


def test_cross_validation_meets_the_targets_and_docs_show_the_current_figures():
    rows = training.load_statements(training.development_files())
    cv = task_style_eval.score(rows, [f is not None for f in task_style_eval.cross_validate(rows)])
    assert cv["precision"] >= 0.93 and cv["recall"] >= 0.90, cv
    held_out = task_style_eval.measure_held_out(rows, log=False)
    assert task_style_eval.table(cv, held_out) in (ROOT / "docs/lint.md").read_text(encoding="utf-8"), (
        "docs/lint.md is stale: run python benchmarks/task_style_eval.py --update-docs"
    )


def test_wilson_interval():
    low, high = task_style_eval.wilson(90, 100)
    assert round(low, 3) == 0.826 and round(high, 3) == 0.945
    assert task_style_eval.wilson(0, 0) == (0.0, 1.0)
