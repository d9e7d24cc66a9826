"""Line-based prompts for the interactive flows (checkin, draft).

Answers are read with readline from standard input, so a person at a terminal
and piped input in tests drive the flows the same way.
"""

from __future__ import annotations

import sys

from okrcli.model.text import printable


def say(text: str = "") -> None:
    """Show a line; control characters in it (from a title, a unit, a note) are shown escaped."""
    sys.stdout.write(printable(text) + "\n")
    sys.stdout.flush()


def ask(prompt: str) -> str | None:
    """The stripped answer, "" for Enter, None at the end of input."""
    sys.stdout.write(printable(prompt))
    sys.stdout.flush()
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\r\n").strip()
