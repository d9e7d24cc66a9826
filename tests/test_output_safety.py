"""Hostile text through every renderer: nothing crashes, the terminal gets no raw control
character, rich markup and Markdown/HTML stay literal text, JSON stays valid (issue 11, items 1-3).

The files okr reads refuse control characters, so the models are built directly here: the
acme example scored, then every text field a renderer shows replaced with hostile text.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import tempfile
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from okrcli.model.diagnostics import Diagnostic, Severity
from okrcli.model.text import CONTROL_CHARACTERS, printable
from okrcli.model.location import Span
from okrcli.report import ci_formats, diagnostics, terminal
from okrcli.report.console import make_console
from okrcli.report.csv_rows import score_csv
from okrcli.report.dashboard import dashboard
from okrcli.report.json_contract import score_json
from okrcli.report.markdown import score_markdown
from okrcli.report.outputs import REPORT_RENDERERS
from okrcli.report.views import ReportView, TeamView, build_report
from okrcli.usecases.period import open_period
from tests.helpers import ACME

AS_OF = date(2026, 11, 20)
PIECES = [
    "\x1b[2J", "\x1b]0;PWNED\x07", "\x1b]8;;http://e\x1b\\", "\x9b31m", "\x7f", "\x00", "\r", "\n", "\t",
    "\x85", "\u2028", "\u2029", "\u202e", "\x08", "\x0c",
    "[/x]", "[/]", "[link=http://e]", "[bold]", "[red]r[/red]", ":smile:",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&", "|", "\\", "\\|", "`", "*", "_",
    "#", "~", "[a](http://e)", "{{ x }}", "%", ",", ":", "::error::", "  ",
]
hostile = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet="ab é中", max_size=3)), min_size=1, max_size=6
).map(lambda parts: "T" + "".join(parts) + "Z")
SGR = re.compile(r"\x1b\[[0-9;]*m")


def assert_inert(output: str) -> None:
    """No character a terminal would act on (newlines and tabs aside)."""
    found = CONTROL_CHARACTERS.search(output)
    assert found is None, f"raw {found.group(0)!r} in output: {output[max(0, found.start() - 40):found.end() + 40]!r}"


@pytest.fixture(scope="module")
def clean():
    """The acme example scored on a fixed day, as (period result, report view)."""
    opened = open_period(ACME, "2026-Q4", AS_OF, with_previous=True)
    return Scored(build_report(opened.loaded.repository, "2026-Q4", AS_OF))


class Scored(tuple):
    """(period result, report view), shown briefly when hypothesis reports a failing example."""

    def __new__(cls, view: ReportView):
        return super().__new__(cls, (view.result, view))

    def __repr__(self) -> str:
        return "acme 2026-Q4"


def poison(view: ReportView, text: str) -> ReportView:
    """``view`` with ``text`` in every field of user text a renderer shows."""

    def kr(k):
        return replace(k, title=text, unit=text, owner=text, explanation=[text])

    def objective(o):
        return replace(o, title=text, owner=text, retrospective=text, explanation=[text], key_results=[kr(k) for k in o.key_results])

    def team(t):
        return replace(
            t, team=text, objectives=[objective(o) for o in t.objectives],
            guardrails=[replace(g, title=text, unit=text) for g in t.guardrails],
        )

    result = replace(view.result, teams=[team(t) for t in view.result.teams])
    teams = [TeamView(t.team, t.score, t.objectives, t.guardrails, 0.5) for t in result.teams]
    return replace(view, teams=teams, result=result)


def terminal_outputs(view: ReportView, width: int, file=None) -> list[tuple[str, str]]:
    """(name, text) of every terminal renderer, printed by okr's own console."""
    result = view.result
    renderables = {
        "score": terminal.score_tables(result),
        "explain": terminal.explain(result),
        "tree": terminal.tree(result),
        "dashboard": dashboard(view, width),
    }
    outputs = []
    for name, renderable in renderables.items():
        buffer = file() if file else io.StringIO()
        make_console(width=width, file=buffer).print(renderable)
        outputs.append((name, buffer.getvalue()))
    return outputs


def markdown_text(source: str) -> str:
    """What a reader sees of ``source`` rendered as GitHub-flavoured Markdown: the text, no tags."""
    rendered = MarkdownIt("commonmark").enable("table").render(source)
    return html.unescape(re.sub(r"<[^>]*>", "", rendered)), rendered


class Tags(HTMLParser):
    def __init__(self, source: str):
        super().__init__()
        self.tags: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag + "".join(sorted(f" {name}" for name, _ in attrs)))


