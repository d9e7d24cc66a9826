"""The rich Console okr writes to: colour only on a terminal, NO_COLOR respected, user text inert.

Text from files and command lines is shown literally: the console never interprets rich
markup (``[/u]``, ``[link=...]``) or emoji codes in strings, and never sends a control
character from the text it prints (an ESC could retitle the window, clear the screen or
forge a link); renderers escape user text before layout (:func:`okrcli.model.text.printable`),
and the console escapes whatever a renderer missed.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

from rich.console import Console
from rich.segment import Segment
from rich.text import Span, Text

from okrcli.model.text import CONTROL_CHARACTERS, printable

PAGER_DEFAULTS = {"LESS": "FRX", "LV": "-c"}
"""What git sets for its pager when unset: less shows colours (R), quits when the text fits
one screen (F) and leaves it on the screen (X); lv shows colours (-c)."""


class InertConsole(Console):
    """A Console whose output carries no control character but the styles it adds itself."""

    def render(self, renderable, options=None):
        if isinstance(renderable, Text) and CONTROL_CHARACTERS.search(renderable.plain):
            renderable = inert_text(renderable)
        for segment in super().render(renderable, options):
            if segment.control is None and CONTROL_CHARACTERS.search(segment.text):
                segment = Segment(printable(segment.text), segment.style)
            yield segment


def inert_text(text: Text) -> Text:
    """``text`` with its control characters escaped and its styles kept on the same characters."""
    plain = text.plain
    ends = [0]
    for char in plain:
        ends.append(ends[-1] + len(printable(char)))
    spans = [Span(ends[min(s.start, len(plain))], ends[min(s.end, len(plain))], s.style) for s in text.spans]
    return Text(
        printable(plain), style=text.style, justify=text.justify, overflow=text.overflow,
        no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size, spans=spans,
    )


def make_console(width: int | None = None, file=None) -> Console:
    """A console; plain text when piped or when NO_COLOR is set; width from COLUMNS if set."""
    if width is None and os.environ.get("COLUMNS", "").isdigit():
        width = int(os.environ["COLUMNS"])
    return InertConsole(
        file=file or sys.stdout,
        width=width,
        no_color="NO_COLOR" in os.environ,
        markup=False,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )


@contextmanager
def pager_environment():
    """Inside: :data:`PAGER_DEFAULTS` for each variable the user has not set; restored after."""
    added = [name for name in PAGER_DEFAULTS if name not in os.environ]
    os.environ.update({name: PAGER_DEFAULTS[name] for name in added})
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)
