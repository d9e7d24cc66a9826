"""YAML output: atomic writes, node geometry for splicing, and rendering new text.

Existing text is never re-dumped: :func:`geometry` says where a node sits so
that edits can splice new lines into the original (see :mod:`okrcli.yamlio.splice`);
:func:`dump_yaml` renders only text that does not exist yet.  Parsing uses the
same YAML 1.2 core-schema loader as the read path in :mod:`okrcli.yamlio.reader`.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from okrcli.yamlio.reader import MAX_DEPTH, CoreLoader


def write_atomic(path: Path, text: str, newline: str = "") -> None:
    """Replace ``path`` with ``text`` so that a crash leaves the old or the new file, never a mix.

    Writes a temporary file in the same folder, fsyncs it and renames it over
    the target (``os.replace`` is atomic on POSIX and Windows).
    """
    folder = path.parent
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


@dataclass
class Geometry:
    """Where a YAML node sits in its text: offsets (0-based) plus 1-based line and column.

    The write path uses these to splice new lines into the original text
    instead of re-dumping the file.
    """

    kind: str  # "map", "seq" or "scalar"
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    flow: bool = False
    style: str | None = None  # a scalar's quoting: None (plain), "'", '"', "|", ">"
    value: str | None = None  # a scalar's text
    items: list["Geometry"] | None = None  # sequence items
    pairs: list[tuple["Geometry", "Geometry"]] | None = None  # mapping (key, value) pairs

    def get(self, key: str) -> "Geometry | None":
        for k, v in self.pairs or []:
            if k.value == key:
                return v
        return None

    def key_of(self, key: str) -> "Geometry | None":
        for k, _ in self.pairs or []:
            if k.value == key:
                return k
        return None

    def last_end(self) -> int:
        """Offset just after the last character of the deepest last child."""
        node = self
        while True:
            if node.kind == "map" and node.pairs and not node.flow:
                node = node.pairs[-1][1]
            elif node.kind == "seq" and node.items and not node.flow:
                node = node.items[-1]
            else:
                return node.end


def geometry(text: str) -> Geometry | None:
    """The node geometry of a YAML text (None if it does not parse or is empty)."""
    try:
        node = yaml.compose(text, Loader=CoreLoader)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    if node is None:
        return None
    return _geometry(node, 0)


def _geometry(node: yaml.Node, depth: int) -> Geometry:
    if depth > MAX_DEPTH:
        raise ValueError("too deep")
    start, end = node.start_mark, node.end_mark
    base = dict(
        start=start.index,
        end=end.index,
        line=start.line + 1,
        column=start.column + 1,
        end_line=end.line + 1,
        end_column=end.column + 1,
        flow=bool(getattr(node, "flow_style", False)),
    )
    if isinstance(node, yaml.ScalarNode):
        return Geometry(kind="scalar", style=node.style, value=node.value, **base)
    if isinstance(node, yaml.SequenceNode):
        return Geometry(kind="seq", items=[_geometry(i, depth + 1) for i in node.value], **base)
    return Geometry(
        kind="map",
        pairs=[(_geometry(k, depth + 1), _geometry(v, depth + 1)) for k, v in node.value],
        **base,
    )


def dump_yaml(data: Any, sequence_dash: int = 2, key_after_dash: int = 2) -> str:
    """Render new YAML text (for new files and new objective blocks) with ruamel.yaml.

    Only ever used for text that does not exist yet; existing text is never
    re-dumped.  ``sequence_dash`` is how far a list's ``-`` sits right of its
    parent key, ``key_after_dash`` how far the item's keys sit right of the ``-``.
    """
    import io

    from ruamel.yaml import YAML

    writer = YAML(typ="rt")
    writer.width = 4096  # never fold a long title
    writer.indent(mapping=2, sequence=sequence_dash + key_after_dash, offset=sequence_dash)
    writer.default_flow_style = False
    buffer = io.StringIO()
    writer.dump(data, buffer)
    return buffer.getvalue()