def strings(data) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return [data] if isinstance(data, str) else []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile)
def test_terminal_renderers_show_hostile_text_literally(clean, text):
    view = poison(clean[1], text)
    for name, output in terminal_outputs(view, 1000):
        assert_inert(output)
        assert printable(text, one_line=True) in output, name
    for width in (40, 80, 130):
        for _, output in terminal_outputs(view, width):
            assert_inert(output)


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile)
def test_colour_terminal_output_has_only_okrs_own_styles(clean, text, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for name, output in terminal_outputs(poison(clean[1], text), 120, file=Tty):
        assert "\x1b[" in output, f"{name}: expected colour on a terminal"
        assert "\x1b]8;" not in output  # no hyperlink
        assert_inert(SGR.sub("", output))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile)
def test_markdown_shows_hostile_text_literally(clean, text):
    view = poison(clean[1], text)
    shown = printable(text.replace("\n", " "), one_line=True)  # Markdown joins lines, as a paragraph would
    for source in (score_markdown(view.result), REPORT_RENDERERS["markdown"](view)):
        assert_inert(source)
        seen, rendered = markdown_text(source)
        assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
        assert shown in seen
        tables = re.findall(r"<table>.*?</table>", rendered, re.S)
        assert tables and all(shown in html.unescape(re.sub(r"<[^>]*>", "", t)) for t in tables[1:])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile)
def test_html_report_stays_inert(clean, text):
    page = REPORT_RENDERERS["html"](poison(clean[1], text))
    assert Tags(page).tags == Tags(REPORT_RENDERERS["html"](poison(clean[1], "Tplain textZ"))).tags
    assert text in html.unescape(re.sub(r"<[^>]*>", "", page))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile)
def test_json_and_csv_keep_the_exact_text(clean, text):
    view = poison(clean[1], text)
    for source in (score_json(view.result), REPORT_RENDERERS["json"](view)):
        assert printable(source) == source  # what `out` prints is still this JSON
        assert text in strings(json.loads(source))
    printed = printable(score_csv(view.result))  # what `okr score --format csv` prints
    rows = list(csv.reader(io.StringIO(printed, newline="")))
    assert len({len(row) for row in rows}) == 1
    assert any(printable(text) in row for row in rows)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.sampled_from(["=", "+", "-", "@", "\t", "\r"]), text=hostile)
def test_csv_never_hands_a_spreadsheet_a_formula(clean, first, text):
    formula = first + "HYPERLINK(" + text + ")"
    view = poison(clean[1], formula)
    view.result.teams[0].objectives[0].key_results[0].baseline = -3.5
    printed = printable(score_csv(view.result))
    rows = list(csv.DictReader(io.StringIO(printed, newline="")))
    texts = [row[column] for row in rows for column in ("ref", "title", "unit") if row[column]]
    assert not [cell for cell in texts if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert printable("'" + formula) in texts  # the text itself is kept, after the apostrophe
    assert "-3.5" in [row["baseline"] for row in rows]  # numbers are not text: left alone


@settings(max_examples=40, deadline=None)
@given(text=hostile, name=hostile.filter(lambda s: "\x00" not in s and "/" not in s))
def test_diagnostic_formats(text, name):
    prefix = diagnostics.LINE_BREAKS.sub("", text)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        path = base / f"{name}.yaml"
        path.write_text(f"team: x\n{prefix} X\n", encoding="utf-8", newline="")
        column = len(prefix) + 2
        found = [
            Diagnostic("unknown-field", Severity.ERROR, f"unknown field {text}", path, Span(2, column, 2, column + 1), hint=text),
            Diagnostic("bad-value", Severity.WARNING, text, None, hint=None),
        ]
        for diag in found:
            line = diagnostics.concise(diag, base)
            assert_inert(line)
            assert "\n" not in line and printable(text, one_line=True) in line
            lines = diagnostics.full(diag, base)
            assert all("\n" not in each for each in lines)
            assert_inert("\n".join(lines))
        assert printable(name, one_line=True) in diagnostics.concise(found[0], base)
        _, _, source, caret, _ = diagnostics.full(found[0], base)
        assert source[caret.index("^")] == "X", (source, caret)
        assert printable(prefix.replace("\t", " "), one_line=True) in source  # a tab is one column wide there
        github = ci_formats.github(found, base)
        assert_inert(github)
        assert len(github.splitlines()) == len(found)
        for source in (diagnostics.as_json(found, base), ci_formats.sarif(found, base=base)):
            assert printable(source) == source
            assert text in strings(json.loads(source))
