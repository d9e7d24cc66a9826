"""Print diagnostics in the chosen format (shared by validate and lint)."""

from __future__ import annotations

from pathlib import Path

from okrcli.cli.common import err, out


def print_diagnostics(diagnostics, output_format: str, files_checked: int) -> None:
    from okrcli.report import diagnostics as render

    base = Path.cwd()
    if output_format == "json":
        out(render.as_json(diagnostics, base))
        return
    for diag in diagnostics:
        if output_format == "full":
            out("\n".join(render.full(diag, base)))
            out()
        else:
            out(render.concise(diag, base))
    err(render.summary(diagnostics, files_checked))
