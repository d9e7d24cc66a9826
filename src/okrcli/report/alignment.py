"""The alignment tree as a view model: objectives under the objectives they align to."""

from __future__ import annotations

from dataclasses import dataclass, field

from okrcli.model.references import parse_reference
from okrcli.scoring.scores import ObjectiveResult, PeriodResult


@dataclass
class AlignmentNode:
    ref: str
    title: str
    score: float | None
    status: str | None
    via: str | None = None
    """The key result (or other period) this objective aligns through, when not the objective itself."""
    children: list["AlignmentNode"] = field(default_factory=list)
    aligns_to: str | None = None
    """What it aligns to when that is not shown above it (missing, or left out by a filter)."""
    explanation: list[str] = field(default_factory=list)
    """The arithmetic behind the objective's score, grade and status (``--explain``)."""

    @property
    def children_mean(self) -> float:
        scored = [c.score for c in self.children if c.score is not None]
        return sum(scored) / len(scored) if scored else 0.0


def alignment_tree(result: PeriodResult) -> list[AlignmentNode]:
    """Root nodes: objectives that align to nothing in this period, with what aligns to them beneath."""
    objectives: dict[str, ObjectiveResult] = {o.ref: o for t in result.teams for o in t.objectives}
    nodes = {ref: AlignmentNode(ref, o.title, o.score, o.status, explanation=o.explanation) for ref, o in objectives.items()}
    external: dict[str, AlignmentNode] = {}
    roots: list[AlignmentNode] = []
    for ref, objective in objectives.items():
        node = nodes[ref]
        if not objective.aligns_to:
            roots.append(node)
            continue
        target = parse_reference(objective.aligns_to)
        parent_ref = f"{target.team}/{target.objective}"
        if target.key_result:
            node.via = f"{parent_ref}/{target.key_result}"
        if target.period and target.period != result.period:
            key = f"{target.period}:{parent_ref}"
            if key not in external:
                external[key] = AlignmentNode(key, "(another period)", None, None)
                roots.append(external[key])
            external[key].children.append(node)
        elif parent_ref in nodes and parent_ref != ref:
            nodes[parent_ref].children.append(node)
        else:  # its parent is missing, or a filter left it out: say what it aligns to
            node.aligns_to = objective.aligns_to
            roots.append(node)
    return roots
