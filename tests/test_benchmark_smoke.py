"""CI runs the benchmark at N = 100 as a smoke check that it works; it asserts no timing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_runs_at_100_files(tmp_path):
    output = tmp_path / "performance.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/run.py"), "--sizes", "100", "--runs", "1", "--output", str(output), "--workdir", str(tmp_path / "work")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    text = output.read_text()
    for command in ("okr --version", "okr lint (nothing changed)", "okr checkin --no-input --commit", "check-jsonschema", "yamllint -d relaxed", "typer no-op command"):
        assert f"| {command} |" in text
    assert "## Budgets (ratios from the 100-file run)" in text


def test_committed_performance_doc_comes_from_the_runner():
    text = (ROOT / "docs/performance.md").read_text()
    assert text.startswith("# Performance") and "python benchmarks/run.py" in text
    assert "## 10,000 files" in text and "## Budgets (ratios from the 10,000-file run)" in text
