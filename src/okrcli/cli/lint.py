"""okr lint: everything okr validate reports, plus the OKR quality rules, in CI formats."""

from __future__ import annotations

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
        typer.Option("--format", help="full (source and caret), concise, json, github (annotations), sarif. Default: full on a terminal, concise otherwise.", show_default=False),
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
    from okrcli.cli.common import err, fail, out, parse_day, start_dir, stdout_is_terminal
    from okrcli.cli.diagnostics_output import print_diagnostics
    from okrcli.model.diagnostics import Severity
    from okrcli.usecases.diagnose import diagnose

    day = parse_day(as_of, "--as-of")
    for path in paths or []:
        if not path.exists():
            fail(f"{path}: no such file or folder")
    start = start_dir(ctx, repo)
    if changed:
        from okrcli.usecases.changed import changed_okr_files

        selected = changed_okr_files(start, base, paths)
        if not selected.files:
            err(f"no OKR files changed against {selected.base}")
            if output_format is LintFormat.sarif:
                from okrcli.rules.registry import RULES
                from okrcli.report.ci_formats import sarif

                out(sarif([], RULES, Path.cwd()))
            elif output_format is LintFormat.json:
                out("[]")
            return 0
        paths = selected.files
    diagnostics, checked = diagnose(start, paths or None, day, True, _names(select), _names(ignore), not no_cache, jobs)

    chosen = output_format or (LintFormat.full if stdout_is_terminal() else LintFormat.concise)
    if chosen is LintFormat.github:
        from okrcli.report.ci_formats import github

        text = github(diagnostics, Path.cwd())
        if text:
            out(text)
    elif chosen is LintFormat.sarif:
        from okrcli.rules.registry import RULES
        from okrcli.report.ci_formats import sarif

        out(sarif(diagnostics, RULES, Path.cwd()))
    else:
        print_diagnostics(diagnostics, chosen.value, checked)
    if exit_zero:
        return 0
    failing = {Severity.ERROR, Severity.WARNING} if error_on_warning else {Severity.ERROR}
    return 1 if any(d.severity in failing for d in diagnostics) else 0
