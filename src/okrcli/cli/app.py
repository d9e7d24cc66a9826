"""The ``okr`` application: global options and command registration.

Only typer is imported at start-up; each command imports the core it needs
inside its function, so ``okr --help`` and ``okr --version`` stay fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli import __version__
from okrcli.cli import checkin as checkin_cmd
from okrcli.cli import digest as digest_cmd
from okrcli.cli import draft as draft_cmd
from okrcli.cli import init as init_cmd
from okrcli.cli import history as history_cmd
from okrcli.cli import lint as lint_cmd
from okrcli.cli import pull as pull_cmd
from okrcli.cli import rebaseline as rebaseline_cmd
from okrcli.cli import report as report_cmd
from okrcli.cli import rules as rules_cmd
from okrcli.cli import schema as schema_cmd
from okrcli.cli import score as score_cmd
from okrcli.cli import validate as validate_cmd
from okrcli.cli.common import RepoOption, State, exits
from okrcli.cli import refs as refs_cmd

from okrcli.cli.help import OkrGroup
app = typer.Typer(
    name="okr",
    cls=OkrGroup,
    help=(
        "OKRs as plain YAML files in git: validate, check in, score, lint and report.\n\n"
        "Run inside an OKR repository (a folder with okr.toml), or point at one with -C PATH."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"okr {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    ctx: typer.Context,
    repo: RepoOption = None,
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    ctx.obj = State(repo=repo)


app.command("validate")(exits(validate_cmd.validate))
app.command("init")(exits(init_cmd.init))
app.command("schema")(exits(schema_cmd.schema))
app.command("score")(exits(score_cmd.score))
app.command("checkin")(exits(checkin_cmd.checkin))
app.command("pull")(exits(pull_cmd.pull))
app.command("refs")(exits(refs_cmd.refs))
app.command("rebaseline")(exits(rebaseline_cmd.rebaseline))
app.command("history")(exits(history_cmd.history))
app.command("digest")(exits(digest_cmd.digest))
app.command("draft")(exits(draft_cmd.draft))
app.command("lint")(exits(lint_cmd.lint))
app.command("rules")(exits(rules_cmd.rules))
app.command("report")(exits(report_cmd.report))
app.command("tree")(exits(report_cmd.tree))


def main() -> None:
    """Console-script entry point: run the app and map okr errors to exit codes."""
    from okrcli.cli.common import run_app

    sys.exit(run_app(app))


__all__ = ["app", "main", "Path"]
