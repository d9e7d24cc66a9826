"""okr.toml's ``[sources.NAME]`` tables: where the values of metric-backed key results come from.

Each source has exactly one of ``command`` (an argv list, run without a shell in the
repository root), ``file`` (JSON or CSV inside the repository) or ``url`` (http or
https, a JSON response), plus ``headers`` (URLs only; ``${VAR}`` is taken from the
environment when the source is fetched), ``select`` (a default JSON Pointer) and
``timeout`` (seconds, default 10). Validated with the rest of okr.toml
(:mod:`okrcli.repo.config`): an unknown key or a wrong type names the key and its line.
Header values never appear in a message: the error reader is told not to echo them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from okrcli.model.references import SLUG_PATTERN
from okrcli.model.source_ref import Pointer

DEFAULT_TIMEOUT = 10.0
"""Seconds a source may take unless okr.toml says otherwise."""

MAX_TIMEOUT = 3600.0
"""The longest timeout okr.toml may set: a nightly job must end."""

VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
"""``${VAR}``: the only expansion okr does, and only in header values."""

_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # RFC 9110 token


def _problem(message: str) -> PydanticCustomError:
    return PydanticCustomError("source_config", message)


def _inside_repository(file: str) -> str:
    # the path is resolved against the repository when fetched (symlinks too); here only its form
    if PurePosixPath(file).is_absolute() or PureWindowsPath(file).is_absolute() or ".." in PurePosixPath(file.replace("\\", "/")).parts:
        raise _problem(f"'{file}' is not inside the repository: write a path relative to okr.toml's folder, without '..'")
    if not file.strip():
        raise _problem("the file name is empty")
    return file


def _web_address(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _problem(f"'{parts.scheme or url}' is not an http or https address: a url source fetches JSON over HTTP(S)")
    return url


def _header_names(headers: dict[str, str]) -> dict[str, str]:
    for name, value in headers.items():
        if not _HEADER_NAME.match(name):
            raise _problem(f"'{name}' is not a header name")
        if any(ord(c) < 32 and c != "\t" or ord(c) == 127 for c in VARIABLE.sub("", value)):
            raise _problem(f"the value of header '{name}' has a control character")
    return headers


def _argv(command: list[str]) -> list[str]:
    if not command or not command[0].strip():
        raise _problem("the command is empty: give the program and its arguments, e.g. [\"python3\", \"scripts/arr.py\"]")
    if any("\0" in part for part in command):
        raise _problem("the command has a NUL character")
    return command


class Source(BaseModel):
    """One ``[sources.NAME]`` table."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)  # TOML has types: "10" is not 10

    command: Annotated[list[str], AfterValidator(_argv)] | None = None
    file: Annotated[str, AfterValidator(_inside_repository)] | None = None
    url: Annotated[str, AfterValidator(_web_address)] | None = None
    headers: Annotated[dict[str, str], AfterValidator(_header_names)] = Field(default_factory=dict, repr=False)
    select: Pointer | None = None
    timeout: Annotated[float, Field(gt=0, le=MAX_TIMEOUT, allow_inf_nan=False)] = DEFAULT_TIMEOUT

    @model_validator(mode="after")
    def _one_way_to_fetch(self) -> "Source":
        given = [key for key in ("command", "file", "url") if getattr(self, key) is not None]
        if len(given) != 1:
            found = " and ".join(given) if given else "none"
            raise _problem(f"a source needs exactly one of command, file or url (found {found})")
        if self.headers and self.url is None:
            raise _problem("headers are sent with a url; this source has no url")
        if self.select is not None and self.is_csv:
            raise _problem("a CSV file is read by column and row, not select: key results give source: {name, column, row}")
        return self

    @property
    def kind(self) -> str:
        """``command``, ``file`` or ``url``."""
        return "command" if self.command is not None else "file" if self.file is not None else "url"

    @property
    def is_csv(self) -> bool:
        """A ``file`` source ending in ``.csv`` is a table; everything else is JSON."""
        return self.file is not None and self.file.lower().endswith(".csv")

    def describe(self) -> str:
        """What it runs or reads, for messages: never a header or a URL's query."""
        if self.command is not None:
            return "command " + " ".join(self.command)
        if self.file is not None:
            return f"file {self.file}"
        parts = urlsplit(self.url or "")
        return f"url {parts.scheme}://{parts.netloc.rpartition('@')[2]}{parts.path}"

    def variables(self) -> list[str]:
        """The environment variables its headers need, in order of appearance."""
        return [name for value in self.headers.values() for name in VARIABLE.findall(value)]


def _source_name(name: str) -> str:
    if not re.match(SLUG_PATTERN, name):
        raise _problem(f"'{name}' is not a source name: use lowercase letters, digits and hyphens, e.g. [sources.monthly-arr]")
    return name


Sources = dict[Annotated[str, AfterValidator(_source_name)], Source]
"""``[sources.NAME]`` tables by name: what okr.toml's ``sources`` holds."""


def hides_input(loc: list[str], value: Any) -> bool:
    """Whether an okr.toml error at ``loc`` must not echo the value it found: anything that holds headers."""
    return bool(loc) and loc[0] == "sources" and ("headers" in loc or not isinstance(value, (str, int, float, bool)))
