"""File-format checks that need more than one field of one validated file.

Duplicate ids, baseline = target, check-in order, period dates and a path that
disagrees with the file's period or team. The codes are documented with every
other code in the registry (``okr rules``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from okrcli.model.diagnostics import Diagnostic, error, warning
from okrcli.model.okrfile import CheckIn
from okrcli.model.periods import is_period_name
from okrcli.repo.repository import TeamFile


def file_problems(team_file: TeamFile, root: Path | None) -> list[Diagnostic]:
    """Every multi-field check of one valid file: ids, baseline/target, check-in order, period dates, path."""
    return [
        *_duplicate_ids(team_file),
        *_baseline_equals_target(team_file),
        *_checkin_order(team_file),
        *_period_dates(team_file),
        *_path_mismatch(team_file, root),
    ]


def _duplicate(items: list, path_of, what: str, team_file: TeamFile) -> Iterator[Diagnostic]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            first = team_file.source_map.value(path_of(seen[item.id]) + ("id",))
            yield error(
                "duplicate-id",
                f"{what} id '{item.id}' is used twice (first on line {first.line})",
                team_file.path,
                team_file.source_map.value(path_of(index) + ("id",)),
                "give each one its own id; references and check-ins find them by id",
            )
        else:
            seen[item.id] = index


def _duplicate_ids(team_file: TeamFile) -> Iterator[Diagnostic]:
    okr = team_file.okr
    yield from _duplicate(okr.objectives, lambda i: ("objectives", i), "objective", team_file)
    yield from _duplicate(okr.guardrails, lambda i: ("guardrails", i), "guardrail", team_file)
    for o, objective in enumerate(okr.objectives):
        yield from _duplicate(
            objective.key_results, lambda i, o=o: ("objectives", o, "key_results", i), "key result", team_file
        )


def _baseline_equals_target(team_file: TeamFile) -> Iterator[Diagnostic]:
    for o, objective in enumerate(team_file.okr.objectives):
        for k, kr in enumerate(objective.key_results):
            if kr.baseline == kr.target:
                yield error(
                    "baseline-equals-target",
                    f"key result '{kr.id}' has the same baseline and target ({kr.target:g}); there is nothing to move",
                    team_file.path,
                    team_file.source_map.value(("objectives", o, "key_results", k, "target")),
                    "set the target to the value that proves the objective happened",
                )


def _order(checkins: list[CheckIn], base: tuple, what: str, team_file: TeamFile) -> Iterator[Diagnostic]:
    for index in range(1, len(checkins)):
        previous, current = checkins[index - 1], checkins[index]
        if current.date <= previous.date:
            same = current.date == previous.date
            yield error(
                "checkin-order",
                f"{what} has two check-ins dated {current.date}"
                if same
                else f"check-in dated {current.date} of {what} comes after one dated {previous.date}",
                team_file.path,
                team_file.source_map.value(base + (index, "date")),
                "merge the two check-ins into one" if same else "keep check-ins in date order, oldest first",
            )


def _checkin_order(team_file: TeamFile) -> Iterator[Diagnostic]:
    okr = team_file.okr
    for o, objective in enumerate(okr.objectives):
        for k, kr in enumerate(objective.key_results):
            yield from _order(kr.checkins, ("objectives", o, "key_results", k, "checkins"), f"key result '{kr.id}'", team_file)
    for g, guardrail in enumerate(okr.guardrails):
        yield from _order(guardrail.checkins, ("guardrails", g, "checkins"), f"guardrail '{guardrail.id}'", team_file)


def _period_dates(team_file: TeamFile) -> Iterator[Diagnostic]:
    okr = team_file.okr
    if okr.start and okr.end and okr.start > okr.end:
        yield error(
            "bad-date",
            f"the period starts ({okr.start}) after it ends ({okr.end})",
            team_file.path,
            team_file.source_map.value(("end",)),
            "swap start and end, or remove them to use the period's own dates",
        )


def _path_mismatch(team_file: TeamFile, root: Path | None) -> Iterator[Diagnostic]:
    if root is None:
        return
    try:
        parts = team_file.path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        return
    if len(parts) != 2 or not is_period_name(parts[0]):
        return
    folder, stem = parts[0], team_file.path.stem
    okr = team_file.okr
    if folder != okr.period:
        yield warning(
            "path-mismatch",
            f"the file says period {okr.period} but lies in folder {folder}/",
            team_file.path,
            team_file.source_map.value(("period",)),
            f"move it to {okr.period}/{okr.team}.yaml, or fix the period",
        )
    if stem != okr.team:
        yield warning(
            "path-mismatch",
            f"the file says team '{okr.team}' but is named {team_file.path.name}",
            team_file.path,
            team_file.source_map.value(("team",)),
            f"rename it to {okr.team}{team_file.path.suffix}, or fix the team",
        )
