"""The history benchmarks of ``python benchmarks/run.py --history``: lint's history rules, okr history.

On benchmarks/history_corpus.py's repository (50 teams over 8 quarters: 5,601 commits of
weekly check-ins, 400 files), measured round-robin like the other rows, and written into
docs/performance.md between the ``history-speed`` markers (the rest of the file is left
as it is).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from history_corpus import generate

BEGIN, END = "<!-- history-speed:begin -->", "<!-- history-speed:end -->"
REF = "team-049/objective-1/kr-1"
AS_OF = "2026-11-20"

BUDGETS = [
    ("okr lint with the history rules <= 2 x without them (cold)", "okr lint (cold)", "okr lint without the history rules (cold)", 2.0),
    ("okr lint nothing changed <= 0.2 x okr lint (cold)", "okr lint (nothing changed)", "okr lint (cold)", 0.2),
    ("okr history REF <= 3 x okr score REF (history not cached)", "okr history REF (cold)", "okr score REF", 3.0),
]


def bench_history(work: Path, runs: int, measure, row_type, okr: str) -> tuple[dict, int]:
    """The rows (name -> Row) and the corpus's commit count; ``measure`` and ``row_type`` come from run.py."""
    repo = work / "history-corpus"
    if repo.exists():
        shutil.rmtree(repo)
    commits = generate(repo)
    cache = work / "history-cache"
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "OKR_CACHE_DIR": str(cache)}
    lint = [okr, "lint", "--format", "concise", "--as-of", AS_OF]

    def cold():
        shutil.rmtree(cache, ignore_errors=True)

    jobs = [
        ("okr lint without the history rules (cold)", lint + ["--ignore", "target-moved,checkin-rewritten"], cold),
        ("okr lint (cold)", lint, cold),
        ("okr lint (nothing changed)", lint, None),
        ("okr score REF", [okr, "score", REF, "--period", "2026-Q4", "--as-of", AS_OF], None),
        ("okr history REF (cold)", [okr, "history", REF, "--period", "2026-Q4"], cold),
        ("okr history REF (history cached)", [okr, "history", REF, "--period", "2026-Q4"], None),
    ]
    rows = {name: row_type(name) for name, _, _ in jobs}
    for rep in range(max(runs, 3)):
        for name, args, before in jobs:
            if before:
                before()
            elapsed, peak, code = measure(args, repo, env)
            rows[name].times.append(elapsed)
            rows[name].peaks.append(peak)
            rows[name].codes.append(code)
        print(f"  history round {rep + 1} done", flush=True)
    return rows, commits


def render_history(rows: dict, commits: int, command: str) -> str:
    lines = [
        BEGIN,
        f"On a repository of {commits:,} commits of weekly check-ins (benchmarks/history_corpus.py: 50 teams over 8 "
        "quarters, 400 files of 9 key results, about one commit in a hundred moving a target or rewriting a check-in), "
        f"regenerated with `{command}`; REF is `{REF}`. Cold runs start without okr's caches.",
        "",
        "| command | median s | spread s | peak MB |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {row.name} | {row.median:.3f} | {row.spread} | {row.peak_mb:.0f} |" for row in rows.values()]
    lines += ["", "| budget | measured | limit | |", "|---|---:|---:|---|"]
    for label, top, bottom, limit in BUDGETS:
        value = rows[top].median / rows[bottom].median
        lines.append(f"| {label} | {value:.2f} | {limit} | {'met' if value <= limit else '**missed**'} |")
    lines.append(END)
    return "\n".join(lines)


def update_docs(path: Path, section: str) -> None:
    """Replace the history section of docs/performance.md, or add it at the end under its own heading."""
    text = path.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: section, text, flags=re.DOTALL)
    else:
        text = text.rstrip("\n") + "\n\n## History: lint's history rules and okr history\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")
