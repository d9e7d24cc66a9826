"""yamlio/reader.py: control characters are located errors; size limits say which limit was hit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from okrcli.model.text import CONTROL_CHARACTERS, printable
from okrcli.usecases.pipeline import load_file
from tests.helpers import locate

BASE = """team: ops
period: 2026-Q4
objectives:
  - id: faster
    title: {title}
    type: committed
    key_results:
      - id: deploys
        title: Raise deploys from 4 to 10 a week
        baseline: 4
        target: 10
        unit: {unit}
        checkins:
          - date: 2026-10-05
            value: 5
            note: {note}
      - id: lead
        title: Cut lead time from 5 to 2 days
        baseline: 5
        target: 2
"""

PLAIN = {"title": "Ship faster", "unit": "deploys", "note": "ok"}


@pytest.mark.parametrize("field", ["title", "unit", "note"])
@pytest.mark.parametrize("escape, code", [("\\e]0;PWNED\\a", "U+001B"), ("\\x7f", "U+007F"), ("\\x85", "U+0085"),
                                          ("\\L", "U+2028"), ("\\u202e", "U+202E"), ("\\r", "U+000D")])
def test_a_control_character_in_any_text_is_a_located_error(tmp_path, field, escape, code):
    values = dict(PLAIN)
    values[field] = f'"bad{escape}text"'
    text = BASE.format(**values)
    path = tmp_path / "ops.yaml"
    path.write_text(text, encoding="utf-8")
    found = [d for d in load_file(path).diagnostics if d.rule == "control-character"]
    assert len(found) == 1
    assert (found[0].line, found[0].column) == locate(text, f'"bad{escape}')
    assert code in found[0].message


def test_tabs_and_newlines_in_block_text_are_fine(tmp_path):
    text = BASE.format(**{**PLAIN, "note": "|\n              two\tcolumns\n              and lines"})
    path = tmp_path / "ops.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_file(path).diagnostics == []


def test_a_large_file_without_aliases_is_not_called_an_alias_bomb(tmp_path):
    lines = ["team: ops", "period: 2026-Q4", "objectives:"]
    for i in range(3000):
        lines += [f"  - id: o{i}", f"    title: Objective {i}", "    type: committed", "    key_results:"]
        lines += [f"      - {{id: a{k}, title: t, baseline: 0, target: {k + 1}}}" for k in range(2)]
    path = tmp_path / "ops.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert [d.rule for d in load_file(path).diagnostics] == []


def test_an_alias_bomb_names_the_alias_limit(tmp_path):
    rows = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 7):
        rows.append(f"{chr(97 + level)}: &{chr(97 + level)} [" + ", ".join([f"*{chr(96 + level)}"] * 10) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(rows) + "\n")
    (diag,) = load_file(path).diagnostics
    assert diag.rule == "yaml-too-large" and "aliases expand" in diag.message


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_printable_text_has_no_control_characters_and_keeps_the_rest(text):
    shown = printable(text)
    assert CONTROL_CHARACTERS.search(shown) is None
    assert all(ch in shown for ch in set(text) if not CONTROL_CHARACTERS.match(ch))
    assert "\n" not in printable(text, one_line=True) and "\t" not in printable(text, one_line=True)
