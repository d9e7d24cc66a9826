"""Shared pieces of the commands: the -C option, output streams, error exits."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

RepoOption = Annotated[
    Optional[Path],
    typer.Option(
        "-C",
        "--repo",
        help="Run as if okr was started in PATH.",
        metavar="PATH",
        show_default=False,
    ),
]


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
        fail(f"-C {chosen}: no such folder", code=2)
    return chosen


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def err(text: str = "") -> None:
    sys.stderr.write(text + "\n")


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
    return 0


def parse_day(text: str | None, option: str):
    """Parse a YYYY-MM-DD option value; today when absent.  Exits 2 with an example otherwise."""
    from datetime import date

    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option} {text!r} is not a date", hint=f"write it as YYYY-MM-DD, e.g. {option} 2026-11-20")


def _load_needed(start: Path, period: str | None, as_of, with_previous: bool):
    """Load just the period's folder (and the previous period's), when the repository uses period folders."""
    from okrcli.usecases.checkin import periods_containing
    from okrcli.repo.config import find_repository, load_settings
    from okrcli.usecases.pipeline import load_periods
    from okrcli.model.periods import make_period, period_sort_key

    repo_dir = find_repository(start)
    settings = load_settings(repo_dir)
    okr_root = repo_dir / settings.root
    if period is None:
        present = [name for name in periods_containing(as_of) if (okr_root / name).is_dir()]
        if not present:
            return None  # custom ranges or no folder for today: let the full load decide
        period = present[0]
    wanted = [period]
    if with_previous and okr_root.is_dir():
        current = make_period(period)
        earlier = sorted(
            (p.name for p in okr_root.iterdir() if p.is_dir() and len(p.name) == len(period) and p.name < period),
            key=period_sort_key,
        )
        earlier = [name for name in earlier if make_period(name).end < current.start]
        wanted += earlier[-1:]
    return load_periods(repo_dir, settings, wanted)


def load_for_period(ctx: typer.Context, repo: Path | None, period: str | None, as_of, progress: bool = False, with_previous: bool = False):
    """Load the repository and choose the period: the given one, else the one containing as-of.

    Returns (load result, period name).  Files with errors are reported on stderr
    so that scores are never silently incomplete.
    """
    from okrcli.model.diagnostics import has_errors
    from okrcli.usecases.pipeline import open_repository
    from okrcli.model.periods import is_period_name

    if period is not None and not is_period_name(period):
        fail(f"--period {period!r} is not a period", hint="use a quarter (2026-Q4), a half (2026-H1) or a year (2026)")
    result = _load_needed(start_dir(ctx, repo), period, as_of, with_previous)
    if result is None:
        if progress:
            from okrcli.cli.progress import open_with_progress

            result = open_with_progress(start_dir(ctx, repo))
        else:
            result = open_repository(start_dir(ctx, repo))
    repository = result.repository
    chosen = period or repository.current_period(as_of)
    known = repository.periods()
    if chosen is None or chosen not in known:
        fail(
            f"no OKR files for period {chosen}" if chosen else "the repository has no valid OKR files",
            hint=("periods in this repository: " + ", ".join(known)) if known else "run `okr validate` to see why",
        )
    if has_errors(result.diagnostics):
        count = len({d.file for d in result.diagnostics if d.severity.value == "error"})
        err(f"okr: warning: {count} file(s) have errors and are left out; run `okr validate` for details")
    return result, chosen
