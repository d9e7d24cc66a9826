"""Run the lint rules: file rules per file, repository rules on summaries; then selection,
severities, suppression comments and unused suppressions."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

from okrcli.repo.config import Settings
from okrcli.model.diagnostics import Diagnostic, Severity
from okrcli.model.errors import UsageError
from okrcli.rules.base import LINT, LintContext
from okrcli.rules.options import every_rule_options
from okrcli.rules.registry import ALL_NAMES, BY_NAME, LINT_REPORTS, RULES
from okrcli.model.location import Span
from okrcli.repo.repository import TeamFile

FILE_RULES = tuple(r for r in RULES if r.scope == "file" and r.reported_by == LINT)
REPOSITORY_RULES = tuple(r for r in RULES if r.scope == "repository" and r.reported_by == LINT)
HISTORY_RULES = tuple(r for r in RULES if r.scope == "history" and r.reported_by == LINT)


def reject_unknown_rules(names: list[str], where: str) -> None:
    """Raise a usage error (with the closest name) for any name ``okr lint`` cannot report."""
    for name in names:
        if name in LINT_REPORTS:
            continue
        if name in BY_NAME:
            raise UsageError(f"{where}: '{name}' is reported by okr {BY_NAME[name].reported_by} only, never by okr lint")
        close = difflib.get_close_matches(name, sorted(LINT_REPORTS), n=1)
        raise UsageError(
            f"{where}: unknown rule '{name}'",
            hint=f"did you mean '{close[0]}'?" if close else "`okr rules` lists them",
        )


def lint_file(team_file: TeamFile, settings: Settings, as_of: date) -> list[Diagnostic]:
    """Every file-scope rule on one file, at default severities (selection is applied later)."""
    context = LintContext(settings, as_of, [team_file], options_by_rule=every_rule_options(settings))
    found: list[Diagnostic] = []
    for rule in FILE_RULES:
        found.extend(rule.findings(context))
    return found


def lint_repository(index, settings: Settings, as_of: date) -> list[Diagnostic]:
    """Every repository-scope rule on every file's summary, at default severities."""
    context = LintContext(settings, as_of, index=index, options_by_rule=every_rule_options(settings))
    found: list[Diagnostic] = []
    for rule in REPOSITORY_RULES:
        found.extend(rule.findings(context))
    return found


def lint_history(files: list[TeamFile], history, settings: Settings, as_of: date) -> list[Diagnostic]:
    """Every history-scope rule on ``files`` with what git says about them, at default severities."""
    context = LintContext(settings, as_of, files, options_by_rule=every_rule_options(settings), history=history)
    found: list[Diagnostic] = []
    for rule in HISTORY_RULES:
        found.extend(rule.findings(context))
    return found


class Selection:
    """--select / --ignore / okr.toml [lint]: which rules report, at which severity."""

    def __init__(self, settings: Settings, select: list[str] | None = None, ignore: list[str] | None = None):
        self.select = list(select or []) or list(settings.lint.select)
        ignored_now = list(ignore or [])
        ignore = ignored_now + list(settings.lint.ignore)
        reject_unknown_rules(self.select, "--select")
        reject_unknown_rules(ignore, "--ignore")
        reject_unknown_rules(list(settings.lint.severity), "okr.toml [lint] severity")
        self.levels = {name: level for name, level in settings.lint.severity.items() if level != "off"}
        self.off = {name for name, level in settings.lint.severity.items() if level == "off"} | set(ignore)
        self.lint_rules = {r.name for r in RULES if r.reported_by == LINT}
        self.left_out_now = set(ignored_now) | ({r for r in self.lint_rules if r not in select} if select else set())
        """Rules this run leaves out by --ignore or --select: suppressions of them are not judged."""

    def wants(self, rule: str) -> bool:
        if rule in self.off:
            return False
        if self.select and rule in self.lint_rules:
            return rule in self.select
        return True

    def apply(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        result = []
        for diag in diagnostics:
            if not self.wants(diag.rule):
                continue
            level = self.levels.get(diag.rule)
            if level:
                diag = Diagnostic(diag.rule, Severity(level), diag.message, diag.file, diag.span, diag.hint)
            result.append(diag)
        return result


def apply_suppressions(
    found: list[Diagnostic], suppressions_by_path: dict[Path, tuple], report_unused: bool, selection: Selection | None = None
) -> list[Diagnostic]:
    """Drop findings silenced by ``# okr: disable-...`` comments; report the comments that silenced nothing.

    Like ruff, a comment naming a rule that is not enabled is told apart from one that
    matched nothing: the project's okr.toml turning the rule off is reported as such, and
    a rule left out of this run by --ignore or --select is not judged at all (the comment
    may well be needed when the rule runs).
    """
    if not suppressions_by_path:
        return found
    used: set[tuple] = set()
    kept = []
    for diag in found:
        suppressions = suppressions_by_path.get(diag.file) if diag.file else None
        silenced = False
        for s in suppressions or ():
            if diag.rule in s.rules and (s.kind == "file" or s.applies_to == diag.line):
                used.add((diag.file, s.line, diag.rule))
                silenced = True
        if not silenced:
            kept.append(diag)
    if report_unused:
        for path, suppressions in suppressions_by_path.items():
            for s in suppressions:
                for rule in s.rules:
                    if (path, s.line, rule) in used or (selection is not None and rule in selection.left_out_now):
                        continue
                    reason, hint = _why_unused(rule, selection)
                    kept.append(
                        Diagnostic("unused-suppression", Severity.INFO, f"`okr: disable-{s.kind} {rule}` {reason}", path, Span.point(s.line, s.column), hint)
                    )
    return kept


def _why_unused(rule: str, selection: Selection | None) -> tuple[str, str]:
    """(what is wrong with a suppression of ``rule`` that silenced nothing, what to do)."""
    if rule not in ALL_NAMES:
        return "names no known rule", "`okr rules` lists the rule names"
    if selection is not None and not selection.wants(rule):
        return "names a rule that is not enabled (okr.toml [lint]), so it silences nothing", "remove the comment, or enable the rule again in okr.toml [lint]"
    return "silences nothing", "remove the comment"
