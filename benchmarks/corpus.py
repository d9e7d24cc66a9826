"""A deterministic OKR repository of N team files for benchmarks.

    python benchmarks/corpus.py DIR N

Files are spread over eight quarters (2025-Q1 .. 2026-Q4), one company file per
quarter plus team files; each has 3-4 objectives of 3-4 key results with 6-12
check-ins, comments, initiatives and realistic text, about 10 KB like a real
team file. The same N always gives the same bytes.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

QUARTERS = [f"{year}-Q{q}" for year in (2025, 2026) for q in (1, 2, 3, 4)]
VERBS = [("Reduce", -1), ("Cut", -1), ("Shorten", -1), ("Increase", 1), ("Raise", 1), ("Grow", 1), ("Improve", 1)]
METRICS = [
    ("month-end close", "days", 3, 12), ("first response time", "hours", 4, 48), ("weekly active users", None, 2000, 90000),
    ("net promoter score", "points", 10, 70), ("churn", "%", 1, 9), ("activation rate", "%", 20, 70),
    ("p95 latency", "ms", 120, 900), ("qualified pipeline", "USD", 500000, 9000000), ("test coverage", "%", 40, 95),
    ("time to hire", "days", 20, 70), ("return rate", "%", 4, 18), ("gross margin", "%", 40, 80),
]
THEMES = [
    "Customers get value in their first week", "Buyers trust what they see", "Releases are boring and frequent",
    "Finance closes fast enough to steer by", "Support answers before customers ask twice", "Sellers go live in days, not weeks",
    "The platform stays fast as we grow", "Great people want to join and stay", "Mid-market buyers choose us",
]
NOTES = ["steady week", "two big deals slipped", "new onboarding flow live", "holiday week, partial data", "dashboard fixed", "pilot went well"]


def quarter_start(name: str) -> date:
    year, q = int(name[:4]), int(name[-1])
    return date(year, 3 * (q - 1) + 1, 1)


def team_file(rng: random.Random, team: str, quarter: str, company_ids: list[str] | None) -> str:
    start = quarter_start(quarter)
    lines = [
        "# yaml-language-server: $schema=../../okr.schema.json",
        f"# {team} OKRs for {quarter} (generated benchmark corpus)",
        f"team: {team}",
        f"period: {quarter}",
        f"lead: lead-of-{team}",
        "",
        "objectives:",
    ]
    for o in range(rng.randint(3, 4)):
        theme = rng.choice(THEMES)
        kind = rng.choice(["committed", "aspirational", "aspirational"])
        lines += [f"  # objective {o + 1}", f"  - id: objective-{o + 1}", f"    title: {theme}", f"    type: {kind}", f"    owner: owner-{rng.randint(1, 40)}"]
        if company_ids:
            lines.append(f"    aligns_to: company/{rng.choice(company_ids)}")
        lines.append("    key_results:")
        for k in range(rng.randint(3, 4)):
            verb, direction = rng.choice(VERBS)
            metric, unit, low, high = rng.choice(METRICS)
            baseline = rng.randint(low, high)
            target = max(0, round(baseline * (1 + direction * rng.uniform(0.15, 0.6))))
            if target == baseline:
                target = baseline + direction
            unit_text = f" {unit}" if unit and unit not in ("%", "USD") else ("%" if unit == "%" else "")
            lines += [
                f"      - id: kr-{k + 1}",
                f"        title: {verb} {metric} from {baseline}{unit_text} to {target}{unit_text}",
                f"        baseline: {baseline}",
                f"        target: {target}",
            ]
            if unit:
                lines.append(f'        unit: "{unit}"' if unit == "%" else f"        unit: {unit}")
            lines.append("        checkins:")
            value = float(baseline)
            for week in range(rng.randint(6, 12)):
                value += (target - baseline) / 13 * rng.uniform(0.2, 1.6)
                lines += [f"          - date: {start + timedelta(days=7 * week + 4)}", f"            value: {round(value, 1)}", f"            confidence: {rng.choice([0.4, 0.5, 0.6, 0.7, 0.8])}"]
                if rng.random() < 0.3:
                    lines.append(f"            note: {rng.choice(NOTES)}")
        lines += ["    initiatives:", f"      - Initiative {rng.randint(1, 99)} for {team}", "      - title: Weekly review", "        status: in-progress", ""]
    return "\n".join(lines) + "\n"


def generate(root: Path, count: int, seed: int = 42) -> list[Path]:
    """Write okr.toml and ``count`` OKR files under ``root``; returns the files."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "okr.toml").write_text('root = "okrs"\n')
    per_quarter = max(1, count // len(QUARTERS))
    written: list[Path] = []
    for index in range(count):
        quarter = QUARTERS[min(index // per_quarter, len(QUARTERS) - 1)]
        folder = root / "okrs" / quarter
        folder.mkdir(parents=True, exist_ok=True)
        position = index - QUARTERS.index(quarter) * per_quarter
        if position == 0:
            path = folder / "company.yaml"
            path.write_text(team_file(rng, "company", quarter, None))
        else:
            path = folder / f"team-{position:05d}.yaml"
            path.write_text(team_file(rng, f"team-{position:05d}", quarter, ["objective-1", "objective-2", "objective-3"]))
        written.append(path)
    return written


if __name__ == "__main__":
    files = generate(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"{len(files)} files in {sys.argv[1]}")
