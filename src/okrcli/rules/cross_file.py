"""Checks that need more than one field: pure functions returning diagnostics.

File checks see one validated file; repository checks see all of them
(duplicate teams, alignment references and cycles).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from okrcli.model.diagnostics import Diagnostic, error, warning
from okrcli.model.location import Span
from okrcli.model.okrfile import CheckIn
from okrcli.model.periods import is_period_name
from okrcli.model.references import Reference, parse_reference
from okrcli.repo.repository import Repository, TeamFile


def check_file(team_file: TeamFile, root: Path | None) -> list[Diagnostic]:
    """Every single-file rule: ids, baseline/target, check-in order, period dates, path."""
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


def check_repository(repo: Repository) -> list[Diagnostic]:
    """Rules across files for a fully loaded repository (via the same summaries the scanner uses)."""
    from okrcli.rules.summary import broken, summarize

    summaries = [summarize(f, None) for f in repo.files] + [broken(p, d) for p, d in repo.broken.items()]
    return check_summaries(summaries)


def check_summaries(summaries: list) -> list[Diagnostic]:
    """One file per team and period; alignment references that resolve and do not go round in circles."""
    from okrcli.rules.summary import SummaryIndex

    index = SummaryIndex(summaries)
    return [*_duplicate_teams(summaries), *_alignment(index)]


def _span(values) -> Span:
    return Span(*values)


def _duplicate_teams(summaries) -> Iterator[Diagnostic]:
    seen: dict[tuple[str, str], object] = {}
    for summary in summaries:
        if not summary.valid:
            continue
        key = (summary.period, summary.team)
        if key in seen:
            first = seen[key].file
            yield error(
                "duplicate-team",
                f"team '{key[1]}' already has a file for {key[0]}: {first.name} in {first.parent.name}/",
                summary.file,
                _span(summary.team_span),
                "keep one file per team and period; merge the two",
            )
        else:
            seen[key] = summary


def _resolves(index, ref: Reference) -> bool:
    target = index.get(ref.period, ref.team)
    if target is None:
        return False
    for objective in target.objectives:
        if objective.id == ref.objective:
            return ref.key_result is None or any(kr[0] == ref.key_result for kr in objective.key_results)
    return False


def _alignment(index) -> Iterator[Diagnostic]:
    edges: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    locations: dict[tuple[str, str, str], tuple] = {}
    broken_keys = index.broken_keys()
    for summary in index.summaries:
        if not summary.valid:
            continue
        for objective in summary.objectives:
            if objective.aligns_to is None:
                continue
            ref = parse_reference(objective.aligns_to).in_period(summary.period)
            node = (summary.period, summary.team, objective.id)
            locations[node] = (summary, objective)
            if not _resolves(index, ref):
                if (ref.period, ref.team) in broken_keys:
                    continue  # its file has errors of its own; do not pile on
                yield error(
                    "alignment-unknown",
                    f"objective '{objective.id}' aligns to '{objective.aligns_to}', which does not exist",
                    summary.file,
                    _span(objective.aligns_span),
                    _alignment_hint(index, ref),
                )
                continue
            edges[node] = (ref.period, ref.team, ref.objective)
    yield from _cycles(edges, locations)


def _alignment_hint(index, ref: Reference) -> str:
    target = index.get(ref.period, ref.team)
    if target is None:
        teams = sorted(s.team for s in index.summaries if s.valid and s.period == ref.period)
        return f"no team '{ref.team}' in {ref.period}; teams there: {', '.join(teams) or 'none'}"
    ids = [o.id for o in target.objectives]
    if ref.key_result and ref.objective in ids:
        objective = next(o for o in target.objectives if o.id == ref.objective)
        return f"key results of {ref.team}/{ref.objective}: " + ", ".join(kr[0] for kr in objective.key_results)
    return f"objectives of {ref.team} in {ref.period}: " + ", ".join(ids)


def _cycles(edges: dict, locations: dict) -> Iterator[Diagnostic]:
    reported: set = set()
    for start in edges:
        chain = [start]
        node = edges.get(start)
        while node is not None and node not in chain:
            chain.append(node)
            node = edges.get(node)
        if node is None or node != start:
            continue
        members = frozenset(chain)
        if members in reported:
            continue
        reported.add(members)
        summary, objective = locations[start]
        names = " -> ".join(f"{t}/{o}" for _, t, o in chain + [start])
        yield error(
            "alignment-cycle",
            f"alignment goes round in a circle: {names}",
            summary.file,
            _span(objective.aligns_span),
            "an objective should align upward; remove aligns_to from one of them",
        )
