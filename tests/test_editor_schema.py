"""Editors as a client: yaml-language-server, driven over stdio as VS Code drives it, with `okr schema`.

The schema is the one `okr schema -o` writes into a copy of examples/acme, named by the
files' own `# yaml-language-server: $schema=` modelines. The examples open without a
diagnostic; the typical mistakes are reported at their lines in words, never as a raw regex;
every property shows a description on hover, under one heading; completion never inserts
`null`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import copy_acme, run_cli
from tests.lsp_client import YAML_LANGUAGE_SERVER, node, yaml_language_server

pytestmark = pytest.mark.skipif(node() is None, reason="node is not installed: scripts/install-test-deps.sh installs it")

DATA = Path(__file__).resolve().parent / "data/editor"

# Every property of the format, in a file okr accepts: hovering each key must explain it.
EVERY_PROPERTY = (DATA / "every-property.yaml").read_text()

MISTAKES = (DATA / "mistakes.yaml").read_text()

# (line, words the message must hold): each typical mistake, at its line
EXPECTED = [
    (2, "not an id: use lowercase letters, digits and hyphens"),
    (3, "not a period: write 2026-Q4"),
    (7, '"committed", "aspirational"'),
    (8, "not a reference: write team/objective"),
    (10, 'Missing property "baseline"'),
    (12, "Property baselin is not allowed"),
    (14, "minimum of 0"),
    (16, "not a date: write YYYY-MM-DD"),
    (18, "maximum of 1"),
    (19, 'Missing property "target"'),
    (19, "not an id"),
    (21, 'Expected "number"'),
    (26, "too few items"),
    (34, '"above", "below"'),
]


@pytest.fixture(scope="module")
def acme(tmp_path_factory):
    """A copy of examples/acme with the schema `okr schema` prints now."""
    repo = copy_acme(tmp_path_factory.mktemp("editor") / "acme")
    (repo / "okr.schema.json").unlink()
    with (repo / "okr.toml").open("a") as config:  # the source EVERY_PROPERTY's key result names
        config.write('\n[sources.close-report]\nfile = "metrics/close.json"\n')
    return repo


@pytest.fixture(scope="module")
def server(acme):
    assert YAML_LANGUAGE_SERVER.exists(), "yaml-language-server is not installed: run scripts/install-test-deps.sh"
    started = yaml_language_server()
    yield started
    started.close()


@pytest.fixture(scope="module", autouse=True)
def schema(acme):
    from okrcli.cli.app import app
    from okrcli.cli.common import run_app

    assert run_app(app, ["-C", str(acme), "schema", "-o", "okr.schema.json"]) == 0
    return json.loads((acme / "okr.schema.json").read_text())


def _write(acme: Path, name: str, text: str) -> Path:
    path = acme / "okrs/2026-Q4" / name
    path.write_text(text)
    return path


def test_the_examples_open_without_a_diagnostic(acme, server):
    files = sorted((acme / "okrs").rglob("*.yaml"))
    assert len(files) >= 10
    for path in files:
        assert path.read_text().startswith("# yaml-language-server: $schema=../../okr.schema.json")
        assert server.open(path) == [], path.name


def test_the_file_with_every_property_is_valid_for_both(acme, server, capsys):
    path = _write(acme, "treasury.yaml", EVERY_PROPERTY)
    assert server.open(path) == []
    result = run_cli(capsys, "-C", str(acme), "validate", "okrs/2026-Q4/treasury.yaml", "--format", "json")
    assert json.loads(result.stdout) == [], result.stdout
    path.unlink()


def test_typical_mistakes_are_reported_at_their_lines_in_words(acme, server):
    path = _write(acme, "mistakes.yaml", MISTAKES)
    found = [(d["range"]["start"]["line"] + 1, d["message"]) for d in server.open(path)]
    path.unlink()
    for line, words in EXPECTED:
        assert any(at == line and words in message for at, message in found), (line, words, found)
    for _, message in found:
        assert "pattern" not in message and not re.search(r"[\^$]|\[a-z|\(\?:", message), message


def _keys(text: str):
    """(0-based line, column, key) of every mapping key in ``text``."""
    for number, line in enumerate(text.splitlines()):
        match = re.match(r"^(\s*(?:- )?)([a-z_]+):", line)
        if match:
            yield number, len(match.group(1)), match.group(2)


def _properties(schema: dict) -> set[str]:
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            found.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


def test_every_property_has_a_description_on_hover(acme, server, schema):
    path = _write(acme, "treasury.yaml", EVERY_PROPERTY)
    server.open(path)
    hovered = set()
    for line, column, key in _keys(EVERY_PROPERTY):
        text = server.hover(path, line, column + 1)
        assert text, f"no hover for {key} (line {line + 1})"
        heading, _, rest = text.partition("\n")
        assert heading.startswith("#### ") and "||" not in heading, (key, heading)
        explanation = rest.split("Source: [")[0].strip()
        assert len(explanation.split()) >= 3, f"{key}: the hover has no description: {text!r}"
        hovered.add(key)
    path.unlink()
    assert _properties(schema) <= hovered, f"properties missing from EVERY_PROPERTY: {_properties(schema) - hovered}"


def test_the_schema_itself_describes_every_property_with_no_null_default(schema):
    def walk(node, where):
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                assert prop.get("description"), f"{where}.{name} has no description"
                assert "default" not in prop or prop["default"] is not None, f"{where}.{name}: default null"
            if "pattern" in node:
                assert node.get("patternErrorMessage"), f"{where}: a pattern without a message"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    walk(schema, "$")


# Where completion is asked for: a blank line (marked <PLACE>) in each kind of mapping.
COMPLETION_DOCUMENT = (DATA / "completion.yaml").read_text()
OFFERED = {"file": {"lead", "start", "end"}, "objective": {"owner", "aligns_to", "retrospective"},
           "key result": {"unit", "owner", "weight"}, "check-in": {"confidence", "note"},
           "source": {"select", "column"}, "initiative": {"status", "link"}, "guardrail": {"unit", "checkins"}}


def _places(text: str) -> tuple[str, dict[str, tuple[int, int]]]:
    places = {}
    for number, line in enumerate(text.splitlines()):
        match = re.search(r"<([a-z -]+)>", line)
        if match:
            places[match.group(1)] = (number, match.start())
    return re.sub(r"<[a-z -]+>", "", text), places


def test_completion_offers_the_fields_and_never_inserts_null(acme, server):
    text, places = _places(COMPLETION_DOCUMENT)
    path = _write(acme, "completion.yaml", text)
    server.open(path)
    assert set(places) == set(OFFERED)
    for place, (line, column) in places.items():
        items = server.complete(path, line, column)
        labels = {item["label"] for item in items}
        assert OFFERED[place] <= labels, (place, labels)
        for item in items:
            inserted = item.get("insertText") or item.get("textEdit", {}).get("newText") or item["label"]
            assert "null" not in inserted, (place, item["label"], inserted)
    path.unlink()
