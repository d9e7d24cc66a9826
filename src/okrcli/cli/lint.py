"""okr lint: everything okr validate reports, plus the OKR quality rules, in CI formats."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption


class LintFormat(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"
    github = "github"
    sarif = "sarif"


def _names(values: list[str] | None) -> list[str]:
    return [name.strip() for value in values or [] for name in value.split(",") if name.strip()]


def lint(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Files or folders to report on (default: all).", show_default=False)
    ] = None,
    changed: Annotated[
        bool, typer.Option("--changed", help="Only files changed against --base (references still resolve repo-wide).")
    ] = False,
    base: Annotated[
        Optional[str], typer.Option(help="With --changed: compare with the merge base of this ref (default: origin/main, else main).", show_default=False)
    ] = None,
    output_format: Annotated[
        Optional[LintFormat],
        typer.Option("--format", case_sensitive=False, help="full (source and caret), concise, json, github (annotations), sarif. Default: full on a terminal, concise otherwise.", show_default=False),
    ] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Run only these rules (comma-separated or repeated).", show_default=False)] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rules (comma-separated or repeated).", show_default=False)] = None,
    error_on_warning: Annotated[bool, typer.Option("--error-on-warning", help="Exit 1 on warnings too.")] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings (usage errors still exit 2).")] = False,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", metavar="DATE", help="Judge time-based rules as on this day (default: today).", show_default=False)
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the per-file result cache.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per core).", show_default=False)] = None,
    repo: RepoOption = None,
) -> int:
    """Lint OKR files: validation errors plus task-style key results and other classic mistakes.

    `okr rules` lists the rules and `okr rules NAME` explains one. Silence a finding
    with `# okr: disable-line RULE -- reason` on (or above) its line, or
    `# okr: disable-file RULE` anywhere in the file.

    Exit status: 0 clean (warnings allowed), 1 errors (or warnings with
    --error-on-warning), 2 usage or configuration problems.

    Examples:

      okr lint

      okr lint --changed --format github        (in a pull request)

      okr lint --format sarif > okr.sarif        (code scanning)

      okr lint --select kr-task-style okrs/2026-Q4
    """
    from okrcli.cli.common import stdout_is_terminal
    from okrcli.model.errors import OkrError

    chosen = output_format or (LintFormat.full if stdout_is_terminal() else LintFormat.concise)
    options = _Options(paths or [], changed, base, chosen, _names(select), _names(ignore), error_on_warning,
                       exit_zero, as_of, not no_cache, jobs, repo)
    try:
        return _lint(ctx, options)
    except OkrError as exc:
        # a run that cannot lint says why in the format CI reads too: an annotation, a SARIF notification
        if chosen in (LintFormat.github, LintFormat.sarif):
            _print_failure(ctx, options, exc)
        raise


@dataclass
class _Options:
    paths: list[Path]
    changed: bool
    base: str | None
    chosen: LintFormat
    select: list[str]
    ignore: list[str]
    error_on_warning: bool
    exit_zero: bool
    as_of: str | None
    use_cache: bool
    jobs: int | None
    repo: Path | None


def _lint(ctx: typer.Context, options: _Options) -> int:
    from okrcli.cli.common import err, given_path, out, parse_day, start_dir
    from okrcli.cli.diagnostics_output import print_diagnostics
    from okrcli.model.diagnostics import Severity
    from okrcli.model.errors import UsageError
    from okrcli.usecases.ci_root import report_root
    from okrcli.usecases.diagnose import diagnose

    day = parse_day(options.as_of, "--as-of")
    paths = [given_path(ctx, path, options.repo) for path in options.paths]
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
    start = start_dir(ctx, options.repo)
    chosen = options.chosen
    if options.changed:
        from okrcli.usecases.changed import changed_okr_files

        selected = changed_okr_files(start, options.base, paths)
        if not selected.files:
            err(f"no OKR files changed against {selected.base}")
            if chosen is LintFormat.sarif:
                from okrcli.report.ci_formats import sarif

                out(sarif([], base=report_root(start)))
            elif chosen is LintFormat.json:
                out("[]")
            return 0
        paths = selected.files
    notes: list[str] = []
    diagnostics, checked = diagnose(start, paths or None, day, True, options.select, options.ignore, options.use_cache, options.jobs, notes)
    for note in notes:
        err(f"okr: note: {note}")

    if chosen is LintFormat.github:
        from okrcli.report.ci_formats import github

        text = github(diagnostics, report_root(start))
        if text:
            out(text)
    elif chosen is LintFormat.sarif:
        from okrcli.report.ci_formats import sarif

        out(sarif(diagnostics, base=report_root(start)))
    else:
        print_diagnostics(diagnostics, chosen.value, checked)
    if options.exit_zero:
        return 0
    failing = {Severity.ERROR, Severity.WARNING} if options.error_on_warning else {Severity.ERROR}
    return 1 if any(d.severity in failing for d in diagnostics) else 0


def _print_failure(ctx: typer.Context, options: _Options, exc) -> None:
    from okrcli.cli.common import out
    from okrcli.model.errors import OkrError
    from okrcli.report.ci_formats import failure, github_failure, sarif_failure
    from okrcli.usecases.ci_root import report_root

    try:
        from okrcli.cli.common import start_dir

        root = report_root(start_dir(ctx, options.repo))
    except OkrError:
        root = Path.cwd()
    stop = failure(exc.message, exc.hint)
    out(github_failure(stop, root) if options.chosen is LintFormat.github else sarif_failure(stop, base=root))
