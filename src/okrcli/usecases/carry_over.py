"""Carry-over: start a new period from the objectives of an old one that missed their bar.

Key results keep their targets; baselines move to the latest values, and titles say so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from okrcli.language.sentences import FROM_TO
from okrcli.model.errors import UsageError
from okrcli.model.numbers import format_in_multiples
from okrcli.repo.config import Settings
from okrcli.repo.repository import TeamFile
from okrcli.scoring.comparison import CARRIED_OVER
from okrcli.scoring.scores import score_objective
from okrcli.scoring.statuses import ON_TRACK_BARS
from okrcli.usecases.draft import DraftKeyResult, DraftObjective
from okrcli.usecases.draft_write import alignment_exists
from okrcli.usecases.pipeline import load_repository


def retitle(title: str, new_baseline: float) -> str:
    """Replace the X of "from X to Y" in a title with a new baseline, keeping its decoration."""
    match = FROM_TO.search(title)
    if not match:
        return title
    start, end = match.start("anum"), match.end("anum")
    return title[:start] + format_in_multiples(new_baseline, match["amult"]) + title[end:]


def carry_over(team_file: TeamFile, as_of: date, settings: Settings, okr_root: Path, next_period: str | None = None) -> list[DraftObjective]:
    """Objectives of a finished (or current) period that did not reach their bar, with baselines moved to the latest values.

    An objective that aligned to one missing from ``next_period`` loses its ``aligns_to``
    (its notes say what it was).
    """
    drafts = []
    for objective in team_file.okr.objectives:
        result = score_objective(objective, team_file, as_of, settings)
        if result.score >= ON_TRACK_BARS[objective.type]:
            continue
        pairs = [(kr, k) for kr, k in zip(objective.key_results, result.key_results) if k.score < 1.0]
        if len(pairs) < 2:  # keep the objective valid: bring back the completed ones too
            pairs = list(zip(objective.key_results, result.key_results))
        krs = []
        for kr, k in pairs:
            baseline = k.current if k.current != kr.target else kr.baseline
            krs.append(DraftKeyResult(retitle(kr.title, baseline), baseline, kr.target, kr.unit, kr.id))
        origin = f"{team_file.okr.team}/{objective.id}"
        notes = CARRIED_OVER.format(period=team_file.okr.period) + f" ({origin}, scored {result.score:.2f}); baselines are the latest values."
        aligns_to = objective.aligns_to
        if aligns_to and next_period and not alignment_exists(okr_root, next_period, aligns_to):
            notes += f" It aligned to {aligns_to} in {team_file.okr.period}."
            aligns_to = None
        drafts.append(DraftObjective(objective.title, objective.type, krs, objective.owner, objective.id, aligns_to, notes=notes))
    return drafts


def carry_over_drafts(repo_dir: Path, settings: Settings, team: str, from_period: str, as_of: date, next_period: str) -> list[DraftObjective]:
    """:func:`carry_over` for ``team``'s file of ``from_period``; UsageError when it has no valid file."""
    repository = load_repository(repo_dir, settings).repository
    team_file = repository.file_for(from_period, team)
    if team_file is None:
        raise UsageError(f"no valid file for team {team!r} in {from_period}", hint="check the team and period (okr validate)")
    return carry_over(team_file, as_of, settings, repo_dir / settings.root, next_period)
