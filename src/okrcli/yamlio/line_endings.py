"""A file's line endings and byte-order mark, which every edit keeps.

Editors and operating systems leave files with LF, CRLF or (old Mac tools) CR-only
line endings, sometimes mixed: a CRLF line pasted into an LF file. New lines follow the
file's dominant ending, so one stray line never changes what the rest of an edit writes.
YAML reads a carriage return alone as a line break too; the splicing code finds lines by
``\\n``, so a CR-only file is edited as LF and turned back, and a file that mixes lone
CRs with LFs is refused with the line to fix (guessing would put lines in the wrong place).
"""

from __future__ import annotations

import functools
from typing import Callable, TypeVar

from okrcli.model.errors import EditRefused

BOM = "\ufeff"
"""The UTF-8 byte-order mark as text: some editors on Windows start every file with it."""

T = TypeVar("T", bound=Callable[..., str])


def line_ending(text: str) -> str:
    """The line ending most lines of ``text`` use: ``"\\n"``, ``"\\r\\n"`` or ``"\\r"`` (``"\\n"`` for none or a tie)."""
    crlf = text.count("\r\n")
    counts = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    return max(counts, key=lambda ending: (counts[ending], ending == "\n"))


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index) + 1


def _mixed_cr(text: str, ending: str) -> int | None:
    """The offset of the first line break that cannot be edited alongside the others, or None."""
    if ending == "\r":
        found = text.find("\n")
        return None if found == -1 else found
    start = 0
    while (found := text.find("\r", start)) != -1:
        if not text.startswith("\r\n", found):
            return found
        start = found + 2
    return None


def edits_lines(edit: T) -> T:
    """Let ``edit(text, ...)`` work on ``\\n`` lines whatever the file's line endings (see the module docs)."""

    @functools.wraps(edit)
    def wrapper(text: str, *args, **kwargs) -> str:
        ending = line_ending(text)
        mixed = _mixed_cr(text, ending)
        if mixed is not None:
            what = "a line feed in a file of carriage returns" if ending == "\r" else "a carriage return alone"
            raise EditRefused(
                f"the file mixes line endings: {what} (line {_line_of(text, mixed)})",
                hint="convert it to one line ending (your editor's line-ending setting, or dos2unix), then run again",
            )
        if ending != "\r":
            return edit(text, *args, **kwargs)
        return edit(text.replace("\r", "\n"), *args, **kwargs).replace("\n", "\r")

    return wrapper  # type: ignore[return-value]


def split_bom(raw: bytes) -> tuple[str, str]:
    """(the byte-order mark or "", the text after it) of a UTF-8 file's bytes."""
    text = raw.decode("utf-8")
    return (BOM, text[1:]) if text.startswith(BOM) else ("", text)
