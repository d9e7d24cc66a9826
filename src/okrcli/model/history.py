"""A key result's history: the events between two versions of its file.  Pure; no IO, no git.

Reading versions out of git is ``repo/history.py``; putting the events of every version
together is ``usecases/history.py``. Here, two parsed versions of one file (either may be
missing) become events per key result, named by ``(objective id, key result id)``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import field as default
from datetime import date
from pathlib import Path
from typing import Any

from okrcli.model.okrfile import CheckIn, KeyResult, Objective, OkrFile

CREATED = "created"
CHECKIN_ADDED = "checkin-added"
CHECKIN_CHANGED = "checkin-changed"
CHECKIN_REMOVED = "checkin-removed"
CHANGED = "changed"
REBASELINED = "rebaselined"
KINDS = (CREATED, CHECKIN_ADDED, CHECKIN_CHANGED, CHECKIN_REMOVED, CHANGED, REBASELINED)
"""Every kind of event, the contract of ``okr history --format json``."""

VALUE_FIELDS = ("baseline", "target")
WATCHED = ("title", "baseline", "target", "unit", "type", "owner", "weight")
"""The fields whose changes are events (``type`` and the inherited ``owner`` come from the objective)."""

KrKey = tuple[str, str]
"""(objective id, key result id): a key result inside one file's history."""


@dataclass(frozen=True)
class Commit:
    """Where an event happened: a commit, or ``sha`` None for changes not committed yet."""

    sha: str | None
    date: date
    author: str | None

    @property
    def short(self) -> str:
        return self.sha[:7] if self.sha else "uncommitted"

    def describe(self) -> str:
        """``a1b2c3d (Ana Ruiz, 2026-11-12)``, or ``the working tree (not committed)``."""
        if self.sha is None:
            return "the working tree (not committed)"
        return f"{self.short} ({self.author}, {self.date})"


@dataclass(frozen=True)
class Event:
    """One thing that happened to a key result, in one commit."""

    commit: Commit
    kind: str
    field: str | None = None
    old: Any = None
    new: Any = None
    reason: str | None = None
    effective: date | None = None
    """A re-baseline's own date (the day its value takes effect)."""
    checkin: dict | None = None
    """The check-in added, removed, or as changed."""
    previous: dict | None = None
    """A changed check-in as it was."""
    ignored: bool = False
    """The commit is in okr.toml ``[history] ignore_commits``: a correction, never a finding."""
    values: dict = default(default_factory=dict)
    """``created``: the key result's watched fields as it was created."""


def _fields(objective: Objective, kr: KeyResult) -> dict[str, Any]:
    return {
        "title": kr.title, "baseline": kr.baseline, "target": kr.target, "unit": kr.unit,
        "type": objective.type, "owner": objective.kr_owner(kr), "weight": kr.weight,
    }


def checkin_data(checkin: CheckIn) -> dict:
    """A check-in as plain data: date (text), value, and what else it has."""
    data = {"date": checkin.date.isoformat(), "value": checkin.value}
    for name in ("confidence", "note", "by"):
        if getattr(checkin, name) is not None:
            data[name] = getattr(checkin, name)
    return data


def key_results(okr: OkrFile | None) -> dict[KrKey, tuple[Objective, KeyResult]]:
    """Every key result of a version, by (objective id, key result id)."""
    if okr is None:
        return {}
    return {(o.id, k.id): (o, k) for o in okr.objectives for k in o.key_results}


def version_events(old: OkrFile | None, new: OkrFile | None, commit: Commit, checkins: bool = True) -> dict[KrKey, list[Event]]:
    """The events of every key result between two versions of a file (``old`` None: the file is new).

    ``checkins=False`` leaves added check-ins out (the lint rules judge only changes).
    A key result that disappears has no event: its history ends.
    """
    before, after = key_results(old), key_results(new)
    found: dict[KrKey, list[Event]] = {}
    for key, (objective, kr) in after.items():
        if key not in before:
            found[key] = [Event(commit, CREATED, values=_fields(objective, kr))]
            continue
        events = _field_events(*before[key], objective, kr, commit) + _checkin_events(before[key][1], kr, commit, checkins)
        if events:
            found[key] = events
    return found


def _field_events(old_objective: Objective, old: KeyResult, objective: Objective, new: KeyResult, commit: Commit) -> list[Event]:
    was, now = _fields(old_objective, old), _fields(objective, new)
    known = {(r.date, r.field, r.old, r.new, r.reason) for r in old.rebaselines}
    records = [r for r in new.rebaselines if (r.date, r.field, r.old, r.new, r.reason) not in known]
    events = []
    for name in WATCHED:
        if was[name] == now[name]:
            continue
        record = next((r for r in records if r.field == name and r.old == was[name] and r.new == now[name]), None)
        if record is not None:
            records.remove(record)
            events.append(Event(commit, REBASELINED, name, record.old, record.new, record.reason, record.date))
        else:
            events.append(Event(commit, CHANGED, name, was[name], now[name]))
    # a record added without the value changing here explains an earlier change
    events += [Event(commit, REBASELINED, r.field, r.old, r.new, r.reason, r.date) for r in records]
    return events


def _checkin_events(old: KeyResult, new: KeyResult, commit: Commit, added: bool) -> list[Event]:
    before = {c.date: c for c in old.checkins}
    after = {c.date: c for c in new.checkins}
    events = []
    for day, checkin in before.items():
        if day not in after:
            events.append(Event(commit, CHECKIN_REMOVED, checkin=checkin_data(checkin)))
        elif checkin_data(after[day]) != checkin_data(checkin):
            events.append(Event(commit, CHECKIN_CHANGED, checkin=checkin_data(after[day]), previous=checkin_data(checkin)))
    if added:
        events += [Event(commit, CHECKIN_ADDED, checkin=checkin_data(c)) for day, c in after.items() if day not in before]
    events.sort(key=lambda e: (e.checkin or {}).get("date", ""))
    return events


def marked_ignored(events: list[Event], ignored: frozenset[str]) -> list[Event]:
    """``events`` with those of commits in ``ignored`` (full hashes or prefixes) marked."""
    if not ignored:
        return events
    return [replace(e, ignored=True) if e.commit.sha and any(e.commit.sha.startswith(i) for i in ignored) else e for e in events]


@dataclass
class RepositoryHistory:
    """What git knows about every current OKR file's key results, for the history rules.

    ``available`` is False outside git (``reason`` says why); ``events`` holds, per file
    (resolved path) and key result, its creation and every change of a value or of a
    committed check-in, oldest first. Added check-ins are left out unless ``complete``.
    """

    available: bool
    reason: str | None = None
    events: dict[Path, dict[KrKey, list[Event]]] = default(default_factory=dict)
    complete: bool = False

    def key_results(self, files):
        """``(team file, (o, k), objective, key result, events)`` for every key result of ``files``
        (team files), in file order; nothing when git history is not available."""
        if not self.available:
            return
        for team_file in files:
            for o, objective in enumerate(team_file.okr.objectives):
                for k, kr in enumerate(objective.key_results):
                    yield team_file, (o, k), objective, kr, self.of(team_file.path, objective.id, kr.id)

    def of(self, path: Path, objective_id: str, kr_id: str) -> list[Event]:
        """The events of one key result of the file at ``path``; empty when git knows none."""
        return self.events.get(path.resolve(), {}).get((objective_id, kr_id), [])
