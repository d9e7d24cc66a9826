"""What a leadership review reads first: what needs attention, who owes a check-in, what the notes say.  Pure.

Every renderer (terminal, Markdown, HTML, JSON) takes these lists from here, so the
summary is the same wherever it is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from okrcli.model.periods import make_period
from okrcli.report.views import ReportView, TeamView, guardrail_values
from okrcli.scoring.scores import KrResult, ObjectiveResult
from okrcli.scoring.statuses import AT_RISK, BREACHED, HEALTH_ORDER, MISSED, OFF_TRACK, STALE, STATUS_WORDS, checkin_due

RECENT_DAYS = 14
"""The notes of the last two weeks (as-of and the 13 days before it) are listed per team."""

OBJECTIVE, GUARDRAIL, CHECKIN = "objective", "guardrail", "check-in"
"""The kinds of thing that need attention, in the order the summary lists them."""


@dataclass(frozen=True)
class Attention:
    """One thing that needs attention: what, who answers for it, and one line of why."""

    kind: str
    ref: str
    title: str
    owner: str | None
    status: str
    why: str


def needs_attention(view: ReportView) -> list[Attention]:
    """Committed objectives off track or at risk (missed, once the period has closed), breached
    guardrails, and key results whose owner owes a check-in, in that order."""
    items = _objectives(view)
    for team in view.teams:
        items += [
            Attention(GUARDRAIL, g.ref, g.title, team.lead, g.status, guardrail_values(g))
            for g in team.guardrails
            if g.status == BREACHED
        ]
    for team in view.teams:
        for kr in owed_key_results(team, view):
            items.append(Attention(CHECKIN, kr.ref, kr.title, kr.owner, kr.status, _owed_why(kr, view)))
    return items


def for_reading(view: ReportView) -> list[Attention]:
    """:func:`needs_attention` as people read it: an owner who owes several check-ins is one
    line naming the key results (the JSON keeps one item per key result)."""
    items = needs_attention(view)
    owed: dict[str | None, list[Attention]] = {}
    for item in items:
        if item.kind == CHECKIN:
            owed.setdefault(item.owner, []).append(item)
    result: list[Attention] = []
    for item in items:
        if item.kind != CHECKIN:
            result.append(item)
            continue
        group = owed.pop(item.owner, None)
        if group is None:  # already said with the first of this owner's key results
            continue
        if len(group) == 1:
            result.append(group[0])
            continue
        short = [i.ref.rsplit("/", 1)[1] for i in group]
        # key result ids repeat across objectives: then the full references say which is which
        ids = ", ".join(short if len(set(short)) == len(short) else [i.ref for i in group])
        oldest = max(group, key=lambda i: _days_owed(i, view))
        result.append(Attention(CHECKIN, ids, f"{len(group)} key results", item.owner, item.status, f"longest wait: {oldest.why}"))
    return result


def team_period(team: TeamView, view: ReportView):
    """The team's own period (its file may start or end it on other days than the rest)."""
    start, end = team.span or (view.start, view.end)
    return make_period(view.period, start, end)


def _days_owed(item: Attention, view: ReportView) -> int:
    found = next(((t, k) for t in view.teams for o in t.objectives for k in o.key_results if k.ref == item.ref), None)
    if found is None:
        return 0
    team, kr = found
    if kr.last_checkin is None:  # never checked in: longer than any that was
        return (view.as_of - team_period(team, view).start).days + 1
    return (view.as_of - kr.last_checkin).days


def attention_word(item: Attention) -> str:
    """What a summary line leads with: ``⚠ breached``, ``check-in owed``, or the status in words."""
    if item.kind == CHECKIN:
        return "check-in owed"
    return ("⚠ " if item.kind == GUARDRAIL else "") + status_words(item.status)


