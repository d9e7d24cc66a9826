"""Check-ins: find the key result or guardrail, check the rules, splice, validate, write.

Reads only the files it needs: a full reference (``team/objective/kr``) reads
one file, a shorter one the files of one period.  Every write happens under
a per-file lock, re-reads the file inside the lock, validates the result and
replaces the file atomically, so concurrent check-ins never lose an update
and a crash leaves the old or the new file.
"""

from __future__ import annotations

import difflib
import hashlib
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrcli.repo.config import Settings
from okrcli.model.diagnostics import has_errors
from okrcli.yamlio.splice import NewCheckIn, splice_checkin
from okrcli.model.errors import EditRefused, UsageError
from okrcli.repo.discovery import discover
from okrcli.usecases.pipeline import load_file
from okrcli.model.okrfile import CheckIn, OkrFile
from okrcli.model.periods import Period, is_period_name, periods_containing
from okrcli.model.numbers import render_number

BOM = b"\xef\xbb\xbf"


@dataclass
class Target:
    """A key result or guardrail that can take a check-in."""

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
    objective_type: str | None = None

    def expected_now(self, day: date) -> float | None:
        """Where a straight line from baseline (period start) to target (period end) is on ``day``."""
        if self.baseline is None or self.target is None:
            return None
        return self.baseline + (self.target - self.baseline) * self.period.elapsed_fraction(day)


def targets_of(path: Path, okr: OkrFile, period: Period) -> list[Target]:
    found = []
    for o, objective in enumerate(okr.objectives):
        for k, kr in enumerate(objective.key_results):
            found.append(
                Target(
                    file=path, team=okr.team, period=period,
                    node_path=("objectives", o, "key_results", k),
                    ref=f"{okr.team}/{objective.id}/{kr.id}", kind="key result", title=kr.title,
                    unit=kr.unit, owner=objective.kr_owner(kr), checkins=list(kr.checkins),
                    baseline=kr.baseline, target=kr.target, objective_type=objective.type,
                )
            )
    for g, guardrail in enumerate(okr.guardrails):
        found.append(
            Target(
                file=path, team=okr.team, period=period, node_path=("guardrails", g),
                ref=f"{okr.team}/{guardrail.id}", kind="guardrail", title=guardrail.title,
                unit=guardrail.unit, owner=okr.lead, checkins=list(guardrail.checkins),
            )
        )
    return found


def _valid_team_file(path: Path, okr_root: Path, raw: bytes | None, describe, hint: str):
    """The file's model, or EditRefused built from its first error by ``describe(diagnostic)``.

    No source map unless the file has problems (load_file re-parses with positions then).
    """
    result = load_file(path, okr_root, raw, positions=False)
    if result.team_file is None or has_errors(result.diagnostics):
        first = next(d for d in result.diagnostics if d.severity.value == "error")
        raise EditRefused(describe(first), hint=hint)
    return result.team_file


def _load_valid(path: Path, okr_root: Path, raw: bytes | None = None):
    return _valid_team_file(
        path, okr_root, raw,
        lambda d: f"{path}:{d.line}:{d.column}: {d.message}",
        "fix the file first (okr validate shows every problem)",
    )


def candidate_files(okr_root: Path, period: str | None, day: date, team: str | None) -> list[Path]:
    """The files that may hold the target, cheapest guess first.

    With a team and a period folder named like the period, that is one file;
    otherwise every file of the period's folder; otherwise every file.
    """
    periods = [period] if period else periods_containing(day)
    for name in periods:
        folder = okr_root / name
        if team:
            for suffix in (".yaml", ".yml"):
                if (folder / f"{team}{suffix}").is_file():
                    return [folder / f"{team}{suffix}"]
        elif folder.is_dir():
            files = discover(folder)
            if files:
                return files
    return discover(okr_root)


def find_targets(
    repo_dir: Path,
    settings: Settings,
    ref: str | None,
    day: date,
    period: str | None = None,
    team: str | None = None,
    owner: str | None = None,
    prefix: bool = False,
) -> list[Target]:
    """Targets matching ``ref`` (a suffix such as ``objective/kr`` or ``kr``; a prefix when ``prefix``)."""
    if period is not None and not is_period_name(period):
        raise UsageError(f"--period {period!r} is not a period", hint="use 2026-Q4, 2026-H1 or 2026")
    okr_root = repo_dir / settings.root
    parts = [p for p in (ref or "").strip("/").split("/") if p]
    guess_team = team or (parts[0] if len(parts) == 3 or (prefix and parts) else None)
    files = candidate_files(okr_root, period, day, guess_team)
    matches: list[Target] = []
    for path in files:
        team_file = _load_valid(path, okr_root) if len(files) == 1 else _try_load(path, okr_root)
        if team_file is None:
            continue
        if period and team_file.okr.period != period:
            continue
        if not period and not team_file.period.contains(day) and len(files) > 1:
            continue
        for target in targets_of(path, team_file.okr, team_file.period):
            if team and target.team != team:
                continue
            if owner and target.owner != owner:
                continue
            if parts and not _matches(target.ref.split("/"), parts, prefix):
                continue
            matches.append(target)
    return matches


