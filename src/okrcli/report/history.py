"""``okr history``: a key result's events as text lines or as the JSON contract.  Pure.

JSON: a list, oldest first, of ``{commit, date, author, kind}``; ``changed`` and
``rebaselined`` add ``field``, ``old``, ``new`` (and a re-baseline its ``reason`` and the
``effective`` day); check-in events add the ``checkin`` (and, changed, the ``previous`` one);
``created`` adds the key result's ``values``; ``ignored`` is true for a commit okr.toml
``[history] ignore_commits`` lists. ``commit`` is null for a change not committed yet.
"""

from __future__ import annotations

from okrcli.model.history import CHANGED, CREATED, REBASELINED, Event
from okrcli.model.numbers import format_number, plain_number, with_unit
from okrcli.report.json_text import json_document


def _plain(value):
    return plain_number(value) if isinstance(value, float) else value


def event_dict(event: Event) -> dict:
    """One event as the JSON contract has it."""
    data: dict = {
        "commit": event.commit.sha,
        "date": event.commit.date.isoformat(),
        "author": event.commit.author,
        "kind": event.kind,
    }
    if event.kind in (CHANGED, REBASELINED):
        data.update(field=event.field, old=_plain(event.old), new=_plain(event.new))
    if event.kind == REBASELINED:
        data.update(reason=event.reason, effective=event.effective.isoformat() if event.effective else None)
    if event.checkin is not None:
        data["checkin"] = {k: _plain(v) for k, v in event.checkin.items()}
    if event.previous is not None:
        data["previous"] = {k: _plain(v) for k, v in event.previous.items()}
    if event.kind == CREATED:
        data["values"] = {k: _plain(v) for k, v in event.values.items()}
    if event.ignored:
        data["ignored"] = True
    return data


def history_json(events: list[Event]) -> str:
    return json_document([event_dict(e) for e in events])


def _value(value, unit: str | None, field: str | None) -> str:
    if field in ("baseline", "target") and isinstance(value, (int, float)):
        return with_unit(value, unit)
    if isinstance(value, float):
        return format_number(value)
    return "none" if value is None else str(value)


def _checkin(data: dict, unit: str | None, dated: bool = True) -> str:
    text = (f"{data['date']}: " if dated else "") + with_unit(data["value"], unit)
    if "confidence" in data:
        text += f", confidence {format_number(data['confidence'])}"
    if "note" in data:
        text += f' "{data["note"]}"'
    return text


def describe(event: Event, unit: str | None) -> str:
    """What happened, in one line: ``target 4 days -> 4.5 days (re-baselined from 2026-11-03: reason)``."""
    if event.kind == CREATED:
        values = event.values
        return (f"created: {_value(values.get('baseline'), unit, 'baseline')} -> {_value(values.get('target'), unit, 'target')}"
                + (f", owner {values['owner']}" if values.get("owner") else ""))
    if event.kind == CHANGED:
        return f"changed {event.field}: {_value(event.old, unit, event.field)} -> {_value(event.new, unit, event.field)}"
    if event.kind == REBASELINED:
        return (f"re-baselined {event.field}: {_value(event.old, unit, event.field)} -> {_value(event.new, unit, event.field)}"
                f" from {event.effective}: {event.reason}")
    if event.previous is not None and event.checkin is not None:
        if event.previous["date"] == event.checkin["date"]:
            return f"check-in {event.checkin['date']} changed: {_checkin(event.previous, unit, False)} -> {_checkin(event.checkin, unit, False)}"
        return f"check-in changed: {_checkin(event.previous, unit)} -> {_checkin(event.checkin, unit)}"
    verb = "added" if event.kind == "checkin-added" else "removed"
    return f"check-in {verb}: {_checkin(event.checkin or {}, unit)}"


def history_lines(ref: str, path: str, events: list[Event], unit: str | None) -> list[str]:
    """The text form: a heading, then one line per event (date, commit, author, what)."""
    lines = [f"{ref} ({path})"]
    if not events:
        return lines + ["no history: git has no commit of this key result yet"]
    width = max(len(e.commit.author or "") for e in events)
    for event in events:
        what = describe(event, unit) + ("  [ignored: [history] ignore_commits]" if event.ignored else "")
        lines.append(f"{event.commit.date}  {event.commit.short:<11}  {(event.commit.author or '-'):<{width}}  {what}")
    return lines
