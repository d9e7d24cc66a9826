"""Benchmark okr against reference commands, side by side, and rewrite docs/performance.md.

    python benchmarks/run.py                       # N = 100, 1,000, 10,000 (about 25 minutes on 2 cores)
    python benchmarks/run.py --sizes 100 --runs 1  # the CI smoke run
    python benchmarks/run.py --full-references     # also run check-jsonschema and yamllint on all 10,000 files
    python benchmarks/run.py --history             # only the history rows (5,601 commits), into their own section

Every okr command and its references run in the same session on the same generated
files (benchmarks/corpus.py). Times are whole-process wall clock; memory is the peak
resident size of the whole process tree (okr's worker processes included), sampled
every 10 ms. check-jsonschema and yamllint take 120-150 ms per file here, so above
1,000 files they run on every 10th file and their time is scaled by 10 (both do per-file
work only, so they scale linearly; the 100 -> 1,000 rows show it), unless --full-references.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from corpus import generate  # noqa: E402

SAMPLE_ABOVE = 1000
AS_OF = "2026-11-20"


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(args: list[str], cwd: Path, env: dict) -> tuple[float, int, int]:
    """(seconds, peak tree RSS in bytes, exit code) of one run."""
    peak = [0]
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(process.pid))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    peak[0] = max(peak[0], usage.ru_maxrss * 1024)
    return elapsed, peak[0], os.waitstatus_to_exitcode(status)


@dataclass
class Row:
    name: str
    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    scale: float = 1.0
    note: str = ""
    codes: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times) * self.scale

    @property
    def spread(self) -> str:
        return f"{min(self.times) * self.scale:.3f}-{max(self.times) * self.scale:.3f}"

    @property
    def peak_mb(self) -> float:
        return max(self.peaks) / 2**20


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def bench_size(n: int, work: Path, runs: int, full_references: bool) -> dict[str, Row]:
    repo = work / f"corpus-{n}"
    if repo.exists():
        shutil.rmtree(repo)
    files = generate(repo, n)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@example.com",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "b@example.com"}
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "corpus")
    schema = work / "okr.schema.json"
    subprocess.run([str(BIN / "okr"), "schema", "-o", str(schema)], check=True)
    okr = str(BIN / "okr")
    target = files[-1]
    team = target.stem
    period = target.parent.name
    ref = f"{team}/objective-1/kr-1"
    sampled = files if (full_references or n <= SAMPLE_ABOVE) else files[::10]
    scale = len(files) / len(sampled)
    sample_dir = repo / "okrs" if sampled is files else work / f"sample-{n}"
    if sampled is not files:
        if sample_dir.exists():
            shutil.rmtree(sample_dir)
        for path in sampled:
            copy = sample_dir / path.parent.name / path.name
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
    rows: dict[str, Row] = {}
    cache_dir = work / f"cache-{n}"
    jobs: list[tuple] = []

    def run(name, args, times=runs, before=None, env_extra=None, row_scale=1.0, note=""):
        rows[name] = Row(name, scale=row_scale, note=note)
        jobs.append((name, args, times, before, env_extra))

    fast = max(runs, 5)
    run("python -c pass", [sys.executable, "-c", "pass"], fast)
    run("typer no-op command", [sys.executable, str(ROOT / "benchmarks/typer_noop.py"), "noop"], fast)
    run("okr --version", [okr, "--version"], fast)
    run("okr --help", [okr, "--help"], fast)

    def cold(i):
        shutil.rmtree(cache_dir, ignore_errors=True)

    run("okr validate", [okr, "validate", "--format", "concise"], before=cold, env_extra={"OKR_CACHE_DIR": str(cache_dir)})
    run("okr lint", [okr, "lint", "--format", "concise", "--as-of", AS_OF], before=cold, env_extra={"OKR_CACHE_DIR": str(cache_dir)})
    # right after each cold `okr lint` in every round, so the cache it wrote is warm
    run("okr lint (nothing changed)", [okr, "lint", "--format", "concise", "--as-of", AS_OF], fast, env_extra={"OKR_CACHE_DIR": str(cache_dir)})
    run("okr score --format json", [okr, "score", "--format", "json", "--period", period, "--as-of", AS_OF])
    run("okr report --format json", [okr, "report", "--format", "json", "--period", period, "--as-of", AS_OF])

    def reset(i):
        git(repo, "checkout", "--", ".")

    month = f"{period[:4]}-{int(period[-1]) * 3:02d}"  # the last month of the quarter, after every generated check-in
    run("okr checkin --no-input", [okr, "checkin", ref, "--value", "12", "--date", f"{month}-30", "--no-input"], fast, before=reset)
    run("okr checkin --no-input --commit",
        lambda i: [okr, "checkin", ref, "--value", "12", "--date", f"{month}-{23 + i:02d}", "--no-input", "--commit"],
        fast, before=reset)
    touched = repo / "okr.toml"

    def change(i):
        with touched.open("a") as handle:
            handle.write(f"# bench {i}\n")

    run("git commit (one file)", ["git", "commit", "-q", "-m", "bench", "--", "okr.toml"], fast, before=change)
    note = "" if sampled is files else f"every 10th file, x{scale:g}"
    sample_args = [str(p) for p in sampled] if sampled is files else [str(p) for p in sorted(sample_dir.rglob("*.yaml"))]
    ref_runs = runs if n <= SAMPLE_ABOVE and n <= 100 else 1
    run("check-jsonschema", [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *sample_args], ref_runs, row_scale=scale, note=note)
    run("yamllint -d relaxed", [str(BIN / "yamllint"), "-d", "relaxed", str(sample_dir)], ref_runs, row_scale=scale, note=note)

    for rep in range(max(times for _, _, times, _, _ in jobs)):
        for name, args, times, before, env_extra in jobs:
            if rep >= times:
                continue
            if before:
                before(rep)
            elapsed, peak, code = measure(args(rep) if callable(args) else args, repo, {**env, **(env_extra or {})})
            row = rows[name]
            row.times.append(elapsed)
            row.peaks.append(peak)
            row.codes.append(code)
        print(f"  N={n:>6} round {rep + 1} done", flush=True)
    for row in rows.values():
        print(f"  N={n:>6} {row.name:<34} median {row.median:8.3f}s  peak {row.peak_mb:7.1f} MB", flush=True)
    return rows


BUDGETS = [
    ("okr --version <= 1.3 x typer no-op command", lambda r: r["okr --version"].median / r["typer no-op command"].median, 1.3),
    ("okr --help <= 1.3 x typer no-op command", lambda r: r["okr --help"].median / r["typer no-op command"].median, 1.3),
    ("okr checkin <= 2 x okr --version", lambda r: r["okr checkin --no-input"].median / r["okr --version"].median, 2.0),
    ("checkin --commit adds <= 1.5 x git commit", lambda r: (r["okr checkin --no-input --commit"].median - r["okr checkin --no-input"].median) / r["git commit (one file)"].median, 1.5),
    ("okr lint <= 0.5 x check-jsonschema", lambda r: r["okr lint"].median / r["check-jsonschema"].median, 0.5),
    ("okr lint nothing changed <= 0.2 x okr lint", lambda r: r["okr lint (nothing changed)"].median / r["okr lint"].median, 0.2),
    ("okr score <= 1.2 x okr lint", lambda r: r["okr score --format json"].median / r["okr lint"].median, 1.2),
    ("okr report <= 1.2 x okr lint", lambda r: r["okr report --format json"].median / r["okr lint"].median, 1.2),
]


def render(results: dict[int, dict[str, Row]], runs: int, command: str) -> str:
    import typer

    from okrcli import __version__

    sizes = sorted(results)
    lines = [
        "# Performance",
        "",
        f"Regenerate with `{command}`; every number below comes from that command "
        "(benchmarks/run.py). Times are whole-process wall-clock medians with the spread (min-max) "
        f"over the runs ({runs} for okr's repository-wide commands, at least 5 for the quick ones); "
        "memory is the peak resident size of the whole process tree, okr's workers included. "
        "The machine is a shared VM whose CPU time is partly stolen (the same loop varies up to 2x "
        "from minute to minute), so commands are measured round-robin: every round runs each command "
        "once, and compared commands see the same conditions.",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
        f"okr {__version__}, Typer {typer.__version__}; measured {date.today()}.",
        "",
        "The corpus (benchmarks/corpus.py) is deterministic: team files over eight quarters, 3-4 objectives of 3-4 key "
        "results with 6-12 check-ins each, comments and notes, about 13 KB per file. check-jsonschema and yamllint "
        "spend 120-150 ms per file here; above 1,000 files they run on every 10th file and are scaled by 10 "
        "(marked), which is sound because both only do per-file work (compare their 100 and 1,000 rows).",
        "",
    ]
    for n in sizes:
        rows = results[n]
        lines += [f"## {n:,} files", "", "| command | median s | spread s | peak MB | note |", "|---|---:|---:|---:|---|"]
        for row in rows.values():
            lines.append(f"| {row.name} | {row.median:.3f} | {row.spread} | {row.peak_mb:.0f} | {row.note} |")
        lines.append("")
    largest = results[sizes[-1]]
    lines += [f"## Budgets (ratios from the {sizes[-1]:,}-file run)", "", "| budget | measured | limit | |", "|---|---:|---:|---|"]
    for label, ratio, limit in BUDGETS:
        value = ratio(largest)
        lines.append(f"| {label} | {value:.2f} | {limit} | {'met' if value <= limit else '**missed**'} |")
    peak = largest["okr lint"].peak_mb
    lines.append(f"| okr lint peak memory <= 500 MB | {peak:.0f} MB | 500 MB | {'met' if peak <= 500 else '**missed**'} |")
    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        growth = largest["okr lint"].median / results[a]["okr lint"].median
        limit = 1.1 * b / a
        lines.append(f"| okr lint linear: {b:,} files <= {limit:g} x {a:,} files | {growth:.2f} | {limit:g} | {'met' if growth <= limit else '**missed**'} |")
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--full-references", action="store_true")
    parser.add_argument("--history", action="store_true", help="only the history benchmarks (benchmarks/history_bench.py)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="okr-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    from history_bench import bench_history, render_history, update_docs

    if args.history:
        rows, commits = bench_history(work, args.runs, measure, Row, str(BIN / "okr"))
        update_docs(args.output, render_history(rows, commits, "python benchmarks/run.py --history"))
        print(f"wrote the history section of {args.output}")
        return 0 if all(code in (0, 1) for row in rows.values() for code in row.codes) else 1
    kept = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    results = {}
    for n in sizes:
        print(f"N = {n:,}", flush=True)
        results[n] = bench_size(n, work, args.runs, args.full_references)
    command = "python benchmarks/run.py" + ("" if args.sizes == "100,1000,10000" else f" --sizes {args.sizes}") + ("" if args.runs == 3 else f" --runs {args.runs}")
    # sections regenerated by their own commands (task-style speed, history) sit between
    # <!-- NAME:begin/end --> markers after the tables: keep them as they are
    own = re.search(r"\n## [^\n]*\n\n<!-- [a-z-]+:begin -->", kept)
    tail = kept[own.start():] if own else ""
    args.output.write_text(render(results, args.runs, command).rstrip("\n") + "\n" + tail, encoding="utf-8")
    print(f"wrote {args.output}")
    failed = [f"{name} exited {set(row.codes)}" for rows in results.values() for name, row in rows.items()
              if (name.startswith("okr checkin") or name.startswith("okr --")) and any(c != 0 for c in row.codes)
              or name.startswith("okr") and any(c not in (0, 1) for c in row.codes)]
    if failed:
        print("commands failed:\n  " + "\n  ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
