"""okr rules: list every rule (every code okr prints), or print one rule's documentation."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

def rules(
    name: Annotated[Optional[str], typer.Argument(metavar="[NAME]", help="A rule to explain.", show_default=False)] = None,
) -> int:
    """List every rule with its default severity, or explain one: okr rules kr-task-style."""
    from okrcli.cli.common import fail, out
    from okrcli.rules import registry
    from okrcli.rules.base import LOADER

    if name is None:
        sections = (
            (None, registry.LINT_RULES),
            ("File-format checks, reported by okr validate and okr lint (see docs/format.md):", registry.FILE_FORMAT_RULES),
            ("Reported by okr draft about a sentence:", registry.DRAFT_RULES),
        )
        for heading, listed in sections:
            if heading:
                out("")
                out(heading)
            width = max(len(rule.name) for rule in listed)
            for rule in listed:
                # the lint list names the lint rules that loading reports; below, every code is one
                source = " (also reported by okr validate)" if heading is None and rule.reported_by == LOADER else ""
                out(f"{rule.name:<{width}}  {rule.severity.value:<7}  {rule.title}{source}")
        return 0
    rule = registry.BY_NAME.get(name)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(name, list(registry.BY_NAME), n=1)
        fail(f"no rule named '{name}'", hint=f"did you mean '{close[0]}'?" if close else "`okr rules` lists them")
    out(f"{rule.name} (default severity: {rule.severity.value})")
    out("")
    out(rule.doc)
    return 0
