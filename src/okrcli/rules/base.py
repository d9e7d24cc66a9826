"""What a rule is, and the context every lint rule's ``findings`` receives."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType, ModuleType
from typing import Annotated, Any, Callable, Iterator, Mapping

from pydantic import Field

from okrcli.repo.config import Settings
from okrcli.model.diagnostics import Diagnostic, Severity
from okrcli.model.history import RepositoryHistory
from okrcli.model.location import Span
from okrcli.repo.repository import TeamFile
from okrcli.rules.summary import SummaryIndex


LINT = "lint"
"""A lint rule: ``okr lint`` runs its ``findings``."""
LOADER = "loader"
"""Reported by loading (``okr validate``, ``okr lint``, every command that reads the files);
the module documents the code and re-checks nothing."""
DRAFT = "draft"
"""Feedback ``okr draft`` gives on a sentence before there is a file."""


PositiveInt = Annotated[int, Field(gt=0)]
Words = list[str]


@dataclass(frozen=True)
class Option:
    """One setting a rule declares beside itself (yamllint's ``CONF``/``DEFAULT`` in one place).

    okr.toml sets it under ``[rules.<rule-name>]``, or by its ``lint_key`` under ``[lint]``.
    """

    default: Any
    kind: Any
    """What a value must be, as a type pydantic validates (:data:`PositiveInt`, :data:`Words`)."""
    description: str
    lint_key: str | None = None
    """The key under ``[lint]`` that has always set this option (docs/configuration.md is a contract)."""


@dataclass(frozen=True)
class Rule:
    """A registered rule: its stable name, default severity, documentation and what finds its problems."""

    name: str
    severity: Severity
    title: str
    """The one-line description ``okr rules`` lists (the docstring's first line)."""
    doc: str
    findings: Callable[["LintContext"], Iterator[Diagnostic]]
    reported_by: str = LINT
    """:data:`LINT`, :data:`LOADER` or :data:`DRAFT`: who reports the code."""
    scope: str = "file"
    """"file": sees one file at a time (runs in parallel, cached); "repository": sees every file's summary;
    "history": sees the files git history has something to say about, and that history."""
    options: Mapping[str, Option] = field(default_factory=lambda: MappingProxyType({}))
    """The settings the rule declares (``OPTIONS``), by name."""

    @classmethod
    def from_module(cls, module: ModuleType) -> "Rule":
        """The rule a module declares: ``NAME``, ``SEVERITY``, its docstring and optional ``findings``."""
        doc = (module.__doc__ or "").strip()
        options = MappingProxyType(dict(getattr(module, "OPTIONS", {})))
        return cls(
            name=module.NAME,
            severity=module.SEVERITY,
            title=doc.splitlines()[0] if doc else "",
            doc=doc + _options_section(module.NAME, options),
            findings=getattr(module, "findings", _nothing),
            reported_by=getattr(module, "REPORTED_BY", LINT),
            scope=getattr(module, "SCOPE", "file"),
            options=options,
        )


def _options_section(name: str, options: Mapping[str, Option]) -> str:
    """The documentation of a rule's options, written from their declarations so it cannot drift."""
    if not options:
        return ""
    lines = ["", "", "## Options", f"In okr.toml, under `[rules.{name}]`:"]
    for key, option in options.items():
        also = f"; or `{option.lint_key}` under `[lint]`" if option.lint_key else ""
        lines.append(f"- `{key}` (default `{json.dumps(option.default)}`{also}): {option.description}")
    return "\n".join(lines)


def _nothing(ctx: "LintContext") -> Iterator[Diagnostic]:
    return iter(())


@dataclass
class LintContext:
    """What a rule sees: the files to check (file rules) or every file's summary (repository rules).

    Rules report their default severity; the runner applies okr.toml's overrides.
    """

    settings: Settings
    as_of: date
    files: list[TeamFile] = field(default_factory=list)
    index: "SummaryIndex | None" = None
    options_by_rule: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Every rule's option values (declared defaults, then okr.toml), by rule name."""
    history: "RepositoryHistory | None" = None
    """What git says about the files' key results (history rules: ``SCOPE = "history"``)."""
    _scores: dict = field(default_factory=dict)

    def options(self, rule: str) -> Mapping[str, Any]:
        """The values of ``rule``'s options."""
        return self.options_by_rule[rule]

    def summary_finding(self, rule: str, default: Severity, summary, span: tuple, message: str, hint: str | None = None) -> Diagnostic:
        """A diagnostic at ``span`` (as a summary keeps it) in the file ``summary`` describes."""
        return Diagnostic(rule, default, message, summary.file, Span(*span), hint)

    def finding(
        self,
        rule: str,
        default: Severity,
        team_file: TeamFile,
        path: tuple,
        message: str,
        hint: str | None = None,
        key: bool = False,
    ) -> Diagnostic:
        """A diagnostic at the value (or, with ``key``, the key) found at ``path`` in ``team_file``."""
        span = team_file.source_map.key(path) if key else team_file.source_map.value(path)
        return Diagnostic(rule, default, message, team_file.path, span, hint)

    def objective_scores(self, team_file: TeamFile, as_of: date | None = None):
        """Scores of every objective of ``team_file`` (cached)."""
        from okrcli.scoring.scores import score_objective

        key = (id(team_file), as_of or self.as_of)
        if key not in self._scores:
            self._scores[key] = [
                score_objective(o, team_file, as_of or self.as_of, self.settings) for o in team_file.okr.objectives
            ]
        return self._scores[key]

