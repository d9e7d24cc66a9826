"""Markdown for ``okr score --format markdown`` and ``okr report --format markdown``.  Pure.

Every piece of text from the files (titles, units, owners, team names, retrospectives) goes
through :func:`md_escape`, and only here, so it reads literally in either output: no raw
HTML, no emphasis or links, no ``|`` splitting a table cell, no line break ending a row.
"""

from __future__ import annotations

import html
import re

from okrcli.model.numbers import format_change, format_confidence, value_path, with_unit
from okrcli.model.text import printable
from okrcli.report.sparkline import sparkline
from okrcli.report.review import attention_word, for_reading, recent_notes, status_words
from okrcli.report.views import PERIOD_ENDED, SWEET_SPOT, ReportView, TeamView, guardrail_values
from okrcli.scoring.scores import ObjectiveResult, PeriodResult
from okrcli.scoring.statuses import BREACHED, pace_words


MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]#|~])")
"""Characters Markdown (GitHub's included) may read as syntax: emphasis, code, links, headings, cells."""


def md_escape(text: str | None) -> str:
    """OKR text shown literally inside a Markdown table cell or line.

    Lines are joined with spaces, control characters escaped (:func:`printable`), ``<``, ``>``
    and ``&`` written as HTML entities, and Markdown punctuation (``|`` included) backslash-escaped.
    """
    text = printable((text or "").replace("\n", " "), one_line=True)
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))


def text_bar(score: float, width: int = 10) -> str:
    """``██████░░░░``: a score as a bar of block characters, for code blocks."""
    filled = int(round(max(0.0, min(1.0, score)) * width))
    return "█" * filled + "░" * (width - filled)


def score_markdown(result: PeriodResult) -> str:
    """``okr score --format markdown``: one table per team, key results under their objectives."""
    lines = [
        f"## OKR scores {result.period} (as of {result.as_of})",
        "",
        f"Period {result.start} to {result.end}{f' ({PERIOD_ENDED}: final scores)' if result.closed else ''}. Overall score **{result.score:.2f}**.",
        "",
    ]
    for team in result.teams:
        lines += [f"### {md_escape(team.team)}: {team.score:.2f}", ""]
        lines += ["| objective / key result | type | from → now → target | score | forecast | status |", "|---|---|---|---:|---:|---|"]
        for objective in team.objectives:
            lines.append(
                f"| **{md_escape(objective.title)}** (`{objective.ref}`) | {objective.type} | | "
                f"**{objective.shown_score}** | | {objective.status} ({objective.grade}) |"
            )
            for kr in objective.key_results:
                lines.append(
                    f"| ↳ {md_escape(kr.title)} | | {md_escape(with_unit(kr.baseline, kr.unit))} → "
                    f"{md_escape(with_unit(kr.current, kr.unit))} → {md_escape(with_unit(kr.target, kr.unit))} | "
                    f"{kr.score:.2f} | {kr.forecast:.2f} | {kr.status} |"
                )
        for g in team.guardrails:
            mark = "⚠ breached" if g.status == BREACHED else g.status
            lines.append(
                f"| guardrail: {md_escape(g.title)} | | {md_escape(with_unit(g.value, g.unit))} (must stay {g.must_stay}"
                f" {md_escape(with_unit(g.threshold, g.unit))}) | | | {mark} |"
            )
        lines.append("")
    return "\n".join(lines)


def report_markdown(view: ReportView) -> str:
    """``okr report --format markdown``: what needs attention first, then counts, teams, each objective
    with bars, a table and its notes, the last two weeks' notes per team, and the reviews."""
    lines = [
        f"# OKR report {view.period}",
        "",
        f"{view.start} to {view.end}, as of {view.as_of} ({view.when()}). "
        f"Overall score **{view.overall()}**.",
        "",
    ]
    if view.incomplete():
        lines += [f"> **Incomplete:** {md_escape(view.incomplete())}.", ""]
    lines += _attention(view)
    if view.compared():  # after the summary, as in the HTML page: what the brackets below compare with
        lines += [f"Compared: {md_escape(view.compared())}.", ""]
    counts = view.counts()
    lines += ["| " + " | ".join(status_words(c) for c in counts) + " |", "|" + "---:|" * len(counts), "| " + " | ".join(str(v) for v in counts.values()) + " |", ""]
    lines += _teams_table(view)
    for team in view.teams:
        lines += [f"## {md_escape(team.team)}: {team.score:.2f}", ""]
        for objective in team.objectives:
            lines += _objective(view, objective)
        for g in team.guardrails:
            mark = "**⚠ breached**" if g.status == BREACHED else g.status
            lines.append(f"Guardrail *{md_escape(g.title)}*: {md_escape(guardrail_values(g))}: {mark}")
        if team.guardrails:
            lines.append("")
        lines += _recent_notes(team, view)
    lines += _missed_committed(view)
    lines += _aspirational_distribution(view)
    return "\n".join(lines)


