"""Shared pieces of the commands: the -C option, output streams, error exits."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.model.text import printable

RepoOption = Annotated[
    Optional[Path],
    typer.Option(
        "-C",
        "--repo",
        help="Run as if okr was started in PATH: paths given to the command are read from there, like git -C.",
        metavar="PATH",
        show_default=False,
    ),
]

PeriodOption = Annotated[
    Optional[str], typer.Option(metavar="PERIOD", help="Period (default: the one containing --as-of).", show_default=False)
]
AsOfOption = Annotated[
    Optional[str], typer.Option("--as-of", metavar="DATE", help="As on this day, YYYY-MM-DD (default: today).", show_default=False)
]
TeamOption = Annotated[Optional[str], typer.Option(metavar="TEAM", help="Only this team.", show_default=False)]
OwnerOption = Annotated[Optional[str], typer.Option(metavar="NAME", help="Only key results this person owns.", show_default=False)]
ExplainOption = Annotated[bool, typer.Option("--explain", help="Show the numbers and arithmetic behind every score.")]
"""Options the reporting commands (score, report, tree) share, spelled once."""

CommitOption = Annotated[
    Optional[bool],
    typer.Option("--commit/--no-commit", help="Commit the changed file with git (default: okr.toml [checkin] commit).", show_default=False),
]
"""``--commit/--no-commit`` of the commands that edit one file at a time (checkin, rebaseline)."""
IncludeDirtyOption = Annotated[bool, typer.Option("--include-dirty", help="Commit even if the file already had uncommitted changes.")]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Print the diff that would be written; write nothing.")]


@dataclass
class State:
    repo: Path | None = None


def start_dir(ctx: typer.Context, local: Path | None = None) -> Path:
    """Where to look for okr.toml: the command's -C, else the global -C, else the cwd."""
    state = ctx.find_object(State)
    chosen = local or (state.repo if state else None)
    if chosen is None:
        return Path.cwd()
    if not chosen.is_dir():
        from okrcli.model.errors import UsageError

        raise UsageError(f"-C {chosen}: no such folder")
    return chosen


def given_path(ctx: typer.Context, path: Path, local: Path | None = None) -> Path:
    """A path typed on the command line, read as ``git -C`` reads it: relative to -C when one is given.

    ``okr -C ../acme validate okrs/2026-Q3/x.yaml`` names ``../acme/okrs/2026-Q3/x.yaml``.
    """
    state = ctx.find_object(State)
    chosen = local or (state.repo if state else None)
    if chosen is None or path.is_absolute():
        return path
    return chosen / path


def out(text: str = "") -> None:
    """Write a line to stdout; control characters in it are shown escaped, never sent raw."""
    sys.stdout.write(printable(text) + "\n")


def err(text: str = "") -> None:
    """Write a line to stderr; control characters in it are shown escaped, never sent raw."""
    sys.stderr.write(printable(text) + "\n")


def fail(message: str, hint: str | None = None, code: int = 2) -> None:
    err(f"okr: error: {message}")
    if hint:
        err(f"  hint: {hint}")
    raise typer.Exit(code)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def exits(command):
    """Let a command return its exit code (pre-commit style) while Typer runs standalone."""
    import functools

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        code = command(*args, **kwargs)
        raise typer.Exit(code or 0)

    return wrapper


def run_app(app: typer.Typer, args: list[str] | None = None) -> int:
    """Run the Typer app; okr's own errors become a message and their exit code, never a traceback.

    Typer (standalone) prints usage errors itself and exits 2.
    """
    from okrcli.model.errors import OkrError

    try:
        app(args=args, prog_name="okr")
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except OkrError as exc:
        err(f"okr: error: {exc.message}")
        if exc.hint:
            err(f"  hint: {exc.hint}")
        return exc.exit_code
    except KeyboardInterrupt:
        err("okr: interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the system refused something no command foresaw: say what, not a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        err(f"okr: error: {where}{exc.strerror or exc}")
        err("  hint: check the file or folder named and its permissions, then run again")
        return 2
    except (UnicodeError, ValueError, OverflowError) as exc:  # a bug okr did not foresee: no traceback, a report
        err(f"okr: error: {type(exc).__name__}: {exc}")
        err("  hint: this is a bug in okr; please report it with the command you ran")
        return 2
    return 0


def parse_day(text: str | None, option: str):
    """Parse a YYYY-MM-DD option value; today when absent.  Exits 2 with an example otherwise."""
    from datetime import date

    if text is None:
        return date.today()
    from okrcli.model.errors import UsageError

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date", hint=f"write it as YYYY-MM-DD, e.g. {option} 2026-11-20") from None


def _broken_files(repository, period: str | None) -> list[str]:
    """The files of ``period`` that have errors, as paths from the repository's root."""
    from okrcli.model.diagnostics import display_path

    if period is None:
        return []
    return [display_path(path, repository.repo_dir) for path in repository.broken_files(period)]


def _some(paths: list[str], most: int = 5) -> str:
    return ", ".join(paths[:most]) + (f" and {len(paths) - most} more" if len(paths) > most else "")


def load_for_period(
    ctx: typer.Context, repo: Path | None, period: str | None, as_of, progress: bool = False, with_previous: bool = False, compare: str | None = None
):
    """Load the repository and choose the period: the given one, else the one containing as-of.

    Returns (load result, period name).  Files with errors are reported on stderr
    so that scores are never silently incomplete.
    """
    from okrcli.model.periods import is_period_name, period_hint
    from okrcli.usecases.period import open_period

    if period is not None and not is_period_name(period):
        fail(f"--period {period!r} is not a period okr can use", hint=period_hint(period))
    if compare is not None and not is_period_name(compare):
        fail(f"--compare {compare!r} is not a period okr can use", hint=period_hint(compare))
    bar = None
    if progress:
        from okrcli.cli.progress import progress_bar as bar

    opened = open_period(start_dir(ctx, repo), period, as_of, with_previous, bar, also=compare)
    if not opened.found:
        known = [name for name in opened.repository.periods() if name != opened.period]
        broken = _broken_files(opened.repository, opened.period)
        if broken:
            fail(
                f"no valid OKR files for period {opened.period}: {len(broken)} file(s) have errors: {_some(broken)}",
                hint="run `okr validate` and fix what it reports" + (f" (or choose --period: {', '.join(known)})" if known else ""),
            )
        fail(
            f"no OKR files for period {opened.period}" if opened.period else "the repository has no valid OKR files",
            hint=("periods in this repository: " + ", ".join(known)) if known else "run `okr validate` to see why",
        )
    shown = opened.repository.files_in(opened.period)
    if period is None and not any(f.period.contains(as_of) for f in shown):
        which = "the latest that started" if any(f.period.start <= as_of for f in shown) else "the earliest"
        err(f"okr: note: no period contains {as_of}; showing {opened.period}, {which} (--period chooses another)")
    if compare is not None and not opened.repository.files_in(compare):
        broken = _broken_files(opened.repository, compare)
        if broken:
            fail(f"no valid OKR files for period {compare} to compare with: {len(broken)} file(s) have errors: {_some(broken)}",
                 hint="run `okr validate` and fix what it reports, or compare with another period")
        known = opened.repository.periods()
        fail(f"no OKR files for period {compare} to compare with", hint="periods in this repository: " + ", ".join(known))
    if opened.files_with_errors:
        err(f"okr: warning: {opened.files_with_errors} file(s) have errors and are left out; run `okr validate` for details")
    return opened.loaded, opened.period
