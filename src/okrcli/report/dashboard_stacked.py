"""The dashboard on a narrow terminal: each title on its own line, its figures under it.

Below :data:`okrcli.report.dashboard.STACKED` columns the table has no room for a readable
title column (it would be squeezed to ``obj/ect/ive`` and then dropped), so each objective,
key result and guardrail gets its title on a line of its own, wrapped at the width, and its
figures under it, as many to a line as fit.
"""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from okrcli.model.numbers import format_confidence, value_path
from okrcli.report.sparkline import sparkline
from okrcli.report.styles import GRADE_STYLE, STATUS_STYLE, one_line
from okrcli.report.review import status_words
from okrcli.report.views import ReportView, guardrail_values
from okrcli.scoring.statuses import BREACHED

BAR = 10


def packed(chips: list[Text], width: int, separator: str = "  ") -> list[Text]:
    """``chips`` on as few lines of ``width`` cells as they fit on, never splitting one."""
    lines: list[Text] = []
    for chip in chips:
        if lines and lines[-1].cell_len + len(separator) + chip.cell_len <= width:
            lines[-1].append(separator)
            lines[-1].append_text(chip)
        else:
            lines.append(chip.copy())
    return lines


def _block(text: Text, indent: int, width: int) -> Padding:
    text.overflow = "fold"
    return Padding(text, (0, 0, 0, indent), expand=False)


def _figures(chips: list[Text], indent: int, width: int) -> list[Padding]:
    return [_block(line, indent, width) for line in packed([c for c in chips if c.plain], max(1, width - indent))]


def stacked_team(team, view: ReportView, width: int, progress_bar, notes: bool = False) -> Group:
    """One team's objectives, key results and guardrails, stacked for ``width`` columns
    (``notes``: each key result's latest check-in note under its figures)."""
    parts: list = []
    for objective in team.objectives:
        status_style = STATUS_STYLE.get(objective.status, "")
        parts.append(_block(Text(one_line(objective.title), style="bold"), 0, width))
        score = progress_bar(objective.score, None, BAR, status_style) + Text(f" {objective.shown_score}", style="bold")
        chips = [score, Text(status_words(objective.status), style=status_style), Text(objective.verdict, style=GRADE_STYLE.get(objective.grade, "dim"))]
        parts += _figures(chips, 2, width)
        for kr in objective.key_results:
            style = STATUS_STYLE.get(kr.status, "")
            parts.append(_block(Text(one_line(kr.title)), 2, width))
            confidence = format_confidence(kr.confidence, missing="")
            # the same two lines for every key result, so they read down the screen: how it stands, then its numbers
            standing = [
                progress_bar(kr.score, kr.expected, BAR, style) + Text(f" {kr.score:.2f}"),
                Text(status_words(kr.status), style=style),
                Text(f"conf {confidence}" if confidence else ""),
            ]
            numbers = [
                Text(one_line(value_path(kr.baseline, kr.current, kr.target, kr.unit)), style="dim"),
                Text(sparkline([v for _, v in kr.values][-8:], kr.baseline, kr.target)),
                Text(view.last_checkin(kr)),
            ]
            parts += _figures(standing, 4, width) + _figures(numbers, 4, width)
            if notes and kr.note:
                parts.append(_block(Text(f"note {kr.note_date}: {one_line(kr.note)}", style="italic"), 4, width))
    for guardrail in team.guardrails:
        breached = guardrail.status == BREACHED
        style = STATUS_STYLE.get(guardrail.status, "")
        parts.append(_block(Text("guardrail: " + one_line(guardrail.title), style="bold red" if breached else ""), 0, width))
        standing = [Text(("⚠ " if breached else "") + status_words(guardrail.status), style=style)]
        numbers = [Text(one_line(guardrail_values(guardrail)), style="dim"), Text(sparkline([v for _, v in guardrail.values][-8:]))]
        parts += _figures(standing, 4, width) + _figures(numbers, 4, width)
    return Group(*parts)
