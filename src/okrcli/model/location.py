"""1-based source locations and the map from model paths to YAML positions.

The loader records, for every node of a parsed OKR file, where its key and its
value start and end.  Pydantic reports errors by *path* (``("objectives", 0,
"title")``); :class:`SourceMap` turns such a path back into a line and column
so that every diagnostic can point at the offending node.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Span:
    """A region of a file; lines and columns are 1-based, the end is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> "Span":
        return cls(line, column, line, column + 1)


FILE_START = Span(1, 1, 1, 2)


@dataclass
class SourceMap:
    """Where each node of a document sits in its file.

    ``values[path]`` is the span of the value at ``path``; ``keys[path]`` is
    the span of the mapping key that introduces it (absent for list items).
    """

    values: dict[Path, Span] = field(default_factory=dict)
    keys: dict[Path, Span] = field(default_factory=dict)

    def value(self, path: Path) -> Span:
        """The span of the value at ``path``, or of its nearest located ancestor."""
        return self._nearest(self.values, path)

    def key(self, path: Path) -> Span:
        """The span of the key at ``path``; falls back to the value, then ancestors."""
        if path in self.keys:
            return self.keys[path]
        return self.value(path)

    def _nearest(self, table: dict[Path, Span], path: Path) -> Span:
        for cut in range(len(path), -1, -1):
            span = table.get(path[:cut])
            if span is not None:
                return span
        return FILE_START

    def resolve(self, loc: tuple) -> Path:
        """Turn a pydantic error ``loc`` into a path present in this map.

        Pydantic inserts union-member tags into ``loc`` (``("initiatives", 0,
        "detailed", "title")``); components that do not lead to a recorded
        node are skipped, and the trailing one is kept so that a missing
        field's name survives.
        """
        path: Path = ()
        for part in loc:
            candidate = path + (part,)
            if candidate in self.values:
                path = candidate
        return path
