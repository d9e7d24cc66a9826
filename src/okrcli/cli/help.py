"""How okr's help reads: plain usage lines and a command list that is never cut.

Typer's plain help shows Python types (``paths... <list[Path]>``, ``--jobs <int range>``)
and wraps an argument's metavar in a second pair of brackets (``[[REF]]``). Every command
here reads like a Unix tool instead: ``okr validate [OPTIONS] [PATH]...``, ``--jobs N``,
``--format [table|json|csv|markdown]``. A parameter without a metavar of its own gets its
name in capitals (choices listed), so a new option can never bring the type names back.
"""

from __future__ import annotations

from enum import Enum

from typer.core import TyperCommand, TyperGroup

SHORT_HELP = {
    "validate": "Check OKR files; report every problem, located.",
    "init": "Create okr.toml, the schema and a sample team file.",
    "schema": "Print the JSON Schema of the OKR file format.",
    "score": "Score key results, objectives and teams, 0.0-1.0.",
    "checkin": "Record a value, your confidence and a note.",
    "refs": "List references: what checkin and score take.",
    "pull": "Check in the values of okr.toml's sources.",
    "rebaseline": "Change a target or baseline, with the reason.",
    "history": "Show a key result's history from git.",
    "digest": "The week in one message, for a scheduled CI job.",
    "draft": "Draft new OKRs, with feedback as you type.",
    "lint": "Validate, and point out classic OKR mistakes.",
    "rules": "List the rules, or explain one.",
    "report": "Show the dashboard, or write the period's report.",
    "tree": "Show the alignment tree.",
}
"""One line per command for ``okr --help``: at 80 columns nothing is cut (tests/test_help.py)."""


METAVARS = {
    "paths": "PATH", "path": "PATH", "output": "FILE", "jobs": "N", "select": "RULES", "ignore": "RULES", "base": "REF",
    "by": "NAME", "owner": "NAME", "lead": "NAME", "target": "VALUE", "baseline": "VALUE", "value": "VALUE",
    "reason": "TEXT", "note": "TEXT", "period": "PERIOD", "from_period": "PERIOD", "team": "TEAM", "as_of": "DATE",
}
"""The metavar of a parameter by its name, when it gives none: the same word across commands."""


def _default_metavar(param) -> str:
    descriptor = param.type_descriptor
    if descriptor.is_choice and descriptor.choices:
        values = [str(c.value) if isinstance(c, Enum) else str(c) for c in descriptor.choices]
        return "[" + "|".join(values) + "]"
    return METAVARS.get(param.name or "", (param.name or "value").upper().replace("_", "-"))


def plain_metavars(command) -> None:
    """Give every argument and option of ``command`` a metavar that shows no type.

    An argument's metavar never carries brackets (``[REF]``): the usage line adds them
    for an optional argument, so they would be doubled (``[[REF]]``).
    """
    for param in command.params:
        if param.param_type_name == "option" and (param.is_flag or param.count):
            continue
        if param.metavar is None and hasattr(param, "type_descriptor"):
            param.metavar = _default_metavar(param)
        if param.param_type_name == "argument" and param.metavar and param.metavar.startswith("[") and param.metavar.endswith("]"):
            param.metavar = param.metavar[1:-1]


class OkrCommand(TyperCommand):
    """A command whose usage reads ``okr history [OPTIONS] REF`` (not ``{REF}``) and whose
    Arguments section shows ``REF`` and ``PATH...``, not ``REF <str>``."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                continue
            name = param.metavar or param.name.upper()
            pieces.append((name if param.required else f"[{name}]") + ("..." if param.nargs != 1 else ""))
        return pieces

    def format_options(self, ctx, formatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                name = (param.metavar or param.name.upper()) + ("..." if param.nargs != 1 else "")
                arguments.append((name, record[1]))
            elif param.param_type_name == "option":
                options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


class OkrGroup(TyperGroup):
    """The ``okr`` group: every command gets :class:`OkrCommand`'s help and plain metavars."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plain_metavars(self)
        for name, command in self.commands.items():
            plain_metavars(command)
            command.short_help = command.short_help or SHORT_HELP.get(name)
            if type(command) is TyperCommand:
                command.__class__ = OkrCommand

    def _main_shell_completion(self, ctx_args, prog_name, complete_var=None) -> None:
        """Shell completion (``_OKR_COMPLETE=complete_bash``), set up only when a shell asks for it."""
        import os

        if os.environ.get(complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()):
            from typer.completion import completion_init

            completion_init()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)
