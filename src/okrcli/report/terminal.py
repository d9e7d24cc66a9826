"""okr score on a terminal: a rich table per team, --explain, and the alignment tree (okr tree).

Every piece of user text (titles, units, team names) goes through :func:`one_line`.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from okrcli.model.numbers import format_confidence, value_path, with_unit
from okrcli.report.alignment import AlignmentNode, alignment_tree
from okrcli.report.styles import GRADE_STYLE, STATUS_STYLE, one_line, styled
from okrcli.report.views import PERIOD_ENDED, guardrail_values
from okrcli.scoring.scores import PeriodResult


def score_tables(result: PeriodResult) -> Group:
    """One table per team: objectives, their key results (values, score, forecast, confidence) and guardrails."""
    header = Text.assemble(
        (f"OKR scores {result.period}", "bold"),
        f"  {result.start} to {result.end}, as of {result.as_of}{f'  ·  {PERIOD_ENDED}' if result.closed else ''}  ·  overall ",
        (f"{result.score:.2f}", "bold"),
    )
    parts: list = [header]
    for team in result.teams:
        table = Table(
            title=Text.assemble((one_line(team.team), "bold"), f"  score {team.score:.2f}"),
            title_justify="left",
            expand=True,
            show_edge=False,
            pad_edge=False,
        )
        table.add_column("objective / key result", ratio=1, min_width=24)
        table.add_column("baseline → now → target", max_width=30)
        table.add_column("score", justify="right", no_wrap=True)
        table.add_column("fcst", justify="right", no_wrap=True)
        table.add_column("conf", justify="right", no_wrap=True)
        table.add_column("status", no_wrap=True)
        for objective in team.objectives:
            table.add_row(
                Text.assemble((one_line(objective.title), "bold"), (f" ({one_line(objective.ref.split('/', 1)[1])})", "dim")),
                Text(f"{objective.type}, {objective.grade}", style=GRADE_STYLE.get(objective.grade, "")),
                Text(objective.shown_score, style="bold"),
                "",
                "",
                styled(objective.status, STATUS_STYLE),
            )
            for kr in objective.key_results:
                table.add_row(
                    Text("  " + one_line(kr.title)),
                    Text(one_line(value_path(kr.baseline, kr.current, kr.target, kr.unit))),
                    f"{kr.score:.2f}",
                    f"{kr.forecast:.2f}",
                    format_confidence(kr.confidence),
                    styled(kr.status, STATUS_STYLE),
                )
        for g in team.guardrails:
            table.add_row(
                Text(f"guardrail: {one_line(g.title)}"),
                Text(one_line(guardrail_values(g))),
                "",
                "",
                "",
                styled(g.status, STATUS_STYLE),
            )
        parts += [Text(""), table]
    return Group(*parts)


def explain(result: PeriodResult) -> Group:
    """Every score of the period with the arithmetic that produced it (``okr score --explain``)."""
    parts: list = [Text(f"How each score of {result.period} on {result.as_of} was computed", style="bold")]
    for team in result.teams:
        parts.append(Text(""))
        parts.append(Text(f"team {one_line(team.team)}: score = mean of objective scores = {team.score:.4f}", style="bold"))
        for objective in team.objectives:
            parts.append(Text(f"  objective {objective.ref} ({objective.type})", style="bold"))
            parts += [Text(f"    {one_line(line)}") for line in objective.explanation]
            for kr in objective.key_results:
                parts.append(Text(f"    key result {kr.ref}: {one_line(kr.title)}", style="bold"))
                parts += [Text(f"      {one_line(line)}") for line in kr.explanation]
        for g in team.guardrails:
            parts.append(
                Text(
                    f"  guardrail {g.ref}: value {one_line(with_unit(g.value, g.unit))} must stay {g.must_stay} "
                    f"{one_line(with_unit(g.threshold, g.unit))} -> {g.status}"
                )
            )
    parts.append(Text(""))
    parts.append(Text(f"period score = mean of team scores = {result.score:.4f}", style="bold"))
    return Group(*parts)


def tree(result: PeriodResult, explain: bool = False) -> Tree:
    """Objectives under the objectives they align to, each with its score and status
    (with ``explain``, the arithmetic under each)."""
    root = Tree(Text(f"Alignment {result.period} (as of {result.as_of})", style="bold"))
    for node in alignment_tree(result):
        _add(root, node, explain)
    return root


def _add(parent: Tree, node: AlignmentNode, explain: bool) -> None:
    label = Text.assemble(
        (one_line(node.ref), "bold"),
        f"  {one_line(node.title)}  ",
        (f"{node.score:.2f}" if node.score is not None else "-", "bold"),
        "  ",
        styled(node.status or "", STATUS_STYLE),
    )
    if node.children:
        label.append(f"  (aligned: {len(node.children)}, mean {node.children_mean:.2f})", style="dim")
    if node.via:
        label.append(f"  via {one_line(node.via)}", style="dim")
    elif node.aligns_to:
        label.append(f"  aligns to {one_line(node.aligns_to)}", style="dim")
    if explain and node.explanation:
        label.append("\n" + "\n".join(one_line(line) for line in node.explanation), style="dim")
    branch = parent.add(label)
    for child in node.children:
        _add(branch, child, explain)
