"""What ``okr pull`` did, as text for people and JSON for machines. Pure.

JSON (documented in docs/sources.md; keys are only ever added):
``{"date", "dry_run", "key_results": [{"ref", "source", "file", "status", "unit", "old",
"new", "old_score", "new_score", "problem"}], "failures": [{"source", "what", "problem",
"key_results"}], "files": [{"path", "diff"}], "commit", "not_committed", "on_no_branch", "skipped_files"}``.
"""

from __future__ import annotations

import json
from pathlib import Path

from okrcli.model.diagnostics import display_path
from okrcli.model.numbers import format_change, plain_number, with_unit
from okrcli.model.text import json_escaped
from okrcli.usecases.pull import PulledKr, PullResult

SCORE_DECIMALS = 4


def _score(value: float | None) -> float | None:
    return None if value is None else round(value, SCORE_DECIMALS)


def pull_data(result: PullResult, base: Path) -> dict:
    """The result as JSON data, paths relative to ``base``."""
    return {
        "date": result.day.isoformat(),
        "dry_run": result.dry_run,
        "key_results": [
            {
                "ref": item.ref,
                "source": item.source,
                "file": display_path(item.file, base),
                "status": item.status,
                "unit": item.unit,
                "old": plain_number(item.old),
                "new": plain_number(item.new),
                "old_score": _score(item.old_score),
                "new_score": _score(item.new_score),
                "problem": item.problem,
            }
            for item in result.key_results
        ],
        "failures": [
            {"source": f.source, "what": f.what, "problem": f.problem, "key_results": list(f.key_results)}
            for f in result.failures
        ],
        "files": [
            {"path": display_path(change.path, base), "diff": change.diff(display_path(change.path, base))}
            for change in result.changes
        ],
        "commit": result.commit_sha,
        "not_committed": result.not_committed,
        "on_no_branch": result.on_no_branch,
        "skipped_files": [display_path(path, base) for path in result.skipped_files],
    }


def pull_json(result: PullResult, base: Path) -> str:
    """``okr pull --format json``."""
    return json_escaped(json.dumps(pull_data(result, base), indent=2, ensure_ascii=False))


def _columns(item: PulledKr) -> tuple[str, str, str]:
    """(values, score change, where from) of one key result's line."""
    source = f"(source {item.source})"
    if item.status == "failed":
        return "failed", "", source
    if item.status == "unchanged":
        return f"{with_unit(item.new, item.unit)}, unchanged", "", source
    values = f"{with_unit(item.old, item.unit)} -> {with_unit(item.new, item.unit)}"
    if item.old_score is None or item.new_score is None:
        return values, "", source
    change = format_change(item.new_score - item.old_score)
    return values, f"score {item.old_score:.2f} -> {item.new_score:.2f} ({change})", source


def _table(items: list[PulledKr]) -> list[str]:
    rows = [(item.ref, *_columns(item)) for item in items]
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths + [0])).rstrip() for row in rows]


def pull_text(result: PullResult, base: Path) -> list[str]:
    """The summary for a terminal or a CI log: one line per key result, then failures, then what was written."""
    title = f"okr pull {result.day}" + (" (dry run: nothing written)" if result.dry_run else "")
    lines = [title, *_table(result.key_results)]
    if not result.key_results:
        lines.append("no key result here names a source (see docs/sources.md)")
    if result.failures:
        lines.append("failed:")
        for failure in result.failures:
            lines.append(f"  source '{failure.source}' ({failure.what}): {failure.problem}")
            lines.append("    feeds " + ", ".join(failure.key_results))
    for path in result.skipped_files:
        lines.append(f"skipped {display_path(path, base)}: it has errors (okr validate shows them)")
    count = sum(len(change.entries) for change in result.changes)
    files = ", ".join(display_path(change.path, base) for change in result.changes)
    if count:
        verb = "would write" if result.dry_run else "wrote"
        lines.append(f"{verb} {count} check-in{'s' if count != 1 else ''} to {files}")
    else:
        lines.append("nothing to write")
    if result.commit_sha:
        lines.append(f"committed {result.commit_sha[:10]}: okr: pull {result.day}")
    if result.not_committed:
        lines.append(result.not_committed)
    if result.on_no_branch:
        lines.append(f"warning: {result.on_no_branch}")
    if result.dry_run:
        lines.extend(change.diff(display_path(change.path, base)).rstrip("\n") for change in result.changes)
    return lines
