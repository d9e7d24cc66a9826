"""File-format checks that need more than one field of one file.

The number of key results, duplicate ids, baseline = target, check-in order, period
dates and a path that disagrees with the file's period or team. They read the parsed
YAML's well-formed parts (:mod:`okrcli.rules.raw_parts`), not the model, so they run
whether or not the file validates: a typo in one objective and a duplicate id in another
are reported together. The codes are documented with every other code in the registry
(``okr rules``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from okrcli.model.diagnostics import Diagnostic, error, warning
from okrcli.model.location import SourceMap
from okrcli.model.periods import is_period_name, period_range
from okrcli.repo.reading import FileRead
from okrcli.repo.schema_errors import describe
from okrcli.rules import raw_parts as raw

KR_COUNT = (2, 5)
"""The fewest and most key results an objective may have."""


@dataclass(frozen=True)
class _File:
    path: Path
    data: dict
    source_map: SourceMap

    def name(self, path: tuple, kind: str) -> str:
        """``key result 'close-time'`` from the id; the reader's description when the id is malformed."""
        item = self.data
        for part in path:
            item = item[part]
        ident = raw.slug(item.get("id"))
        return f"{kind} '{ident}'" if ident else describe(path, self.data)


def file_problems(read: FileRead, root: Path | None, sources: frozenset[str] | None = None) -> list[Diagnostic]:
    """Every multi-field check of one parsed file, valid or not: key-result counts, ids,
    baseline/target, check-in order, period dates, path; with ``sources`` (the names
    okr.toml defines), the sources key results name."""
    document = read.document
    if document is None or not isinstance(document.data, dict):
        return []
    file = _File(read.path, document.data, document.source_map)
    return [
        *_kr_counts(file),
        *_duplicate_ids(file),
        *_baseline_equals_target(file),
        *_checkin_order(file),
        *_period_dates(file),
        *_path_mismatch(file, root),
        *(_unknown_sources(file, sources) if sources is not None else ()),
    ]


def _objectives(file: _File) -> Iterator[tuple[tuple, dict]]:
    for o, objective in raw.mappings(file.data, "objectives"):
        yield ("objectives", o), objective


def _key_results(file: _File) -> Iterator[tuple[tuple, dict]]:
    for base, objective in _objectives(file):
        for k, kr in raw.mappings(objective, "key_results"):
            yield base + ("key_results", k), kr


def _kr_counts(file: _File) -> Iterator[Diagnostic]:
    # counted here rather than by the model, whose length check would hide every error inside the list
    fewest, most = KR_COUNT
    for base, objective in _objectives(file):
        krs = objective.get("key_results")
        if not isinstance(krs, list) or fewest <= len(krs) <= most:
            continue
        count = len(krs)
        yield error(
            "kr-count",
            f"{describe(base, file.data)} has {count} key result{'s' if count != 1 else ''}; an objective needs {fewest} to {most}",
            file.path,
            file.source_map.key(base + ("key_results",)),
            "add measurable key results" if count < fewest else f"keep the {most} that matter most; move the rest to another objective or drop them",
        )


def _duplicate(file: _File, parent: Any, key: str, base: tuple, what: str) -> Iterator[Diagnostic]:
    seen: dict[str, int] = {}
    for index, item in raw.mappings(parent, key):
        ident = raw.slug(item.get("id"))
        if ident is None:
            continue
        if ident in seen:
            first = file.source_map.value(base + (key, seen[ident], "id"))
            yield error(
                "duplicate-id",
                f"{what} id '{ident}' is used twice (first on line {first.line})",
                file.path,
                file.source_map.value(base + (key, index, "id")),
                "give each one its own id; references and check-ins find them by id",
            )
        else:
            seen[ident] = index


def _duplicate_ids(file: _File) -> Iterator[Diagnostic]:
    yield from _duplicate(file, file.data, "objectives", (), "objective")
    yield from _duplicate(file, file.data, "guardrails", (), "guardrail")
    for base, objective in _objectives(file):
        yield from _duplicate(file, objective, "key_results", base, "key result")


