"""The Monday-morning terminal dashboard (rich).  Adapts to the width; plain text when piped.

Every piece of user text (titles, units, team names) goes through :func:`one_line`.
"""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from okrcli.model.numbers import format_confidence, value_path
from okrcli.report.dashboard_stacked import packed, stacked_team
from okrcli.report.dashboard_summary import attention, compared_line
from okrcli.report.sparkline import sparkline
from okrcli.report.styles import GRADE_STYLE, STATUS_STYLE, one_line
from okrcli.report.review import owed_checkins, status_words
from okrcli.report.views import ReportView, guardrail_values
from okrcli.scoring.statuses import BREACHED, STALE

WIDE = 120
"""From this width the values get their own column; below it they go under the title."""
NARROW = 90
"""Below this width the confidence column is dropped."""
STACKED = 75
"""Below this width the table leaves no readable room for titles: each title gets a line of its
own with its figures under it (:mod:`okrcli.report.dashboard_stacked`)."""


def progress_bar(score: float, expected: float | None, width: int, style: str) -> Text:
    """``█████│░░░░``: the score filled in, ``│`` where a straight line would be today."""
    filled = int(round(max(0.0, min(1.0, score)) * width))
    cells = ["█"] * filled + ["░"] * (width - filled)
    text = Text()
    mark = None if expected is None else min(width - 1, int(round(expected * width)))
    for index, cell in enumerate(cells):
        if index == mark:
            text.append("│", style="bold white" if cell == "░" else "bold")
        else:
            text.append(cell, style=style if cell == "█" else "dim")
    return text


def header(view: ReportView, width: int) -> Group:
    """The period, the day, a count of key results by status and the overall score.

    Each piece stays whole: a line breaks between pieces, never inside one (``day 51 / of 92``).
    """
    title = [
        Text.assemble(("OKR dashboard ", "bold"), (view.period, "bold cyan")),
        Text(f"{view.start} → {view.end}"),
        Text(f"as of {view.as_of}"),
        Text(view.when(left=True)),
    ]
    tally = [Text(f"{status_words(status)} {count}", style=STATUS_STYLE.get(status, "")) for status, count in view.counts().items()]
    tally.append(Text(f"overall {view.overall()}", style="bold"))
    return Group(*packed(title, width, "  ·  "), *packed(tally, width))


