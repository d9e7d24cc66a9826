"""A deterministic OKR repository with years of weekly check-in commits, for the history benchmarks.

    python benchmarks/history_corpus.py DIR [TEAMS] [QUARTERS]

Every team has one file per quarter (3 objectives of 3 key results, block style); every week
of every quarter each team commits one check-in per key result, as ``okr checkin --commit``
would (lines added, nothing else touched). About one commit in a hundred moves a target or
rewrites a check-in, so the history rules have something to find. Written with
``git fast-import``: 50 teams over 8 quarters are 5,601 commits in a few seconds. Commits
are dated on their week (GIT author and committer dates), so a quarter's plan is committed
before it starts.
"""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

METRICS = [("p95 latency", "ms", 400, 200), ("activation rate", "%", 30, 45), ("churn", "%", 6, 4), ("NPS", "points", 30, 45),
           ("close time", "days", 8, 5), ("pipeline", "USD", 2000000, 3000000), ("time to hire", "days", 50, 35)]


def quarters(count: int) -> list[tuple[str, date]]:
    found, year, q = [], 2025, 1
    for _ in range(count):
        found.append((f"{year}-Q{q}", date(year, 3 * (q - 1) + 1, 1)))
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return found


def render(team: str, period: str, krs: list[dict]) -> str:
    lines = [f"# {team} OKRs for {period} (generated history corpus)", f"team: {team}", f"period: {period}", f"lead: lead-{team}", "",
             "objectives:"]
    for o in range(3):
        lines += [f"  - id: objective-{o + 1}", f"    title: Customers get value from area {o + 1} first",
                  "    type: aspirational", f"    owner: owner-{team}-{o + 1}", "    key_results:"]
        for kr in krs[3 * o : 3 * o + 3]:
            lines += [f"      - id: {kr['id']}", f"        title: {kr['title']}", f"        baseline: {kr['baseline']}",
                      f"        target: {kr['target']}", f"        unit: {kr['unit']!r}" if kr["unit"] == "%" else f"        unit: {kr['unit']}"]
            if kr["checkins"]:
                lines.append("        checkins:")
                for day, value, confidence in kr["checkins"]:
                    lines += [f"          - date: {day}", f"            value: {value}", f"            confidence: {confidence}"]
    return "\n".join(lines) + "\n"


def _new_krs(rng: random.Random) -> list[dict]:
    krs = []
    for k in range(9):
        name, unit, baseline, target = rng.choice(METRICS)
        krs.append({"id": f"kr-{k + 1}", "title": f"Move {name} from {baseline} to {target}", "baseline": baseline, "target": target,
                    "unit": unit, "checkins": []})
    return krs


def _blob(text: str) -> bytes:
    data = text.encode()
    return b"data %d\n" % len(data) + data + b"\n"


def generate(root: Path, teams: int = 50, quarter_count: int = 8, seed: int = 7) -> int:
    """Write the repository under ``root``; returns how many commits it has."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    stream: list[bytes] = []
    commits = 0

    def commit(day: date, author: str, message: str, files: dict[str, str]) -> None:
        nonlocal commits
        stamp = int(datetime(day.year, day.month, day.day, 9, tzinfo=timezone.utc).timestamp())
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"author {author} <{author}@example.com> {stamp} +0000\ncommitter {author} <{author}@example.com> {stamp} +0000\n".encode())
        stream.append(_blob(message))  # each commit on the branch follows the one before
        for path, text in files.items():
            stream.append(f"M 100644 inline {path}\n".encode() + _blob(text))
        commits += 1

    commit(date(2024, 12, 1), "admin", "okr init", {"okr.toml": 'root = "okrs"\n'})
    for period, start in quarters(quarter_count):
        plans = {f"team-{t:03d}": _new_krs(rng) for t in range(teams)}
        for team, krs in plans.items():
            commit(start - timedelta(days=5), f"lead-{team}", f"plan {team} {period}", {f"okrs/{period}/{team}.yaml": render(team, period, krs)})
        for week in range(13):
            day = start + timedelta(days=7 * week + 4)
            for team, krs in plans.items():
                for kr in krs:
                    last = kr["checkins"][-1][1] if kr["checkins"] else kr["baseline"]
                    step = (kr["target"] - kr["baseline"]) / 13 * rng.uniform(0.3, 1.5)
                    kr["checkins"].append((day.isoformat(), round(last + step, 1), rng.choice([0.5, 0.6, 0.7, 0.8])))
                if rng.random() < 0.005:
                    krs[0]["target"] = round(krs[0]["target"] * 1.1, 1)  # a moved goalpost
                elif rng.random() < 0.005 and len(krs[1]["checkins"]) > 1:
                    old_day, value, confidence = krs[1]["checkins"][0]
                    krs[1]["checkins"][0] = (old_day, round(value * 1.05, 1), confidence)  # a rewritten check-in
                commit(day, f"owner-{team}", f"okr: check-in {team} {period}", {f"okrs/{period}/{team}.yaml": render(team, period, krs)})
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=root, check=True)
    return commits


if __name__ == "__main__":
    made = generate(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:4]))
    print(f"{made} commits in {sys.argv[1]}")
