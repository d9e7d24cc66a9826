"""How fast the kr-task-style detector reads key-result titles, and what importing it costs.

    python benchmarks/task_style_speed.py                  # print titles per second and the import cost
    python benchmarks/task_style_speed.py --update-docs    # also rewrite the paragraph in docs/performance.md

Titles are the development statements (benchmarks/data/task_style/dev-*.csv), read in
turn until 100,000 have been judged; the figure is the best of 5 such runs in one process,
after one warm-up call that reads the model's weights. The import cost is the median of 5
fresh interpreters timing ``import okrcli.language.task_style``, which ``okr lint`` pays
at start-up (no weights are read then).
"""

from __future__ import annotations

import argparse
import csv
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from okrcli.language.task_style import task_style  # noqa: E402

DOCS = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- task-style-speed:begin -->", "<!-- task-style-speed:end -->"
TITLES = 100_000
RUNS = 5


def titles() -> list[str]:
    """The development statements, as key-result titles."""
    found = []
    for path in sorted((ROOT / "benchmarks" / "data" / "task_style").glob("dev-*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            found += [row["statement"] for row in csv.DictReader(handle)]
    return found


def titles_per_second(sample: list[str], count: int = TITLES, runs: int = RUNS) -> float:
    """The best rate over ``runs`` passes of ``count`` titles."""
    task_style(sample[0])
    work = (sample * (count // len(sample) + 1))[:count]
    best = 0.0
    for _ in range(runs):
        started = time.perf_counter()
        for title in work:
            task_style(title)
        best = max(best, count / (time.perf_counter() - started))
    return best


def import_milliseconds(runs: int = RUNS) -> float:
    """Median wall time of ``import okrcli.language.task_style`` in a fresh interpreter."""
    code = "import time; s = time.perf_counter(); import okrcli.language.task_style; print(time.perf_counter() - s)"
    env = {"PYTHONPATH": str(ROOT / "src")}
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout)
             for _ in range(runs)]
    return statistics.median(times) * 1000


def paragraph(rate: float, import_ms: float, count: int) -> str:
    """The docs/performance.md paragraph."""
    return (
        f"`kr-task-style` judges {rate:,.0f} key-result titles per second (best of {RUNS} runs of "
        f"{TITLES:,} titles, the {count:,} development statements in turn, one process, on "
        f"{platform.machine()} with Python {platform.python_version()}); importing the detector takes "
        f"{import_ms:.0f} ms and reads no weights, so `okr lint` starts as fast as before. "
        f"Regenerate with `python benchmarks/task_style_speed.py --update-docs`."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update-docs", action="store_true", help="rewrite the paragraph in docs/performance.md")
    args = parser.parse_args()
    sample = titles()
    rate = titles_per_second(sample)
    import_ms = import_milliseconds()
    text = paragraph(rate, import_ms, len(sample))
    print(text)
    if args.update_docs:
        docs = DOCS.read_text(encoding="utf-8")
        block = f"{BEGIN}\n{text}\n{END}"
        if BEGIN in docs:
            docs = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, docs, flags=re.DOTALL)
        else:
            docs = docs.rstrip("\n") + f"\n\n## Task-style detection\n\n{block}\n"
        DOCS.write_text(docs, encoding="utf-8")
        print(f"updated {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
