"""Line-based prompts for the interactive flows (checkin, draft).

Answers are read with readline from standard input, so a person at a terminal
and piped input in tests drive the flows the same way. End of input (Ctrl-D, or a
pipe that runs dry) at a question okr cannot answer for the person ends the command:
:class:`InputEnded` is raised, and :func:`input_ended` says so and exits 130, as an
interrupt does.
"""

from __future__ import annotations

import sys
from typing import NoReturn

from okrcli.model.text import printable

INPUT_ENDED = 130
"""The exit code when input ends at a question: the person stopped, as with Ctrl-C."""


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


def at_terminal() -> bool:
    """Whether a person can answer questions: standard input is a terminal."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced
        return False


class InputEnded(Exception):
    """Input ended at a question (Ctrl-D, or a pipe that ran dry)."""


def answer(prompt: str) -> str:
    """The stripped answer, "" for Enter; raises :class:`InputEnded` at the end of input."""
    text = ask(prompt)
    if text is None:
        raise InputEnded()
    return text


def input_ended(what: str = "nothing was written") -> NoReturn:
    """Stop the command at the end of input: a message on stderr, exit 130."""
    import typer

    sys.stdout.write("\n")
    sys.stderr.write(f"okr: input ended; {what}\n")
    raise typer.Exit(INPUT_ENDED)


def confirm(question: str, default: bool = False) -> bool:
    """Ask a yes/no question until it gets an answer; Enter takes ``default``; :class:`InputEnded` at the end of input."""
    choices = "[Y/n]" if default else "[y/N]"
    while True:
        text = answer(f"{question} {choices} ").lower()
        if text == "":
            return default
        if text in ("y", "yes"):
            return True
        if text in ("n", "no"):
            return False
        say("  answer y or n")
