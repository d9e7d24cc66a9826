"""References: every key result and guardrail of a period that can take a check-in.

``okr refs`` lists them (one full reference a line, with its title) and shell completion
offers them for ``okr checkin``, ``okr score`` and ``okr history``: the one place where a
reference can be looked up, instead of reading it off a table that shows titles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrcli.model.diagnostics import has_errors
from okrcli.model.errors import UsageError
from okrcli.model.periods import is_period_name, period_hint
from okrcli.repo.config import Settings
from okrcli.usecases.checkin import Metric, candidate_files, metrics_of
from okrcli.usecases.pipeline import load_file


@dataclass
class RefListing:
    """The metrics of a period, in file order, and the files left out because they have errors."""

    metrics: list[Metric] = field(default_factory=list)
    broken: list[Path] = field(default_factory=list)


def period_refs(repo_dir: Path, settings: Settings, day: date, period: str | None = None, prefix: str | None = None) -> RefListing:
    """The key results and guardrails of ``period`` (default: the one containing ``day``).

    ``prefix`` keeps those under a team, objective or reference (``finance``,
    ``finance/faster-close``), whole parts only, as ``okr score`` reads it.
    """
    if period is not None and not is_period_name(period):
        raise UsageError(f"--period {period!r} is not a period okr can use", hint=period_hint(period))
    okr_root = repo_dir / settings.root
    parts = [p for p in (prefix or "").strip("/").split("/") if p]
    listing = RefListing()
    for path in candidate_files(okr_root, period, day, parts[0] if parts else None):
        result = load_file(path, okr_root, positions=False)
        team_file = result.team_file
        if team_file is None or has_errors(result.diagnostics):
            listing.broken.append(path)
            continue
        in_period = team_file.okr.period == period if period else team_file.period.contains(day)
        if not in_period:
            continue
        listing.metrics += [m for m in metrics_of(path, team_file.okr, team_file.period) if m.ref.split("/")[: len(parts)] == parts]
    return listing


def completions(metrics: list[Metric], incomplete: str, parents: bool = False) -> list[tuple[str, str]]:
    """(reference, description) pairs that start with what has been typed.

    With ``parents`` (``okr score``'s prefix) teams and objectives are offered too.
    """
    offered: dict[str, str] = {}
    for metric in metrics:
        parts = metric.ref.split("/")
        if parents:
            for size in range(1, len(parts)):
                offered.setdefault("/".join(parts[:size]), "team" if size == 1 else "objective")
        offered[metric.ref] = metric.title
    return [(ref, text) for ref, text in offered.items() if ref.startswith(incomplete)]