def _objectives(view: ReportView) -> list[Attention]:
    """Committed objectives missed (closed) or off track or at risk (running). A stale objective
    counts by what its forecasts say: old check-ins must not hide a commitment that is slipping."""
    # missed: that team's period has closed (a team may end its period before the others)
    wanted = (MISSED, OFF_TRACK, AT_RISK)
    found: list[Attention] = []
    for team in view.teams:
        for o in team.objectives:
            if o.type != "committed":
                continue
            if o.status in wanted:
                found.append(Attention(OBJECTIVE, o.ref, o.title, o.owner, o.status, objective_why(o, o.status == MISSED)))
            elif o.status == STALE and not view.closed:
                slipping = _slipping(o, view)
                if slipping is not None:
                    found.append(slipping)
    found.sort(key=lambda item: wanted.index(item.status))
    return found


def _slipping(objective: ObjectiveResult, view: ReportView) -> Attention | None:
    """A stale committed objective whose least healthy forecast is off track or at risk, or None."""
    outlooks = [k for k in objective.key_results if k.outlook in (OFF_TRACK, AT_RISK)]
    if not outlooks:
        return None
    worst = min(outlooks, key=lambda k: HEALTH_ORDER.index(k.outlook))
    age = (view.as_of - worst.last_checkin).days if worst.last_checkin else None
    why = f"{worst.ref.rsplit('/', 1)[1]}: {worst.outlook} ({worst.outlook_reason}), from a check-in {age} days old"
    return Attention(OBJECTIVE, objective.ref, objective.title, objective.owner, worst.outlook, why)


def objective_why(objective: ObjectiveResult, closed: bool) -> str:
    """Closed: the verdict (``committed, missed: 0.88 of 1.0``); running: the key result that sets the
    objective's status, and the rule that set it (``close-time: at-risk (forecast 0.9716 < bar 1.0 ...)``)."""
    if closed:
        return objective.verdict
    worst = min(objective.key_results, key=lambda k: HEALTH_ORDER.index(k.status) if k.status in HEALTH_ORDER else len(HEALTH_ORDER))
    return f"{worst.ref.rsplit('/', 1)[1]}: {worst.status_reason}"


def _owed_why(kr: KrResult, view: ReportView) -> str:
    if kr.last_checkin is not None:
        return f"last check-in {kr.last_checkin} ({(view.as_of - kr.last_checkin).days} days ago)"
    return f"no check-in yet, {view.when()}"


def owed_key_results(team: TeamView, view: ReportView) -> list[KrResult]:
    """Key results owed a check-in while the period runs: more than ``[checkin] cadence_days``
    since the last one, or since the period started (the digest's rule, :func:`checkin_due`)."""
    period = team_period(team, view)
    return [
        kr
        for objective in team.objectives
        for kr in objective.key_results
        if checkin_due(kr.last_checkin, period, view.as_of, view.cadence_days, kr.score)
    ]


def owed_checkins(team: TeamView, view: ReportView) -> list[tuple[str, list[str]]]:
    """Who owes a check-in, with the ids of their key results; owners in name order ("no owner" last)."""
    owed: dict[str, list[str]] = {}
    for kr in owed_key_results(team, view):
        owed.setdefault(kr.owner or "", []).append(kr.ref.rsplit("/", 1)[1])
    return sorted(owed.items(), key=lambda item: (item[0] == "", item[0]))


@dataclass(frozen=True)
class RecentNote:
    """A check-in note of the last two weeks."""

    day: date
    kr: KrResult
    text: str


def recent_notes(team: TeamView, view: ReportView) -> list[RecentNote]:
    """The team's check-in notes dated in the two weeks up to as-of (the period's end, once closed), newest first."""
    last = min(view.as_of, view.end)
    first = date.fromordinal(max(1, last.toordinal() - (RECENT_DAYS - 1)))  # never before year 1
    notes = [
        RecentNote(day, kr, text)
        for objective in team.objectives
        for kr in objective.key_results
        for day, text in kr.notes
        if first <= day <= last
    ]
    return sorted(notes, key=lambda n: (n.day, n.kr.ref), reverse=True)


def status_words(status: str) -> str:
    """A status as people say it: ``at risk``."""
    return STATUS_WORDS.get(status, status)