def _try_load(path: Path, okr_root: Path):
    result = load_file(path, okr_root, positions=False)
    return None if has_errors(result.diagnostics) else result.team_file


def _matches(ref_parts: list[str], parts: list[str], prefix: bool) -> bool:
    if prefix:
        return ref_parts[: len(parts)] == parts
    return len(parts) <= len(ref_parts) and ref_parts[-len(parts) :] == parts


def resolve_one(targets: list[Target], ref: str, period_hint: str) -> Target:
    if len(targets) == 1:
        return targets[0]
    if not targets:
        raise UsageError(
            f"no key result or guardrail matches {ref!r} in {period_hint}",
            hint="give team/objective/kr (see `okr score` for refs), or --period for another period",
        )
    listing = ", ".join(t.ref for t in targets[:12]) + (" ..." if len(targets) > 12 else "")
    raise UsageError(f"{ref!r} is ambiguous: it matches {listing}", hint="give more of the reference, e.g. team/objective/kr")


def check_rules(target: Target, new: NewCheckIn, replace: bool) -> None:
    """Refuse a check-in outside the period, before the last one, or on a date already taken."""
    period = target.period
    if not period.contains(new.date):
        raise EditRefused(
            f"{new.date} is outside {period.name} ({period.start} to {period.end})",
            hint=f"use a date in the period, or --period for the period that contains {new.date}",
        )
    same = [c for c in target.checkins if c.date == new.date]
    if same and not replace:
        raise EditRefused(
            f"{target.ref} already has a check-in on {new.date} (value {render_number(same[0].value)})",
            hint="pass --replace to overwrite it, or --date for another day",
        )
    later = [c for c in target.checkins if c.date > new.date]
    if later:
        raise EditRefused(
            f"{target.ref} has a later check-in ({later[-1].date}); check-ins are kept in date order",
            hint=f"use --date {later[-1].date} or later",
        )


def lock_path(path: Path) -> Path:
    """A lock file outside the repository (so git never sees it), one per OKR file."""
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]
    folder = Path(tempfile.gettempdir()) / "okr-locks"
    folder.mkdir(exist_ok=True)
    return folder / f"{digest}.lock"


@dataclass
class FileChange:
    path: Path
    before: str
    after: str
    team: str
    period: str
    entries: list[tuple[Target, NewCheckIn]] = field(default_factory=list)

    def diff(self, label: str | None = None) -> str:
        name = label or self.path.as_posix()
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )


def _find_again(okr: OkrFile, target: Target) -> tuple:
    """The node path of ``target`` in a freshly read file (ids, not indices, identify it)."""
    parts = target.ref.split("/")
    if target.kind == "guardrail":
        for g, guardrail in enumerate(okr.guardrails):
            if guardrail.id == parts[1]:
                return ("guardrails", g), list(guardrail.checkins)
    else:
        for o, objective in enumerate(okr.objectives):
            if objective.id == parts[1]:
                for k, kr in enumerate(objective.key_results):
                    if kr.id == parts[2]:
                        return ("objectives", o, "key_results", k), list(kr.checkins)
    raise EditRefused(f"{target.ref} is no longer in {target.file}", hint="run the command again")


def plan_file(path: Path, okr_root: Path, entries: list[tuple[Target, NewCheckIn]], replace: bool) -> FileChange:
    """Read ``path`` now, splice every entry into it and validate the result (no write)."""
    raw = path.read_bytes()
    bom = raw.startswith(BOM)
    before = raw[len(BOM):].decode("utf-8") if bom else raw.decode("utf-8")
    team_file = _load_valid(path, okr_root, raw)
    text = before
    for target, new in entries:
        node_path, checkins = _find_again(team_file.okr, target)
        fresh = Target(**{**target.__dict__, "checkins": checkins, "node_path": node_path})
        check_rules(fresh, new, replace)
        text = splice_checkin(text, node_path, new, replace)
        team_file = _validated(path, okr_root, text, bom)
    return FileChange(path, before, text, team_file.team, team_file.okr.period, list(entries))


def _validated(path: Path, okr_root: Path, text: str, bom: bool):
    return _valid_team_file(
        path, okr_root, (BOM if bom else b"") + text.encode("utf-8"),
        lambda d: f"the check-in would make the file invalid: {d.message} (line {d.line})",
        "nothing was written; please report this with the file attached",
    )


def write_change(change: FileChange) -> None:
    from okrcli.yamlio.writer import write_atomic

    raw = change.path.read_bytes()
    prefix = "\ufeff" if raw.startswith(BOM) else ""
    write_atomic(change.path, prefix + change.after)


def commit_message(change_list: list[FileChange]) -> str:
    first = change_list[0]
    lines = [f"okr: check-in {first.team} {first.period}", ""]
    for change in change_list:
        for target, new in change.entries:
            value = render_number(new.value) + (f" {target.unit}" if target.unit and target.unit != "%" else (target.unit or ""))
            confidence = f", confidence {render_number(new.confidence)}" if new.confidence is not None else ""
            lines.append(f"- {target.ref}: {value} on {new.date}{confidence}")
    return "\n".join(lines) + "\n"


def period_label(period: str | None, day: date) -> str:
    return period or f"the period containing {day}"
