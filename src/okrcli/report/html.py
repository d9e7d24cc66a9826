"""``okr report --format html``: one self-contained page from templates/report.html.j2 (jinja2, autoescaped)."""

from __future__ import annotations

from okrcli.model.numbers import format_change, value_path, with_unit
from okrcli.report.chart import chart_points
from okrcli.report.views import SWEET_SPOT, ReportView

CHART_WIDTH, CHART_HEIGHT = 220, 64
"""Size in pixels of each key result's chart of check-ins against the plan."""


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
    template = env.get_template("report.html.j2")
    charts = {
        kr.ref: chart_points(kr, view.start, view.end, CHART_WIDTH, CHART_HEIGHT)
        for kr in view.key_results()
    }
    return template.render(
        view=view,
        counts=view.counts(),
        charts=charts,
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        distribution=view.distribution(),
        sweet_spot=SWEET_SPOT,
        missed=view.missed_committed(),
    )
