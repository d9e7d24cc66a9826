"""YAML output: atomic writes, node geometry for splicing, and rendering new text.

Existing text is never re-dumped: :func:`geometry` says where a node sits so
that edits can splice new lines into the original (see :mod:`okrcli.yamlio.splice`);
:func:`dump_yaml` renders only text that does not exist yet.  Parsing uses the
same YAML 1.2 core-schema loader as the read path in :mod:`okrcli.yamlio.reader`.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from okrcli.model.errors import WriteError
from okrcli.yamlio.core_schema import MAX_DEPTH, CoreLoader


def write_atomic(path: Path, text: str, newline: str = "") -> None:
    """Replace ``path`` with ``text`` so that a crash leaves the old or the new file, never a mix.

    Writes a temporary file in the same folder, fsyncs it and renames it over the target
    (``os.replace`` is atomic on POSIX and Windows). A symbolic link is written through to
    the file it points to, as an editor would, so the link stays a link. A device or pipe
    (``/dev/stdout``) is written to directly. A new file gets the permissions the umask
    allows; an existing one keeps its own. A file whose owner may not write it is refused.
    Every failure raises :class:`WriteError` naming the file, and leaves it unchanged.
    """
    try:
        # os.stat follows links as the kernel does, magic ones included: /dev/stdout leads
        # through /proc/self/fd/1 to a pipe that os.path.realpath cannot name
        st = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise WriteError(f"{path} is a link to {os.readlink(path)}, which does not exist", hint="fix or remove the link") from None
        st = None
    except OSError as exc:
        raise _write_error(path, exc) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise WriteError(f"{path} is a folder", hint="name a file to write, e.g. " + str(path / "report.html"))
        _write_directly(path, text, newline)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if st is not None and not st.st_mode & stat.S_IWUSR:
        raise WriteError(f"{path} is read-only", hint="make it writable (chmod u+w) if it is meant to change, then run again")
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        raise
    _fsync_folder(folder)


def make_folder(folder: Path) -> None:
    """Create ``folder`` and the folders above it that are missing; WriteError naming it when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise WriteError(f"cannot create the folder {folder}: {reason}; nothing was changed", hint=_HINTS.get(exc.errno or 0)) from None


def _write_directly(path: Path, text: str, newline: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
    except OSError as exc:
        raise _write_error(path, exc) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_HINTS = {
    errno.ENOSPC: "free some disk space and run again",
    errno.EDQUOT: "free some space in your quota and run again",
    errno.EACCES: "check the permissions of the file and its folder",
    errno.EPERM: "check the permissions of the file and its folder",
    errno.ENOENT: "create the folder first, or choose another path",
    errno.ENOTDIR: "a part of the path is a file, not a folder: choose another path",
    errno.EROFS: "the file system is read-only: choose another path",
    errno.EISDIR: "name a file, not a folder",
}


def _write_error(path: Path, exc: OSError) -> WriteError:
    reason = exc.strerror or str(exc)
    return WriteError(f"cannot write {path}: {reason}; nothing was changed", hint=_HINTS.get(exc.errno or 0))


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
