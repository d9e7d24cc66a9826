"""The top of the terminal dashboard: what needs attention, and what the scores are compared with."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from okrcli.report.review import attention_word, for_reading
from okrcli.report.styles import STATUS_STYLE, one_line
from okrcli.report.views import ReportView

STACK_BELOW = 60
"""Below this width each item's status goes on the line above its title instead of beside it."""


def attention(view: ReportView, width: int) -> Group:
    """``Needs attention``: each item's status, title, reference, owner and why; or a line saying nothing does."""
    items = for_reading(view)
    if not view.teams:
        return Group(Text(f"Needs attention: nothing to review, the filters keep nothing in {one_line(view.period)}", style="dim"))
    if not items:
        return Group(Text("Needs attention: nothing (committed objectives on track, guardrails kept, check-ins current)", style="dim"))
    table = Table(box=None, show_header=False, expand=True, pad_edge=False, padding=(0, 1))
    if width >= STACK_BELOW:
        table.add_column("status", no_wrap=True)
    table.add_column("what", ratio=1, overflow="fold")
    for item in items:
        word = Text(attention_word(item), style=STATUS_STYLE.get(item.status, ""))
        what = Text.assemble((one_line(item.title), "bold"), f"  {one_line(item.ref)}")
        what.append(f"  {one_line(item.owner) if item.owner else 'no owner'}", style="cyan")
        what.append("\n" + one_line(item.why), style="dim")
        if width >= STACK_BELOW:
            table.add_row(word, what)
        else:
            table.add_row(Text.assemble(word, "\n", what))
    return Group(Text(f"Needs attention ({len(items)})", style="bold"), table)


def compared_line(view: ReportView) -> Text | None:
    """``compared (in brackets): day 51 of 92 against day 51 of 2026-Q3 (2026-08-20)``, or None."""
    compared = view.compared()
    if compared is None:
        return None
    return Text(f"compared (in brackets): {one_line(compared)}", style="dim")
