"""Line-based prompts for the interactive flows (checkin, draft).

Answers are read with readline from standard input, so a person at a terminal
and piped input in tests drive the flows the same way.
"""

from __future__ import annotations

import sys


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def ask(prompt: str) -> str | None:
    """The stripped answer, "" for Enter, None at the end of input."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\r\n").strip()