def _baseline_equals_target(file: _File) -> Iterator[Diagnostic]:
    for path, kr in _key_results(file):
        baseline, target = raw.number(kr.get("baseline")), raw.number(kr.get("target"))
        if baseline is not None and baseline == target:
            yield error(
                "baseline-equals-target",
                f"{file.name(path, 'key result')} has the same baseline and target ({target:g}); there is nothing to move",
                file.path,
                file.source_map.value(path + ("target",)),
                "set the target to the value that proves the objective happened",
            )


def _order(file: _File, metric: dict, base: tuple, what: str) -> Iterator[Diagnostic]:
    previous = None
    for index, checkin in raw.mappings(metric, "checkins"):
        current = raw.day(checkin.get("date"))
        if current is None:
            continue
        if previous is not None and current <= previous:
            same = current == previous
            yield error(
                "checkin-order",
                f"{what} has two check-ins dated {current}"
                if same
                else f"check-in dated {current} of {what} comes after one dated {previous}",
                file.path,
                file.source_map.value(base + ("checkins", index, "date")),
                "merge the two check-ins into one" if same else "keep check-ins in date order, oldest first",
            )
        previous = current


def _checkin_order(file: _File) -> Iterator[Diagnostic]:
    for path, kr in _key_results(file):
        yield from _order(file, kr, path, file.name(path, "key result"))
    for g, guardrail in raw.mappings(file.data, "guardrails"):
        path = ("guardrails", g)
        yield from _order(file, guardrail, path, file.name(path, "guardrail"))


def _period_dates(file: _File) -> Iterator[Diagnostic]:
    start, end = raw.day(file.data.get("start")), raw.day(file.data.get("end"))
    period = raw.period_name(file.data.get("period"))
    own_start, own_end = period_range(period) if period else (None, None)
    first, last = start or own_start, end or own_end
    if first is None or last is None or first <= last:
        return
    if start and end:
        where, hint = ("end",), "swap start and end, or remove them to use the period's own dates"
    elif start:
        where, hint = ("start",), f"{period} ends on {own_end}: set `end:` as well, or correct `start:`"
    else:
        where, hint = ("end",), f"{period} starts on {own_start}: set `start:` as well, or correct `end:`"
    yield error(
        "bad-date", f"the period starts ({first}) after it ends ({last})", file.path, file.source_map.value(where), hint
    )


def _path_mismatch(file: _File, root: Path | None) -> Iterator[Diagnostic]:
    if root is None:
        return
    try:
        parts = file.path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        return
    if len(parts) != 2 or not is_period_name(parts[0]):
        return
    folder, stem = parts[0], file.path.stem
    period, team = raw.period_name(file.data.get("period")), raw.slug(file.data.get("team"))
    if period is not None and folder != period:
        yield warning(
            "path-mismatch",
            f"the file says period {period} but lies in folder {folder}/",
            file.path,
            file.source_map.value(("period",)),
            f"move it to {period}/{team or stem}.yaml, or fix the period",
        )
    if team is not None and stem != team:
        yield warning(
            "path-mismatch",
            f"the file says team '{team}' but is named {file.path.name}",
            file.path,
            file.source_map.value(("team",)),
            f"rename it to {team}{file.path.suffix}, or fix the team",
        )


def _unknown_sources(file: _File, sources: frozenset[str]) -> Iterator[Diagnostic]:
    for path, kr in _key_results(file):
        named = kr.get("source")
        at = path + ("source",) if isinstance(named, str) else path + ("source", "name")
        name = raw.slug(named.get("name") if isinstance(named, dict) else named)
        if name is None or name in sources:
            continue
        known = ", ".join(sorted(sources))
        yield error(
            "unknown-source",
            f"{file.name(path, 'key result')} names source '{name}', which okr.toml does not define",
            file.path,
            file.source_map.value(at),
            f"define [sources.{name}] in okr.toml (a command, a file or a url)" + (f", or name one of: {known}" if known else ""),
        )
