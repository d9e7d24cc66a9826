"""Filters on a period's scores (a team, an owner, a ref prefix), applied to everything they touch.

A filter keeps the key results it matches, the objectives that hold them and the teams
those belong to. An objective keeps its own score, grade and status: they judge the whole
objective, whichever of its key results are shown. A team's score becomes the mean of the
objectives kept, and the period's score the mean of the teams kept, by the same rules as
unfiltered scores, so every total on a filtered report adds up from what it shows and no
report ever pairs one team's counts with the company's overall score. Guardrails have no
owner: an owner filter keeps none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from okrcli.scoring.scores import ObjectiveResult, PeriodResult, TeamResult


@dataclass(frozen=True)
class Selection:
    """What to keep: a ``team``, the key results an ``owner`` owns, and a ``prefix``
    ``team[/objective[/kr]]`` (or ``team/guardrail``); all of them when several are given."""

    team: str | None = None
    owner: str | None = None
    prefix: str | None = None

    def __bool__(self) -> bool:
        return any((self.team, self.owner, self.prefix))

    @property
    def parts(self) -> list[str]:
        return self.prefix.strip("/").split("/") if self.prefix else []


def select(result: PeriodResult, selection: Selection) -> PeriodResult:
    """``result`` with only what ``selection`` keeps, its team and period scores recomputed over it."""
    if not selection:
        return result
    teams = [kept for team in result.teams if (kept := _select_team(team, selection)) is not None]
    score = sum(t.score for t in teams) / len(teams) if teams else 0.0
    return replace(result, teams=teams, score=score)


def _select_team(team: TeamResult, selection: Selection) -> TeamResult | None:
    parts = selection.parts
    if (selection.team and team.team != selection.team) or (parts and team.team != parts[0]):
        return None
    objectives = [kept for objective in team.objectives if (kept := _select_objective(objective, selection)) is not None]
    guardrails = [
        g for g in team.guardrails
        if not selection.owner and len(parts) <= 2 and (len(parts) < 2 or g.ref.split("/")[1] == parts[1])
    ]
    if not objectives and not guardrails:
        return None
    complete = objectives == team.objectives and guardrails == team.guardrails
    if complete or not objectives:
        return replace(team, objectives=objectives, guardrails=guardrails, complete=complete)
    score = sum(o.score for o in objectives) / len(objectives)
    return replace(team, score=score, objectives=objectives, guardrails=guardrails, complete=False)


def _select_objective(objective: ObjectiveResult, selection: Selection) -> ObjectiveResult | None:
    parts = selection.parts
    if len(parts) > 1 and objective.ref.split("/")[1] != parts[1]:
        return None
    krs = [
        kr for kr in objective.key_results
        if (len(parts) < 3 or kr.ref.split("/")[2] == parts[2]) and (not selection.owner or kr.owner == selection.owner)
    ]
    if not krs:
        return None
    return objective if len(krs) == len(objective.key_results) else replace(objective, key_results=krs)
