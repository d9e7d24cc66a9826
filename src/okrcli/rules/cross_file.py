"""Checks across files, on every file's summary: duplicate teams, alignment references and cycles.

They see summaries, never models, so they work the same whether the files were just
loaded, processed in worker processes or taken from the cache. A file with errors takes
part with what it holds (``FileSummary.objectives``): its own references are checked, and
a reference into it is reported unknown only when its objectives are all known, so a
typo in one file never hides, nor fakes, a problem in another.
"""

from __future__ import annotations

from collections.abc import Iterator

from okrcli.model.diagnostics import Diagnostic, error
from okrcli.model.location import Span
from okrcli.model.references import Reference, parse_reference
from okrcli.rules.summary import FileSummary, SummaryIndex


def cross_file_problems(summaries: list[FileSummary]) -> list[Diagnostic]:
    """One file per team and period; alignment references that resolve and do not go round in circles."""

    index = SummaryIndex(summaries)
    return [*_duplicate_teams(summaries), *_alignment(index)]


def _span(values) -> Span:
    return Span(*values)


def _duplicate_teams(summaries) -> Iterator[Diagnostic]:
    seen: dict[tuple[str, str], object] = {}
    # the file named for its team (finance.yaml) is the one kept; the other is the duplicate
    for summary in sorted(summaries, key=lambda s: s.file.stem != s.team):
        if summary.team_span is None:
            continue  # the file declares no well-formed team and period of its own
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


def _resolves(index, ref: Reference) -> bool | None:
    """True when ``ref`` names something that exists, False when it certainly does not,
    None when that depends on errors in the file it points into."""
    target = index.get(ref.period, ref.team)
    if target is None:
        return None if (ref.period, ref.team) in index.broken_keys() else False
    for objective in target.objectives:
        if objective.id == ref.objective:
            if ref.key_result is None or any(kr[0] == ref.key_result for kr in objective.key_results):
                return True
            break
    return False if target.valid or target.objectives_known else None


def _alignment(index) -> Iterator[Diagnostic]:
    edges: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    locations: dict[tuple[str, str, str], tuple] = {}
    for summary in index.summaries:
        for objective in summary.objectives:
            if objective.aligns_to is None:
                continue
            ref = parse_reference(objective.aligns_to).in_period(summary.period)
            node = (summary.period, summary.team, objective.id)
            locations[node] = (summary, objective)
            resolves = _resolves(index, ref)
            if resolves is None:
                continue  # its file has errors of its own that decide it; do not pile on
            if not resolves:
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
        teams = sorted({s.team for s in index.summaries if s.objectives and s.period == ref.period})
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
