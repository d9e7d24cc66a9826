"""Re-baselining: change a key result's baseline or target on purpose, and record when and why.

The value is replaced where it stands and a record is appended to the key result's
``rebaselines``; nothing else in the file changes. Writing goes through the check-in's
transaction (``checkin_write.write_files``): locked, re-read inside the lock, validated,
atomic, and with a commit of that file alone when asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from okrcli.model.errors import EditRefused
from okrcli.model.numbers import render_number, with_unit
from okrcli.model.okrfile import KeyResult
from okrcli.model.references import locate, parse_reference
from okrcli.repo.config import Settings
from okrcli.usecases.checkin import Metric, load_valid, valid_team_file
from okrcli.usecases.checkin_write import BOM, CheckinRecord, FileChange, RecordedFile, write_files
from okrcli.yamlio.splice import append_item, render_text, replace_scalar


@dataclass(frozen=True)
class Rebaseline:
    """What to change: ``field`` of ``metric`` becomes ``value`` from ``day`` on, because of ``reason``."""

    metric: Metric
    field: str
    value: float
    reason: str
    day: date
    by: str | None = None

    def describe(self, old: float | None = None) -> str:
        """``target 4 -> 4.5 days from 2026-11-03`` (``old`` from the metric when not given)."""
        before = getattr(self.metric, self.field) if old is None else old
        unit = self.metric.unit
        return f"{self.field} {with_unit(before, unit)} -> {with_unit(self.value, unit)} from {self.day}"


def _checked(kr: KeyResult, change: Rebaseline) -> float:
    """The value being replaced; EditRefused when the change cannot be recorded as asked."""
    metric, day = change.metric, change.day
    period = metric.period
    if not period.contains(day):
        hint = "before the period starts, edit the value directly: that is planning, not a re-baseline" if day < period.start else (
            "use a date in the period"
        )
        raise EditRefused(f"{day} is outside {period.name} ({period.start} to {period.end})", hint=hint)
    later = [r for r in kr.rebaselines if r.date > day]
    if later:
        raise EditRefused(
            f"{metric.ref} has a later re-baseline ({later[-1].date}); re-baselines are kept in date order",
            hint=f"use --date {later[-1].date} or later",
        )
    old = getattr(kr, change.field)
    if old == change.value:
        raise EditRefused(f"{metric.ref}'s {change.field} is already {render_number(old)}", hint="nothing to change")
    other = "target" if change.field == "baseline" else "baseline"
    if getattr(kr, other) == change.value:
        raise EditRefused(
            f"{metric.ref}'s {change.field} would equal its {other} ({render_number(change.value)}): nothing left to move",
            hint=f"choose a {change.field} different from the {other}",
        )
    return old


def plan_rebaseline(okr_root: Path, change: Rebaseline) -> FileChange:
    """Read the key result's file now, change the value, append the record and validate (no write)."""
    metric = change.metric
    if metric.kind != "key result":
        raise EditRefused(f"{metric.ref} is a {metric.kind}: only key results have a baseline and a target")
    path = metric.file
    raw = path.read_bytes()
    bom = raw.startswith(BOM)
    before = raw[len(BOM):].decode("utf-8") if bom else raw.decode("utf-8")
    team_file = load_valid(path, okr_root, raw)
    located = locate(team_file.okr, parse_reference(metric.ref))
    if located is None or located.key_result is None:
        raise EditRefused(f"{metric.ref} is no longer in {path}", hint="run the command again")
    old = _checked(located.key_result, change)
    record = [("date", change.day.isoformat()), ("field", change.field), ("old", render_number(old)),
              ("new", render_number(change.value)), ("reason", render_text(change.reason))]
    if change.by:
        record.append(("by", render_text(change.by)))
    text = replace_scalar(before, located.node_path + (change.field,), render_number(change.value))
    text = append_item(text, located.node_path, "rebaselines", record)
    valid_team_file(
        path, okr_root, (BOM if bom else b"") + text.encode("utf-8"),
        lambda d: f"the re-baseline would make the file invalid: {d.message} (line {d.line})",
        "nothing was written; fix the file or choose another value",
    )
    return FileChange(path, before, text, team_file.team, team_file.okr.period)


def commit_message(change: Rebaseline) -> str:
    """``okr: rebaseline REF target 4 -> 4.5 days from D``, then the reason."""
    return f"okr: rebaseline {change.metric.ref} {change.describe()}\n\n{change.reason}\n"


def record_rebaseline(
    repo_dir: Path,
    settings: Settings,
    change: Rebaseline,
    *,
    commit: bool,
    include_dirty: bool,
    display_base: Path,
    on_recorded: Callable[[RecordedFile], None] | None = None,
) -> CheckinRecord:
    """Write the re-baseline into its file and, with ``commit``, commit that file alone."""
    okr_root = repo_dir / settings.root
    return write_files(
        repo_dir, [change.metric.file], lambda path: plan_rebaseline(okr_root, change), lambda _: commit_message(change),
        commit=commit, include_dirty=include_dirty, display_base=display_base, on_recorded=on_recorded,
    )