def _attention(view: ReportView) -> list[str]:
    items = for_reading(view)
    lines = ["## Needs attention", ""]
    if not view.teams:
        return lines + [f"Nothing to review: the filters keep nothing in {md_escape(view.period)}.", ""]
    if not items:
        return lines + ["Nothing: every committed objective is on track, every guardrail is kept and every check-in is current.", ""]
    for item in items:
        word = attention_word(item)
        owner = md_escape(item.owner) if item.owner else "no owner"
        lines.append(f"- **{word}**: {md_escape(item.title)} (`{item.ref}`), {owner}: {md_escape(item.why)}")
    return lines + [""]


def _objective(view: ReportView, objective: ObjectiveResult) -> list[str]:
    previous = view.previous_score(objective)
    basis = ""
    if previous is not None and view.comparison is not None:
        basis = f" · {md_escape(view.comparison.period)} ({'final' if view.comparison.final else 'same point'}): {previous:.2f}"
    lines = [
        f"### {md_escape(objective.title)}",
        "",
        f"`{objective.ref}` · {md_escape(objective.verdict)} · {status_words(objective.status)}{basis}",
        "",
        "```text",
    ]
    for kr in objective.key_results:
        trend = sparkline([v for _, v in kr.values], kr.baseline, kr.target) or "·"
        lines.append(f"{text_bar(kr.score)} {kr.score:.2f}  {trend:<13} {kr.ref.rsplit('/', 1)[1]}")
    if view.closed:  # final scores: no pace to keep, nothing left to forecast
        lines += ["```", "", "| key result | baseline → final → target | score | confidence | status |", "|---|---|---:|---:|---|"]
    else:
        lines += [
            "```",
            "",
            "| key result | baseline → now → target | score | pace | forecast (likely range) | confidence | status |",
            "|---|---|---:|---|---:|---:|---|",
        ]
    for kr in objective.key_results:
        low, high = kr.forecast_range
        outlook = "" if view.closed else f"{pace_words(kr.gap)} | {kr.forecast:.2f} ({low:.2f}–{high:.2f}) | "
        lines.append(
            f"| {md_escape(kr.title)} | {md_escape(value_path(kr.baseline, kr.current, kr.target, kr.unit))} | {kr.score:.2f} | "
            f"{outlook}{format_confidence(kr.confidence, missing='')} | {status_words(kr.status)} |"
        )
    lines.append("")
    noted = [kr for kr in objective.key_results if kr.note]
    for kr in noted:
        lines.append(f"- *{kr.ref.rsplit('/', 1)[1]}*, latest note ({kr.note_date}): {md_escape(kr.note)}")
    return lines + ([""] if noted else [])


def _recent_notes(team: TeamView, view: ReportView) -> list[str]:
    notes = recent_notes(team, view)
    if not notes:
        return []
    lines = [f"Notes of the last two weeks ({md_escape(team.team)}):", ""]
    lines += [f"- {n.day}, *{n.kr.ref.split('/', 1)[1]}*: {md_escape(n.text)}" for n in notes]
    return lines + [""]


def _teams_table(view: ReportView) -> list[str]:
    header = "| team | score |" + (f" {md_escape(view.previous_period)} | change |" if view.previous_period else "")
    lines = ["## Teams", "", header, "|---|---:|" + ("---:|---:|" if view.previous_period else "")]
    for team in view.teams:
        row = f"| {md_escape(team.team)} | {team.score:.2f} |"
        if view.previous_period:
            row += f" {'' if team.previous_score is None else f'{team.previous_score:.2f}'} | {format_change(team.change)} |"
        lines.append(row)
    return lines + [""]


def _missed_committed(view: ReportView) -> list[str]:
    lines = ["## Committed objectives that missed", ""]
    missed = view.missed_committed()
    if not missed:
        lines += ["None." if view.closed else "None yet: committed objectives are graded when the period ends.", ""]
    for _, objective in missed:
        lines += [f"- **{md_escape(objective.title)}** (`{objective.ref}`, {objective.shown_score}): "
                  + (md_escape(objective.retrospective) if objective.retrospective else "**no retrospective**")]
    if missed:
        lines.append("")
    return lines


def _aspirational_distribution(view: ReportView) -> list[str]:
    lines = ["## Aspirational scores", "", f"The sweet spot is about {SWEET_SPOT}: well above it, quarter after quarter, means the targets are too safe.", "", "```text"]
    for low, high, count in view.distribution():
        marker = "  ← sweet spot" if low <= SWEET_SPOT < high else ""
        lines.append(f"{low:.1f}-{high:.1f} {'■' * count:<10} {count}{marker}")
    return lines + ["```", ""]
