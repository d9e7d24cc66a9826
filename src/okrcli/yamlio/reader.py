"""YAML input and output.  The only module that imports a YAML library.

Read path: PyYAML's libyaml-backed parser *composes* a node tree (fast, with
line and column on every node), and this module builds plain Python values
from it itself.  Building the values here, rather than letting a YAML
constructor do it, is what makes the loader safe and precise:

- no tag can construct an object: only the core scalar tags are accepted;
- duplicate keys are reported (YAML libraries silently keep one);
- a bad date such as ``2026-13-01`` is reported at its position (the YAML
  libraries raise a bare ValueError);
- alias expansion is counted, so a "billion laughs" document is rejected
  after a bounded amount of work;
- scalars follow YAML 1.2's core schema: ``yes``, ``no``, ``on`` and ``off``
  stay strings, as yaml-language-server reads them.

The write path (atomic writes, node geometry for splicing, rendering new text)
is in :mod:`okrcli.yamlio.writer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from okrcli.model.diagnostics import Diagnostic, error
from okrcli.model.location import Span, SourceMap
from okrcli.model.text import CONFLICT_MARKER, CONTROL_CHARACTERS, first_control_character
from okrcli.yamlio.core_schema import (
    BOOL_TAG, FLOAT_TAG, INT_TAG, MAP_TAG, MAX_DEPTH, MAX_DOCUMENT_NODES, MAX_NODES, NULL_TAG, SEQ_TAG,
    STR_TAG, TIMESTAMP_TAG, CoreLoader,
)

@dataclass
class ParsedDocument:
    """Plain data of one YAML document and where each node of it is."""

    data: Any
    source_map: SourceMap
    reported: frozenset = frozenset()
    """Paths whose values already produced a diagnostic while parsing."""


class _Abort(Exception):
    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic


def decode_text(raw: bytes, path: Path) -> tuple[str | None, list[Diagnostic]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = "save the file as UTF-8"
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            hint = "the file is UTF-16; save it as UTF-8"
        return None, [
            error(
                "encoding",
                f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                path,
                Span.point(line, column),
                hint,
            )
        ]


def parse_yaml(text: str, path: Path, positions: bool = True) -> tuple[ParsedDocument | None, list[Diagnostic]]:
    """Parse one YAML document into plain data plus a :class:`SourceMap`.

    Never raises on bad input: every problem comes back as a diagnostic.
    """
    conflict = CONFLICT_MARKER.search(text)
    if conflict:
        line, _ = _line_col(text, conflict.start())
        return None, [
            error(
                "yaml-syntax",
                f"unresolved merge conflict: line {line} starts with {conflict.group(1)}",
                path,
                Span.point(line, 1),
                "keep the lines you want from each side, delete the <<<<<<<, ======= and >>>>>>> lines, "
                "then run `okr validate`",
            )
        ]
    try:
        node = yaml.compose(text, Loader=CoreLoader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_diagnostic(exc, path)]
    except yaml.reader.ReaderError as exc:
        line, column = _line_col(text, exc.position)
        return None, [
            error(
                "yaml-syntax",
                f"the file contains a character YAML does not allow (U+{ord(exc.character) if isinstance(exc.character, str) else exc.character:04X})",
                path,
                Span.point(line, column),
                "remove the control character",
            )
        ]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:  # pragma: no cover - defensive
        return None, [error("yaml-syntax", f"the file is not valid YAML: {exc}", path)]
    if node is None:
        return None, [
            error("empty-file", "the file is empty", path, hint="add team, period and objectives, or delete the file")
        ]
    source_map = SourceMap()
    builder = _Builder(path, source_map, positions)
    try:
        data = builder.build(node, (), 0)
    except _Abort as abort:
        return None, [abort.diagnostic]
    except RecursionError:
        return None, [error("yaml-syntax", "the document nests too deeply", path)]
    return ParsedDocument(data, source_map, frozenset(builder.reported)), builder.diagnostics


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _span(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, path: Path) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    span = Span.point(mark.line + 1, mark.column + 1) if mark else Span.point(1, 1)
    problem = exc.problem or "invalid YAML"
    context = f" ({exc.context})" if exc.context else ""
    hint = "check indentation and quoting around this position"
    if "found character '\\t'" in problem:
        hint = "YAML does not allow tabs for indentation; use spaces"
    elif "expected a single document" in (exc.context or "") + problem:
        hint = "an OKR file holds one document: remove the extra `---`"
    return error("yaml-syntax", f"invalid YAML: {problem}{context}", path, span, hint)


class _Builder:
    """Builds plain values from composed nodes, recording spans as it goes."""

    def __init__(self, path: Path, source_map: SourceMap, positions: bool = True):
        self.path = path
        self.source_map = source_map
        self.positions = positions
        self.diagnostics: list[Diagnostic] = []
        self.nodes = 0
        self.seen: set[int] = set()
        self.reported: set[tuple] = set()
        self.current_path: tuple = ()

    def build(self, node: yaml.Node, path: tuple, depth: int) -> Any:
        self.nodes += 1
        self.seen.add(id(node))
        if self.nodes - len(self.seen) > MAX_NODES:
            raise _Abort(
                error(
                    "yaml-too-large",
                    f"aliases expand the document by more than {MAX_NODES:,} values (an alias bomb?)",
                    self.path,
                    _span(node),
                    "remove the anchors and aliases (&name / *name) that repeat each other",
                )
            )
        if self.nodes > MAX_DOCUMENT_NODES:
            raise _Abort(
                error(
                    "yaml-too-large",
                    f"the document holds more than {MAX_DOCUMENT_NODES:,} values, the most okr reads from one file",
                    self.path,
                    _span(node),
                    "split it: one file per team and period",
                )
            )
        if depth > MAX_DEPTH:
            raise _Abort(error("yaml-syntax", "the document nests too deeply", self.path, _span(node)))
        if self.positions and path not in self.source_map.values:
            self.source_map.values[path] = _span(node)
        if isinstance(node, yaml.ScalarNode):
            self.current_path = path
            return self._scalar(node)
        if node.tag not in (SEQ_TAG, MAP_TAG):
            self._bad_tag(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,), depth + 1) for index, item in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Abort(
                    error("yaml-syntax", "a mapping key must be a plain word", self.path, _span(key_node))
                )
            key = key_node.value
            if key in first_seen:
                self.diagnostics.append(
                    error(
                        "duplicate-key",
                        f"duplicate key '{key}' (first defined on line {first_seen[key].start_mark.line + 1})",
                        self.path,
                        _span(key_node),
                        "remove one of the two; YAML keeps only one of them",
                    )
                )
                continue
            first_seen[key] = key_node
            child = path + (key,)
            if self.positions:
                self.source_map.keys[child] = _span(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _bad_tag(self, node: yaml.Node) -> None:
        raise _Abort(
            error(
                "yaml-tag",
                f"the tag {node.tag!r} is not allowed in OKR files",
                self.path,
                _span(node),
                "remove the tag; OKR files hold only plain text, numbers, dates, lists and mappings",
            )
        )

    def _control_character(self, node: yaml.ScalarNode, found: str) -> None:
        self.reported.add(self.current_path)
        self.diagnostics.append(
            error(
                "control-character",
                f"the text contains the control character U+{ord(found):04X}, which terminals may act on",
                self.path,
                _span(node),
                "remove it; write plain text (a line break in a block scalar `|` is fine)",
            )
        )

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        try:
            if tag == STR_TAG:
                if CONTROL_CHARACTERS.search(value):
                    self._control_character(node, first_control_character(value))
                return value
            if tag == NULL_TAG:
                return None
            if tag == BOOL_TAG:
                return value.lower() == "true"
            if tag == INT_TAG:
                text = value.replace("_", "")
                if text.startswith(("0o", "0x")):
                    return int(text, 0)
                return int(text)
            if tag == FLOAT_TAG:
                text = value.replace("_", "").lower()
                if text.endswith((".inf", ".nan")):
                    text = text.replace(".", "")
                return float(text)
            if tag == TIMESTAMP_TAG:
                return date.fromisoformat(value)
        except ValueError:
            kind = "date" if tag == TIMESTAMP_TAG else tag.rsplit(":", 1)[-1]
            self.reported.add(self.current_path)
            self.diagnostics.append(
                error(
                    "bad-date" if tag == TIMESTAMP_TAG else "wrong-type",
                    f"'{value}' is not a valid {kind}",
                    self.path,
                    _span(node),
                    "write dates as YYYY-MM-DD with a real month (01-12) and day" if tag == TIMESTAMP_TAG else None,
                )
            )
            return value
        self._bad_tag(node)
        return None  # pragma: no cover
