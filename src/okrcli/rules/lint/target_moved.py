"""A key result's baseline or target changed after its period started, and no re-baseline records it.

## What it does
Reads the key result's history from git: the baseline and target in force at the period's
start (the last commit on or before its first day; for a key result added later, the
commit that added it). A later difference, committed or still in the working tree, is
reported at the value, naming the commit (short hash, author, date) and the old and new
values, unless the key result's `rebaselines` records explain it (each record's `old` and
`new`, in date order, lead from the value at the start to today's) or the commit is in
okr.toml `[history] ignore_commits`. Changes before the period starts are planning, never
findings. Outside a git repository the rule cannot know, says so once and stays silent.

## Why is this bad?
Moving the goalposts: a committed target quietly changed from 4 to 5.5 in week 7 turns a
miss into a hit, and the score no longer says what the team promised. Targets do change
for good reasons; then the reason belongs in the file, where reviews and reports see it.

## Example
```yaml
# committed on 2026-09-28 with target: 4; edited on 2026-11-12:
baseline: 7
target: 5.5
```

## Use instead
```sh
okr rebaseline finance/faster-close/close-time --target 5.5 --reason "ERP migration moved to January"
```
which changes the value and records `{date, field: target, old: 4, new: 5.5, reason}`.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.model.history import CHANGED, CREATED, REBASELINED, Event
from okrcli.model.numbers import render_number

NAME = "target-moved"
SEVERITY = Severity.ERROR
SCOPE = "history"


def value_changes(events: list[Event], field: str) -> list[Event]:
    """Changes of ``field`` since the key result was last created, in commit order."""
    created = max((i for i, e in enumerate(events) if e.kind == CREATED), default=None)
    if created is None:
        return []
    return [e for e in events[created + 1 :] if e.kind in (CHANGED, REBASELINED) and e.field == field and e.old != e.new]


def _explained(start_value: float, today: float, records: list[tuple]) -> bool:
    """Whether the records, in date order and each starting where the last ended, lead from the start to today."""
    value = start_value
    for _, old, new in sorted(records, key=lambda r: r[0]):
        if old == value:
            value = new
    return value == today


def findings(ctx):
    for team_file, where, objective, kr, events in ctx.history.key_results(ctx.files) if ctx.history else ():
        created = next((e for e in reversed(events) if e.kind == CREATED), None)
        if created is not None:
            for field in ("baseline", "target"):
                yield from _judge(ctx, team_file, where, objective.id, kr, field, created, value_changes(events, field))


def _judge(ctx, team_file, where, objective_id, kr, field, created, changes):
    start = team_file.period.start
    value = created.values[field]
    later = []
    for change in changes:
        if change.commit.date <= start:
            value = change.new  # planning
        else:
            later.append(change)
    today = getattr(kr, field)
    if value == today:
        return
    records = [(r.date, r.old, r.new) for r in kr.rebaselines if r.field == field]
    records += [(c.commit.date, c.old, c.new) for c in later if c.ignored]
    if _explained(value, today, records):
        return
    recorded = {(old, new) for _, old, new in records}
    blamed = [c for c in later if not c.ignored and (c.old, c.new) not in recorded] or later[-1:]
    ref = f"{team_file.team}/{objective_id}/{kr.id}"
    path = ("objectives", where[0], "key_results", where[1], field)
    period = team_file.period
    for change in blamed:
        yield ctx.finding(
            NAME, SEVERITY, team_file, path,
            f"{field} of '{kr.id}' moved from {render_number(change.old)} to {render_number(change.new)} after {period.name} "
            f"started ({start}) in {change.commit.describe()}; no re-baseline records it",
            f"put it back ({field}: {render_number(value)}) and run `okr rebaseline {ref} --{field} {render_number(today)} "
            f"--reason \"why\"`, or record it under rebaselines: {{date: {max(change.commit.date, start)}, field: {field}, "
            f"old: {render_number(change.old)}, new: {render_number(change.new)}, reason: \"why\"}}",
        )
