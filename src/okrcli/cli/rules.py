"""okr rules: list the lint rules, or print one rule's documentation."""

from __future__ import annotations

from typing import Annotated, Optional

import typer


def rules(
    name: Annotated[Optional[str], typer.Argument(metavar="[NAME]", help="A rule to explain.", show_default=False)] = None,
) -> int:
    """List the lint rules with their default severity, or explain one: okr rules kr-task-style."""
    from okrcli.cli.common import fail, out
    from okrcli.rules.registry import BY_NAME, RULES, VALIDATION_RULES

    if name is None:
        width = max(len(rule.name) for rule in RULES)
        for rule in RULES:
            source = " (also reported by okr validate)" if rule.from_validation else ""
            out(f"{rule.name:<{width}}  {rule.severity.value:<7}  {rule.summary}{source}")
        out("")
        out("File-format checks reported by okr validate (see docs/format.md): " + ", ".join(VALIDATION_RULES))
        return 0
    rule = BY_NAME.get(name)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(name, list(BY_NAME), n=1)
        if name in VALIDATION_RULES:
            fail(f"'{name}' is a file-format check of okr validate", hint="docs/format.md describes it")
        fail(f"no rule named '{name}'", hint=f"did you mean '{close[0]}'?" if close else "`okr rules` lists them")
    out(f"{rule.name} (default severity: {rule.severity.value})")
    out("")
    out(rule.doc)
    return 0
