"""okr.toml, all of it: the repository's own keys and every rule's options.

A rule declares its options beside itself (``OPTIONS = {"max_words": Option(12, ...)}``).
okr.toml sets them in a ``[rules.<rule-name>]`` table or, for the options that have
always had one, by their key under ``[lint]`` (``max_objective_words``). repo/config.py
validates the rest of okr.toml and keeps these as written; here they are validated
against the declarations, with the same messages (key and line), and folded into
``Settings.rules``. Commands load okr.toml with :func:`load_settings`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Mapping

from pydantic import TypeAdapter, ValidationError

from okrcli.repo.config import (
    LintSettings,
    Settings,
    check_root,
    invalid_value_error,
    parse_settings,
    read_config,
    unknown_key_error,
)
from okrcli.rules.base import Option, Rule

# The registry is imported where it is needed, not here: importing every rule imports
# the language models, and score, report and check-in load okr.toml without running one.


@cache
def _rules_by_name() -> Mapping[str, Rule]:
    from okrcli.rules.registry import BY_NAME

    return BY_NAME


@cache
def lint_keys() -> Mapping[str, tuple[str, str]]:
    """``[lint]`` key -> (rule, option): the older spelling of some options."""
    return {
        option.lint_key: (rule.name, name)
        for rule in _rules_by_name().values()
        for name, option in rule.options.items()
        if option.lint_key
    }


def load_settings(repo_dir: Path) -> Settings:
    """Read and validate ``repo_dir/okr.toml``: every key, rule options included, and that
    ``root`` is a folder inside the repository."""
    text, path = read_config(repo_dir)
    settings = settings_from_text(text, path)
    check_root(settings, text, path)
    return settings


def settings_from_text(text: str, path: Path) -> Settings:
    """Validate okr.toml's text (``path`` names it in messages)."""
    return with_rule_options(parse_settings(text, path), text, path)


def with_rule_options(settings: Settings, text: str, path: Path) -> Settings:
    """``settings`` with its rule options validated and gathered in ``Settings.rules``.

    Raises :class:`~okrcli.model.errors.ConfigError` naming the key and its line for an
    unknown key or rule, a value of the wrong type, or an option set twice.
    """
    if not settings.lint.model_extra and not settings.rules:
        return settings
    rules = _rules_by_name()
    configured: dict[str, dict[str, Any]] = {}
    where_set: dict[tuple[str, str], list[str]] = {}

    def put(rule: str, name: str, value: Any, loc: list[str]) -> None:
        if (rule, name) in where_set:
            first = ".".join(where_set[rule, name])
            problem = {"msg": f"Also set as '{first}'; keep one", "input": value}
            raise invalid_value_error(text, path, loc, problem)
        where_set[rule, name] = loc
        configured.setdefault(rule, {})[name] = _validated(rules[rule].options[name], value, loc, text, path)

    for key, value in (settings.lint.model_extra or {}).items():
        if key not in lint_keys():
            raise unknown_key_error(text, path, ["lint", key], [*LintSettings.model_fields, *lint_keys()])
        put(*lint_keys()[key], value, ["lint", key])
    with_options = [name for name, rule in rules.items() if rule.options]
    for rule_name, table in settings.rules.items():
        if rule_name not in with_options:
            raise unknown_key_error(text, path, ["rules", rule_name], with_options)
        for name, value in table.items():
            if name not in rules[rule_name].options:
                raise unknown_key_error(text, path, ["rules", rule_name, name], list(rules[rule_name].options))
            put(rule_name, name, value, ["rules", rule_name, name])
    lint = LintSettings(select=settings.lint.select, ignore=settings.lint.ignore, severity=settings.lint.severity)
    return settings.model_copy(update={"lint": lint, "rules": configured})


def _validated(option: Option, value: Any, loc: list[str], text: str, path: Path) -> Any:
    try:
        return TypeAdapter(option.kind).validate_python(value, strict=True)
    except ValidationError as exc:
        raise invalid_value_error(text, path, loc, exc.errors()[0]) from None


def rule_options(settings: Settings, rule: str) -> Mapping[str, Any]:
    """The values of ``rule``'s options: what okr.toml sets, else the declared defaults."""
    configured = settings.rules.get(rule, {})
    return {name: configured.get(name, option.default) for name, option in _rules_by_name()[rule].options.items()}


def every_rule_options(settings: Settings) -> dict[str, Mapping[str, Any]]:
    """:func:`rule_options` of every rule that declares options, by rule name."""
    return {name: rule_options(settings, name) for name, rule in _rules_by_name().items() if rule.options}
