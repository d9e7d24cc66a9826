"""Check-ins, part one: find the key results and guardrails a reference names.

Reads only the files it needs: a full reference (``team/objective/kr``) reads one
file, a shorter one the files of one period. Writing is ``checkin_write.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from okrcli.model.diagnostics import Diagnostic, Severity, display_path, has_errors
from okrcli.model.errors import EditRefused, UsageError
from okrcli.model.okrfile import CheckIn, OkrFile
from okrcli.model.periods import Period, is_period_name, make_period, period_hint, periods_containing
from okrcli.model.source_ref import SourceRef, source_ref
from okrcli.repo.config import Settings
from okrcli.repo.discovery import declared_or_guessed, discover
from okrcli.repo.repository import TeamFile
from okrcli.usecases.period import team_file_path
from okrcli.usecases.pipeline import load_file


@dataclass
class Metric:
    """A key result or guardrail: a number that takes check-ins."""

    file: Path
    team: str
    period: Period
    node_path: tuple
    ref: str
    kind: str  # "key result" or "guardrail"
    title: str
    unit: str | None
    owner: str | None
    checkins: list[CheckIn]
    baseline: float | None = None
    target: float | None = None
    """Key results only: guardrails have a threshold, not a line from baseline to target."""
    source: SourceRef | None = None
    """Key results only: the okr.toml source ``okr pull`` fetches its value from."""

    def expected_now(self, day: date) -> float | None:
        """Where a straight line from baseline (period start) to target (period end) is on ``day``."""
        if self.baseline is None or self.target is None:
            return None
        return self.baseline + (self.target - self.baseline) * self.period.elapsed_fraction(day)


def metrics_of(path: Path, okr: OkrFile, period: Period) -> list[Metric]:
    """Every key result and guardrail of one file, in file order."""
    found = []
    for o, objective in enumerate(okr.objectives):
        for k, kr in enumerate(objective.key_results):
            found.append(
                Metric(
                    file=path, team=okr.team, period=period,
                    node_path=("objectives", o, "key_results", k),
                    ref=f"{okr.team}/{objective.id}/{kr.id}", kind="key result", title=kr.title,
                    unit=kr.unit, owner=objective.kr_owner(kr), checkins=list(kr.checkins),
                    baseline=kr.baseline, target=kr.target, source=source_ref(kr.source),
                )
            )
    for g, guardrail in enumerate(okr.guardrails):
        found.append(
            Metric(
                file=path, team=okr.team, period=period, node_path=("guardrails", g),
                ref=f"{okr.team}/{guardrail.id}", kind="guardrail", title=guardrail.title,
                unit=guardrail.unit, owner=okr.lead, checkins=list(guardrail.checkins),
            )
        )
    return found


def valid_team_file(path: Path, okr_root: Path, raw: bytes | None, describe: Callable[[Diagnostic], str], hint: str) -> TeamFile:
    """The file's model, or EditRefused built from its first error by ``describe(diagnostic)``.

    No source map unless the file has problems (load_file re-parses with positions then).
    """
    result = load_file(path, okr_root, raw, positions=False)
    if result.team_file is None or has_errors(result.diagnostics):
        first = next(d for d in result.diagnostics if d.severity is Severity.ERROR)
        raise EditRefused(describe(first), hint=hint)
    return result.team_file


def load_valid(path: Path, okr_root: Path, raw: bytes | None = None) -> TeamFile:
    """The file's model; EditRefused naming the first error's location when it has errors."""
    return valid_team_file(
        path, okr_root, raw,
        lambda d: f"{path}:{d.line}:{d.column}: {d.message}",
        "fix the file first (okr validate shows every problem)",
    )


def candidate_files(okr_root: Path, period: str | None, day: date, team: str | None) -> list[Path]:
    """The files that may hold the metric, cheapest guess first.

    With a team and a period folder named like the period, that is one file;
    otherwise every file of the period's folder; otherwise every file.
    """
    periods = [period] if period else periods_containing(day)
    for name in periods:
        if team:
            path = team_file_path(okr_root, name, team)
            if path is not None:
                return [path]
        elif (okr_root / name).is_dir():
            files = discover(okr_root / name)
            if files:
                return files
    return discover(okr_root)


class Matches(list):
    """Metrics that matched a reference, and the team files left out because they have errors."""

    def __init__(self, metrics=(), skipped: list[Path] | None = None, repo_dir: Path | None = None):
        super().__init__(metrics)
        self.skipped = skipped or []
        self.repo_dir = repo_dir


def find_metrics(
    repo_dir: Path,
    settings: Settings,
    ref: str | None,
    day: date,
    period: str | None = None,
    team: str | None = None,
    owner: str | None = None,
    prefix: bool = False,
) -> list[Metric]:
    """Metrics matching ``ref`` (a suffix such as ``objective/kr`` or ``kr``; a prefix when ``prefix``)."""
    if period is not None and not is_period_name(period):
        raise UsageError(f"--period {period!r} is not a period okr can use", hint=period_hint(period))
    okr_root = repo_dir / settings.root
    parts = [p for p in (ref or "").strip("/").split("/") if p]
    guess_team = team or (parts[0] if len(parts) == 3 or (prefix and parts) else None)
    files = candidate_files(okr_root, period, day, guess_team)
    matches = Matches(repo_dir=repo_dir)
    for path in files:
        # one file was asked for by name: its errors are the answer; among many, skip the broken
        team_file = load_valid(path, okr_root) if len(files) == 1 else _valid_or_none(path, okr_root, day, period, guess_team, matches.skipped)
        if team_file is None:
            continue
        if period and team_file.okr.period != period:
            continue
        if not period and not team_file.period.contains(day) and len(files) > 1:
            continue
        for metric in metrics_of(path, team_file.okr, team_file.period):
            if team and metric.team != team:
                continue
            if owner and metric.owner != owner:
                continue
            if parts and not _ref_matches(metric.ref.split("/"), parts, prefix):
                continue
            matches.append(metric)
    return matches


def _valid_or_none(path: Path, okr_root: Path, day: date, period: str | None, team: str | None, skipped: list[Path]) -> TeamFile | None:
    """The file's model, or None when it has errors (added to ``skipped`` if it may hold what was asked for)."""
    result = load_file(path, okr_root, positions=False)
    if not has_errors(result.diagnostics):
        return result.team_file
    if may_hold(result.declared, path, okr_root, day, period, team):
        skipped.append(path)
    return None


