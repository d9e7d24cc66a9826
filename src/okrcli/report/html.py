"""``okr report --format html``: one self-contained page from templates/report.html.j2 (jinja2, autoescaped).

The page opens with what needs attention, says grades and statuses in words, shows the
check-in notes, and draws each key result's chart from :mod:`okrcli.report.chart`. No
script: hovering a check-in shows its note through SVG's own ``<title>``.
"""

from __future__ import annotations

from okrcli.model.numbers import format_change, value_path, with_unit
from okrcli.report import review
from okrcli.report.chart import FONT, kr_chart
from okrcli.report.views import SWEET_SPOT, ReportView
from okrcli.scoring.scores import KrResult, ObjectiveResult
from okrcli.scoring.statuses import pace_words

ATTENTION_KINDS = {
    review.OBJECTIVE: "committed objective",
    review.GUARDRAIL: "guardrail",
    review.CHECKIN: "check-in owed",
}
"""How the summary names each kind of thing that needs attention."""


def pace_text(kr: KrResult) -> str:
    """``behind pace by 0.05 (expected 0.55)``."""
    return f"{pace_words(kr.gap)} (expected {kr.expected:.2f})"


def landing_text(kr: KrResult) -> str:
    """``forecast 0.97, likely 0.90–1.00``: where the key result is heading, and how sure that is."""
    low, high = kr.forecast_range
    return f"forecast {kr.forecast:.2f}, likely {low:.2f}–{high:.2f}"


def previous_text(view: ReportView, objective: ObjectiveResult) -> str | None:
    """``2026-Q3 (same point): 0.62`` or ``2026-Q3 (final): 0.62``; None when nothing matched."""
    score = view.previous_score(objective)
    if score is None or view.comparison is None:
        return None
    basis = "final" if view.comparison.final else "same point"
    return f"{view.comparison.period} ({basis}): {score:.2f}"


def report_html(view: ReportView) -> str:
    """The report as HTML; every piece of OKR text is escaped by the template engine."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("okrcli", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["unit"] = with_unit
    env.filters["path"] = lambda kr: value_path(kr.baseline, kr.current, kr.target, kr.unit)
    env.filters["sign"] = format_change
    env.filters["words"] = review.status_words
    env.filters["pace"] = pace_text
    env.filters["landing"] = landing_text
    template = env.get_template("report.html.j2")
    last_note_day = min(view.as_of, view.end)
    return template.render(
        view=view,
        counts=view.counts(),
        chart=lambda kr: kr_chart(kr, view.start, view.end, view.as_of, view.closed),
        font=FONT,
        attention=review.for_reading(view),
        kinds=ATTENTION_KINDS,
        compared=view.compared(),
        incomplete=view.incomplete(),
        previous=lambda objective: previous_text(view, objective),
        notes=lambda team: review.recent_notes(team, view),
        notes_until=last_note_day,
        distribution=view.distribution(),
        sweet_spot=SWEET_SPOT,
        missed=view.missed_committed(),
    )
