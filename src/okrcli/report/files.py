"""The quarterly score report as Markdown, HTML (jinja2, autoescaped) or JSON."""

from __future__ import annotations

import json

from okrcli.report.score_data import md_escape, period_dict, value_path, with_unit
from okrcli.report.sparkline import sparkline
from okrcli.report.views import SWEET_SPOT, ReportView, chart_points, kr_age

CHART_WIDTH, CHART_HEIGHT = 220, 64


def render(view: ReportView, fmt: str) -> str:
    return {"markdown": markdown, "html": html, "json": to_json}[fmt](view)


def _sign(value: float | None) -> str:
    return "" if value is None else f"{'+' if value >= 0 else ''}{value:.2f}"


def extra_sections(view: ReportView) -> dict:
    """What the report adds to the score contract."""
    return {
        "days_elapsed": view.days_elapsed,
        "days_left": view.days_left,
        "counts": view.counts(),
        "missed_committed": [
            {"ref": o.ref, "title": o.title, "score": round(o.score, 4), "retrospective": o.retrospective}
            for _, o in view.missed_committed()
        ],
        "aspirational_distribution": {
            "sweet_spot": SWEET_SPOT,
            "buckets": [{"from": low, "to": high, "count": count} for low, high, count in view.distribution()],
            "scores": [{"ref": ref, "score": round(score, 4)} for ref, score in view.aspirational_scores()],
        },
        "previous_period": view.previous_period,
        "team_changes": [
            {"team": t.team, "score": round(t.score, 4), "previous_score": None if t.previous_score is None else round(t.previous_score, 4),
             "change": None if t.change is None else round(t.change, 4)}
            for t in view.teams
        ],
        "breached_guardrails": [g.ref for g in view.breached()],
    }


def to_json(view: ReportView) -> str:
    data = period_dict(view.result)
    keep = {t.team for t in view.teams}
    data["teams"] = [t for t in data["teams"] if t["team"] in keep]
    data["report"] = extra_sections(view)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _bar(score: float, width: int = 10) -> str:
    filled = int(round(max(0.0, min(1.0, score)) * width))
    return "█" * filled + "░" * (width - filled)


def markdown(view: ReportView) -> str:
    lines = [
        f"# OKR report {view.period}",
        "",
        f"{view.start} to {view.end}, as of {view.as_of} (day {view.days_elapsed} of {view.days_total}). "
        f"Overall score **{view.score:.2f}**.",
        "",
    ]
    counts = view.counts()
    lines += ["| " + " | ".join(counts) + " |", "|" + "---:|" * len(counts), "| " + " | ".join(str(v) for v in counts.values()) + " |", ""]
    lines += ["## Teams", "", "| team | score | " + (f"{view.previous_period} | change |" if view.previous_period else ""), "|---|---:|" + ("---:|---:|" if view.previous_period else "")]
    for team in view.teams:
        row = f"| {team.team} | {team.score:.2f} |"
        if view.previous_period:
            row += f" {'' if team.previous_score is None else f'{team.previous_score:.2f}'} | {_sign(team.change)} |"
        lines.append(row)
    lines.append("")
    for team in view.teams:
        lines += [f"## {team.team}: {team.score:.2f}", ""]
        for objective in team.objectives:
            lines += [
                f"### {md_escape(objective.title)}",
                "",
                f"`{objective.ref}` · {objective.type} · score **{objective.score:.2f}** · {objective.grade} · {objective.status}",
                "",
                "```text",
            ]
            for kr in objective.key_results:
                trend = sparkline([v for _, v in kr.values], kr.baseline, kr.target) or "·"
                lines.append(f"{_bar(kr.score)} {kr.score:.2f}  {trend:<13} {kr.ref.rsplit('/', 1)[1]}")
            lines += ["```", "", "| key result | baseline → now → target | score | forecast | confidence | status |", "|---|---|---:|---:|---:|---|"]
            for kr in objective.key_results:
                confidence = "" if kr.confidence is None else f"{kr.confidence:.1f}"
                lines.append(
                    f"| {md_escape(kr.title)} | {value_path(kr.baseline, kr.current, kr.target, kr.unit)} | {kr.score:.2f} | "
                    f"{kr.forecast:.2f} | {confidence} | {kr.status} |"
                )
            lines.append("")
        for g in team.guardrails:
            mark = "**⚠ breached**" if g.status == "breached" else g.status
            lines.append(f"Guardrail *{md_escape(g.title)}*: {with_unit(g.value, g.unit)}, must stay {g.must_stay} {with_unit(g.threshold, g.unit)}: {mark}")
        if team.guardrails:
            lines.append("")
    lines += ["## Committed objectives that missed", ""]
    missed = view.missed_committed()
    if not missed:
        lines += ["None." if view.as_of > view.end else "None yet: committed objectives are graded when the period ends.", ""]
    for _, objective in missed:
        lines += [f"- **{md_escape(objective.title)}** (`{objective.ref}`, {objective.score:.2f}): "
                  + (md_escape(objective.retrospective) if objective.retrospective else "**no retrospective**")]
    if missed:
        lines.append("")
    lines += ["## Aspirational scores", "", f"The sweet spot is about {SWEET_SPOT}: well above it, quarter after quarter, means the targets are too safe.", "", "```text"]
    for low, high, count in view.distribution():
        marker = "  ← sweet spot" if low <= SWEET_SPOT < high else ""
        lines.append(f"{low:.1f}-{high:.1f} {'■' * count:<10} {count}{marker}")
    lines += ["```", ""]
    return "\n".join(lines)


def html(view: ReportView) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("okrcli", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["unit"] = with_unit
    env.filters["path"] = lambda kr: value_path(kr.baseline, kr.current, kr.target, kr.unit)
    env.filters["sign"] = _sign
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
        age=lambda kr: kr_age(kr, view.as_of),
    )
