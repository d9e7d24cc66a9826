"""Run the lint rules: selection, severities, suppression comments, unused suppressions."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

from okrcli.config import Settings
from okrcli.diagnostics import Diagnostic, Severity
from okrcli.errors import UsageError
from okrcli.lint.base import LintContext
from okrcli.lint.registry import ALL_NAMES, RULES
from okrcli.loader import LoadResult
from okrcli.location import Span
from okrcli.repository import TeamFile


def check_rule_names(names: list[str], where: str) -> None:
    for name in names:
        if name not in ALL_NAMES:
            close = difflib.get_close_matches(name, sorted(ALL_NAMES), n=1)
            raise UsageError(
                f"{where}: unknown rule '{name}'",
                hint=f"did you mean '{close[0]}'?" if close else "`okr rules` lists them",
            )


def _in(path: Path, wanted: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == w or w in resolved.parents for w in wanted)


def run_lint(
    load: LoadResult,
    settings: Settings,
    as_of: date,
    paths: list[Path] | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
) -> list[Diagnostic]:
    """Everything `okr validate` reports for ``paths`` plus every selected rule's findings."""
    select = list(select or []) or list(settings.lint.select)
    ignore = list(ignore or []) + list(settings.lint.ignore)
    check_rule_names(select, "--select")
    check_rule_names(ignore, "--ignore")
    check_rule_names(list(settings.lint.severity), "okr.toml [lint] severity")
    off = {name for name, level in settings.lint.severity.items() if level == "off"} | set(ignore)

    repository = load.repository
    wanted = [p.resolve() for p in paths] if paths is not None else None
    files = [f for f in repository.files if wanted is None or _in(f.path, wanted)]
    context = LintContext(repository, settings, as_of, files)

    found: list[Diagnostic] = []
    for diag in load.diagnostics:
        if wanted is not None and diag.file is not None and not _in(diag.file, wanted):
            continue
        if diag.rule in off:
            continue
        level = settings.lint.severity.get(diag.rule)
        if level and level != "off":
            diag = Diagnostic(diag.rule, Severity(level), diag.message, diag.file, diag.span, diag.hint)
        found.append(diag)
    for rule in RULES:
        if rule.from_validation or rule.name in off or (select and rule.name not in select):
            continue
        found.extend(rule.check(context))

    found = _apply_suppressions(found, files, "unused-suppression" not in off and (not select or "unused-suppression" in select), context)
    found.sort(key=Diagnostic.sort_key)
    return found


def _apply_suppressions(found: list[Diagnostic], files: list[TeamFile], report_unused: bool, context: LintContext) -> list[Diagnostic]:
    by_path = {f.path.resolve(): f for f in files if f.suppressions}
    if not by_path:
        return found
    used: set[tuple] = set()
    kept = []
    for diag in found:
        team_file = by_path.get(diag.file.resolve()) if diag.file else None
        silenced = False
        if team_file is not None:
            for s in team_file.suppressions:
                if diag.rule in s.rules and (s.kind == "file" or s.applies_to == diag.line):
                    used.add((team_file.path, s.line, diag.rule))
                    silenced = True
        if not silenced:
            kept.append(diag)
    if report_unused:
        for team_file in by_path.values():
            for s in team_file.suppressions:
                for rule in s.rules:
                    if (team_file.path, s.line, rule) in used:
                        continue
                    reason = "names no known rule" if rule not in ALL_NAMES else "silences nothing"
                    kept.append(
                        Diagnostic(
                            "unused-suppression",
                            context.severity("unused-suppression", Severity.INFO),
                            f"`okr: disable-{s.kind} {rule}` {reason}",
                            team_file.path,
                            Span.point(s.line, s.column),
                            "remove the comment" if rule in ALL_NAMES else "`okr rules` lists the rule names",
                        )
                    )
    return kept
