"""``okr digest``: the week in one message, for a scheduled CI job.

Check-ins dated in the window (with the change since the one before and the note), status
changes between the day before the window and its last day (newly at-risk or off-track,
newly done), who owes a check-in (none for longer than ``[checkin] cadence_days`` while the
period runs), breached guardrails, and targets that moved: re-baselines from the files,
other changes of a baseline or target from git. Without git the files still say everything
but the unrecorded moves, and :attr:`Digest.unknown` says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from datetime import date, timedelta

from okrcli.model.history import CHANGED, VALUE_FIELDS
from okrcli.repo.repository import Repository
from okrcli.scoring.scores import score_period
from okrcli.scoring.statuses import AT_RISK, BREACHED, DONE, OFF_TRACK, checkin_due
from okrcli.usecases.history import repository_history

NEWS = (AT_RISK, OFF_TRACK, DONE)
"""The statuses a key result is news for entering."""


@dataclass(frozen=True)
class DigestCheckin:
    ref: str
    title: str
    date: date
    value: float
    unit: str | None
    owner: str | None
    change: float
    """Since the check-in before it (the baseline for the first)."""
    note: str | None


@dataclass(frozen=True)
class StatusChange:
    ref: str
    title: str
    owner: str | None
    old: str
    new: str


@dataclass(frozen=True)
class Due:
    """An owner (None: nobody) and the key results they owe a check-in for, with the last one's date."""

    owner: str | None
    refs: list[str]
    last: list[date | None]


@dataclass(frozen=True)
class Breach:
    ref: str
    title: str
    value: float
    unit: str | None
    threshold: float
    must_stay: str
    date: date


@dataclass(frozen=True)
class Move:
    """A baseline or target that changed in the window: ``rebaselined`` (recorded) or ``moved`` (git only)."""

    ref: str
    kind: str
    field: str
    old: float
    new: float
    unit: str | None
    date: date
    reason: str | None = None
    commit: str | None = None
    author: str | None = None


@dataclass
class Digest:
    period: str
    since: date
    until: date
    cadence_days: int
    checkins: list[DigestCheckin] = field(default_factory=list)
    status_changes: list[StatusChange] = field(default_factory=list)
    due: list[Due] = field(default_factory=list)
    guardrails: list[Breach] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    """What the digest could not know, in words."""


def digest_window(since: str, until: date) -> date:
    """The first day of the window: ``since`` is a date (YYYY-MM-DD) or ``Nd``, the last N days up to ``until``."""
    from okrcli.model.errors import UsageError

    days = re.fullmatch(r"([0-9]{1,4})d", since.strip())
    if not days:
        try:
            start = date.fromisoformat(since.strip())
        except ValueError:
            raise UsageError(f"--since {since!r} is not a date", hint="write YYYY-MM-DD or Nd, e.g. --since 7d") from None
    elif int(days.group(1)) < 1:
        raise UsageError("--since 0d is an empty window", hint="--since 7d is the last 7 days up to --until")
    else:
        try:
            start = until - timedelta(days=int(days.group(1)) - 1)
        except OverflowError:
            raise UsageError(f"--since {since} reaches before year 1", hint="choose a shorter window or a later --until") from None
    if start > until:
        raise UsageError(f"--since {start} is after --until {until}", hint="the window runs from --since to --until, both included")
    return start


def build_digest(repository: Repository, period: str, since: date, until: date, use_git: bool = True, files_with_errors: int = 0) -> Digest:
    """The digest of ``period`` for the days ``since`` to ``until``, both included."""
    settings = repository.settings
    result = Digest(period, since, until, settings.checkin.cadence_days)
    files = sorted(repository.files_in(period), key=lambda f: f.team)
    for team_file in files:
        for objective in team_file.okr.objectives:
            for kr in objective.key_results:
                ref = f"{team_file.team}/{objective.id}/{kr.id}"
                previous = kr.baseline
                for checkin in kr.checkins:
                    if since <= checkin.date <= until:
                        result.checkins.append(DigestCheckin(
                            ref, kr.title, checkin.date, checkin.value, kr.unit, objective.kr_owner(kr), checkin.value - previous, checkin.note,
                        ))
                    previous = checkin.value
                result.moved += [
                    Move(ref, "rebaselined", r.field, r.old, r.new, kr.unit, r.date, r.reason, author=r.by)
                    for r in kr.rebaselines if since <= r.date <= until
                ]
    result.checkins.sort(key=lambda c: (c.date, c.ref))
    before, after = score_period(repository, period, since - timedelta(days=1)), score_period(repository, period, until)
    result.status_changes = _status_changes(before, after)
    result.due = _due(after, files, until, settings.checkin.cadence_days)
    result.guardrails = [
        Breach(g.ref, g.title, g.value, g.unit, g.threshold, g.must_stay, g.values[-1][0])
        for team in after.teams for g in team.guardrails if g.status == BREACHED and g.value is not None
    ]
    if use_git:
        _git_moves(result, repository, files, since, until)
    if files_with_errors:
        result.unknown.append(f"{files_with_errors} file(s) have errors and are left out (okr validate shows why)")
    result.moved.sort(key=lambda m: (m.date, m.ref, m.field))
    return result


def _key_results(result):
    return {kr.ref: kr for team in result.teams for objective in team.objectives for kr in objective.key_results}


def _status_changes(before, after) -> list[StatusChange]:
    was = _key_results(before)
    changes = []
    for ref, kr in _key_results(after).items():
        old = was[ref].status if ref in was else None
        if old is not None and old != kr.status and kr.status in NEWS:
            changes.append(StatusChange(ref, kr.title, kr.owner, old, kr.status))
    return changes


def _due(after, files, until: date, cadence: int) -> list[Due]:
    starts = {f.team: f.period for f in files}
    owed: dict[str | None, list[tuple[str, date | None]]] = {}
    for team in after.teams:
        period = starts[team.team]
        for objective in team.objectives:
            for kr in objective.key_results:
                if checkin_due(kr.last_checkin, period, until, cadence, kr.score):
                    owed.setdefault(kr.owner, []).append((kr.ref, kr.last_checkin))
    ordered = sorted(owed.items(), key=lambda item: (item[0] is None, item[0] or ""))
    return [Due(owner, [r for r, _ in found], [d for _, d in found]) for owner, found in ordered]


def _git_moves(result: Digest, repository: Repository, files, since: date, until: date) -> None:
    history = repository_history(repository.repo_dir, repository.settings)
    if not history.available:
        result.unknown.append(
            f"{history.reason}: targets or baselines changed without a re-baseline record cannot be seen; "
            "check-ins are taken from the dates in the files"
        )
        return
    recorded = {(m.ref, m.field, m.old, m.new) for m in result.moved}
    for team_file in files:
        for objective in team_file.okr.objectives:
            for kr in objective.key_results:
                ref = f"{team_file.team}/{objective.id}/{kr.id}"
                for event in history.of(team_file.path, objective.id, kr.id):
                    if event.kind != CHANGED or event.field not in VALUE_FIELDS or event.ignored:
                        continue
                    if since <= event.commit.date <= until and (ref, event.field, event.old, event.new) not in recorded:
                        result.moved.append(Move(ref, "moved", event.field, event.old, event.new, kr.unit, event.commit.date,
                                                 commit=event.commit.short, author=event.commit.author))
