"""The renderer behind each file format of ``okr report`` (markdown, html, json)."""

from __future__ import annotations

from okrcli.report.html import report_html
from okrcli.report.json_contract import report_json
from okrcli.report.markdown import report_markdown
from okrcli.report.views import ReportView
from okrcli.yamlio.writer import write_atomic

REPORT_RENDERERS = {"markdown": report_markdown, "html": report_html, "json": report_json}


def render_report(view: ReportView, format_name: str) -> str:
    """The report in ``format_name``, one of :data:`REPORT_RENDERERS`."""
    return REPORT_RENDERERS[format_name](view)


def write_report(path, text: str) -> None:
    """Write a rendered report to ``path`` atomically (through links, respecting the umask)."""
    write_atomic(path, text)