def team_table(team, view: ReportView, width: int, notes: bool = False) -> Table:
    """One team's objectives, key results and guardrails; columns drop out as ``width`` shrinks."""
    wide = width >= WIDE
    show_conf = width >= NARROW
    bar_width = 12 if width >= NARROW else 10
    table = Table(box=None, show_header=True, header_style="dim", expand=True, pad_edge=False, padding=(0, 1))
    table.add_column("objective / key result", ratio=1, min_width=20, overflow="fold")
    if wide:
        table.add_column("baseline → now → target", max_width=28, overflow="fold")
    table.add_column("progress", no_wrap=True, width=bar_width)
    table.add_column("score", justify="right", no_wrap=True)
    if show_conf:
        table.add_column("conf", justify="right", no_wrap=True)
    table.add_column("trend", no_wrap=True, max_width=8)
    table.add_column("last", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    for objective in team.objectives:
        status_style = STATUS_STYLE.get(objective.status, "")
        # the grade in words with its bar ("committed, open: 0.55 of 1.0 so far"), not a colour name
        grade_style = GRADE_STYLE.get(objective.grade, "dim")
        label = Text(one_line(objective.title), style="bold")
        # the verdict under the title at every width: in the narrow values column it wrapped
        row: list = [Group(label, Text(objective.verdict, style=grade_style))]
        if wide:
            row.append("")
        row += [progress_bar(objective.score, None, bar_width, status_style), Text(objective.shown_score, style="bold")]
        if show_conf:
            row.append("")
        row += ["", "", Text(status_words(objective.status), style=status_style)]
        table.add_row(*row)
        for kr in objective.key_results:
            style = STATUS_STYLE.get(kr.status, "")
            values = one_line(value_path(kr.baseline, kr.current, kr.target, kr.unit))
            # padding, not leading spaces, so a title that wraps stays indented under itself
            lines: list = [Text(one_line(kr.title))]
            if not wide:
                lines.append(Padding(Text(values, style="dim"), (0, 0, 0, 2)))
            if notes and kr.note:
                lines.append(Padding(Text(f"note {kr.note_date}: {one_line(kr.note)}", style="italic"), (0, 0, 0, 2)))
            row = [Padding(Group(*lines), (0, 0, 0, 2))]
            if wide:
                row.append(Text(values))
            row += [progress_bar(kr.score, kr.expected, bar_width, style), f"{kr.score:.2f}"]
            if show_conf:
                row.append(format_confidence(kr.confidence))
            row += [
                sparkline([v for _, v in kr.values][-8:], kr.baseline, kr.target),
                view.last_checkin(kr),
                Text(status_words(kr.status), style=style),
            ]
            table.add_row(*row)
    for guardrail in team.guardrails:
        style = STATUS_STYLE.get(guardrail.status, "")
        breached = guardrail.status == BREACHED
        label = Text("guardrail: " + one_line(guardrail.title), style="bold red" if breached else "")
        detail = one_line(guardrail_values(guardrail))
        row = [label if wide else Group(label, Padding(Text(detail, style="dim"), (0, 0, 0, 4)))]
        if wide:
            row.append(Text(detail))
        row += ["", ""]
        if show_conf:
            row.append("")
        row += [sparkline([v for _, v in guardrail.values][-8:]), "", Text(("⚠ " if breached else "") + status_words(guardrail.status), style=style)]
        table.add_row(*row)
    return table


def owed_line(team, view: ReportView) -> Text | None:
    """``check-in owed: lena-fischer (activation); no owner (returns-portal)``, or None."""
    owed = owed_checkins(team, view)
    if not owed:
        return None
    names = "; ".join(f"{one_line(owner) or 'no owner'} ({', '.join(one_line(i) for i in ids)})" for owner, ids in owed)
    return Text(f"check-in owed: {names}", style=STATUS_STYLE.get(STALE, ""))


def dashboard(view: ReportView, width: int, notes: bool = False) -> Group:
    """The whole dashboard for a terminal ``width`` columns wide: what needs attention, then a table
    per team, or stacked below :data:`STACKED`; ``notes`` adds each key result's latest note."""
    parts: list = [header(view, width)]
    compared = compared_line(view)
    if compared is not None:
        parts.append(compared)
    if view.incomplete():
        parts.append(Text(f"incomplete: {one_line(view.incomplete())}", style="bold"))
    parts += [Text(""), attention(view, width)]
    for team in view.teams:
        change = ""
        if team.previous_score is not None:
            change = f"  ({one_line(view.previous_period)}: {team.previous_score:.2f})"
        parts.append(Text(""))
        heading = Text.assemble((one_line(team.team), "bold"), f"  {team.score:.2f}{change}")
        # a rule cuts a heading that does not fit (`(2026-Q3: 0.9…`): then the heading alone, wrapped
        parts.append(Rule(heading, align="left", style="dim") if heading.cell_len + 4 <= width else heading)
        parts.append(team_table(team, view, width, notes) if width >= STACKED else stacked_team(team, view, width, progress_bar, notes))
        owed = owed_line(team, view)
        if owed is not None:
            parts.append(owed)
    if not view.teams:
        parts.append(Text("\nnothing matches the filters", style="dim"))
    parts.append(Text(""))
    parts.append(Text("progress: █ score so far, │ where a straight line to the target would be today; trend: check-ins, up is toward the target", style="dim"))
    return Group(*parts)


def without_trailing_spaces(text: str) -> str:
    """Plain-text output as lines with no trailing spaces (rich pads every cell and line to the width)."""
    return "\n".join(line.rstrip() for line in text.split("\n"))
