"""The speed benchmark for kr-task-style runs (CI asserts no timing: the figure is in docs/performance.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("task_style_speed", ROOT / "benchmarks" / "task_style_speed.py")
task_style_speed = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(task_style_speed)


def test_the_speed_benchmark_measures_and_words_its_paragraph():
    sample = task_style_speed.titles()
    assert len(sample) > 1000
    rate = task_style_speed.titles_per_second(sample, count=2000, runs=1)
    text = task_style_speed.paragraph(rate, 12.0, len(sample))
    assert rate > 0 and "titles per second" in text and "task_style_speed.py --update-docs" in text


def test_performance_doc_has_the_figure():
    text = (ROOT / "docs/performance.md").read_text(encoding="utf-8")
    assert task_style_speed.BEGIN in text and "key-result titles per second" in text