def may_hold(declared: tuple, path: Path, okr_root: Path, day: date, period: str | None, team: str | None) -> bool:
    """Whether a file with errors may hold what a command asked for: its period (declared, or
    guessed from its path) is the one asked for or contains ``day``, and its team is ``team``;
    what cannot be known counts as a yes. A broken file of another quarter or team is no reason
    to fail."""
    declared_period, declared_team = declared_or_guessed(declared, path, okr_root)
    if team and declared_team and declared_team != team:
        return False
    if period:
        return declared_period in (None, period)
    if declared_period and is_period_name(declared_period):
        return make_period(declared_period).contains(day)
    return True


def _ref_matches(ref_parts: list[str], parts: list[str], prefix: bool) -> bool:
    """Whether the typed ``parts`` end (or, with ``prefix``, begin) the full reference."""
    if prefix:
        return ref_parts[: len(parts)] == parts
    return len(parts) <= len(ref_parts) and ref_parts[-len(parts) :] == parts


def only_match(metrics: list[Metric], ref: str, period_hint: str) -> Metric:
    """The one metric ``ref`` names; UsageError when it names none or several."""
    if len(metrics) == 1:
        return metrics[0]
    if not metrics:
        skipped = metrics.skipped if isinstance(metrics, Matches) else []
        if skipped:
            names = ", ".join(display_path(p, metrics.repo_dir) for p in skipped[:5]) + (" ..." if len(skipped) > 5 else "")
            # the file's errors are the answer, as when the reference names the file outright (exit 1)
            raise EditRefused(
                f"no key result or guardrail matches {ref!r} in {period_hint}; "
                f"{len(skipped)} file(s) with errors were left out: {names}",
                hint="run `okr validate`, fix what it reports, and run again",
            )
        raise UsageError(
            f"no key result or guardrail matches {ref!r} in {period_hint}",
            hint="`okr refs` lists the references of the period (`okr refs --period P` of another); give one of them",
        )
    listing = ", ".join(m.ref for m in metrics[:12]) + (" ..." if len(metrics) > 12 else "")
    raise UsageError(f"{ref!r} is ambiguous: it matches {listing}", hint="give more of the reference, e.g. team/objective/kr")


def period_label(period: str | None, day: date) -> str:
    """How messages name the period searched: the one given, or the one containing ``day``."""
    return period or f"the period containing {day}"
