"""Fetching a source's raw output: a command, a file inside the repository, an HTTP(S) URL.

Safe by construction: a command runs without a shell, in its own process group, with
its output capped; when it overruns its timeout or its output cap, the whole group is
killed, and whatever it leaves behind is killed once it exits. A file must resolve
(symlinks included) inside the repository. A URL is http or https, and so is every
redirect; headers are sent to the configured origin only; ``${VAR}`` in header values
is the only expansion, from the environment given, and a header value is never put in
a message or an exception. Every failure is a :class:`FetchError` whose message says
what went wrong in words a CI log can show.
"""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from okrcli import __version__
from okrcli.repo.sources import VARIABLE, Source

MAX_OUTPUT = 1 << 20
"""Bytes of output a source may return (1 MiB): a metric is a number, not a dump."""

MAX_STDERR = 4096
"""Bytes of a command's standard error kept (the last ones) for the message when it fails."""

_CHUNK = 65536
_JOIN_SECONDS = 5


class FetchError(Exception):
    """A source could not be fetched; ``message`` never holds a header value."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def fetch_raw(source: Source, repo_dir: Path, environ: Mapping[str, str]) -> bytes:
    """The bytes ``source`` returns: a command's standard output, a file's content, a response body."""
    if source.command is not None:
        return run_command(source.command, repo_dir, source.timeout)
    if source.file is not None:
        return read_inside(repo_dir, source.file)
    return fetch_url(source.url or "", source.headers, environ, source.timeout)


# -- commands ---------------------------------------------------------------------------


class _Drain(threading.Thread):
    """Reads a pipe to its end, keeping at most ``cap`` bytes (the last ones with ``tail``);
    ``overflow`` tells when there was more."""

    def __init__(self, pipe: IO[bytes], cap: int, on_overflow=None, tail: bool = False):
        super().__init__(daemon=True)
        self.pipe, self.cap, self.on_overflow, self.tail = pipe, cap, on_overflow, tail
        self.kept = bytearray()
        self.overflow = False

    def run(self) -> None:
        try:
            while chunk := self.pipe.read1(_CHUNK) if hasattr(self.pipe, "read1") else self.pipe.read(_CHUNK):
                if self.tail:  # an error message is at the end
                    self.kept = (self.kept + chunk)[-self.cap :]
                    continue
                room = self.cap - len(self.kept)
                self.kept += chunk[:room]
                if len(chunk) > room and not self.overflow:
                    self.overflow = True
                    if self.on_overflow is not None:
                        self.on_overflow()
        except (OSError, ValueError):
            pass
        finally:
            self.pipe.close()


def _kill_group(process: subprocess.Popen) -> None:
    """Kill the command and everything it started (its process group, made by start_new_session)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows has no process groups to kill
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass


def run_command(argv: list[str], cwd: Path, timeout: float) -> bytes:
    """Run ``argv`` (no shell) in ``cwd`` and return its standard output.

    FetchError when it cannot start, overruns ``timeout`` seconds or MAX_OUTPUT bytes, or
    exits with a non-zero status (the message ends with the last line of its standard error).
    """
    try:
        process = subprocess.Popen(
            argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except FileNotFoundError:
        raise FetchError(f"cannot run {argv[0]!r}: no such program (the command runs without a shell, from the repository's folder)") from None
    except OSError as exc:
        raise FetchError(f"cannot run {argv[0]!r}: {exc.strerror or exc}") from None
    assert process.stdout is not None and process.stderr is not None
    out = _Drain(process.stdout, MAX_OUTPUT, on_overflow=lambda: _kill_group(process))
    err = _Drain(process.stderr, MAX_STDERR, tail=True)
    out.start()
    err.start()
    timed_out = False
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
    finally:
        _kill_group(process)  # on time or not: nothing it started outlives it
        process.wait()
        out.join(_JOIN_SECONDS)  # a process that left the group may hold the pipe: do not wait for it
        err.join(_JOIN_SECONDS)
    if timed_out:
        raise FetchError(f"did not finish within {timeout:g} seconds; it was stopped, with every process it started")
    if out.overflow:
        raise FetchError(f"wrote more than {MAX_OUTPUT} bytes of output; it was stopped (print just the number, or JSON)")
    if process.returncode != 0:
        raise FetchError(_exit_problem(process.returncode, bytes(err.kept)))
    return bytes(out.kept)


def _exit_problem(code: int, stderr: bytes) -> str:
    what = f"was killed by signal {-code}" if code < 0 else f"exited with status {code}"
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return f"{what}: {lines[-1][:300]}" if lines else what


# -- files ------------------------------------------------------------------------------


def read_inside(repo_dir: Path, name: str) -> bytes:
    """The content of ``name``, which must resolve (symlinks followed) inside ``repo_dir``."""
    root = repo_dir.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root):
        raise FetchError(f"{name} leads outside the repository (to {path}); a file source must be inside it")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_OUTPUT + 1)
    except FileNotFoundError:
        raise FetchError(f"{name} does not exist") from None
    except OSError as exc:
        raise FetchError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(raw) > MAX_OUTPUT:
        raise FetchError(f"{name} is larger than {MAX_OUTPUT} bytes")
    return raw


# -- HTTP -------------------------------------------------------------------------------


def expand_headers(headers: Mapping[str, str], environ: Mapping[str, str]) -> dict[str, str]:
    """Header values with ``${VAR}`` replaced from ``environ``; FetchError naming a missing variable."""
    expanded = {}
    for name, template in headers.items():
        for variable in VARIABLE.findall(template):
            if variable not in environ:
                raise FetchError(f"header '{name}' needs ${{{variable}}}, which is not set in the environment")
        value = VARIABLE.sub(lambda m: environ[m.group(1)], template)
        if any(c in value for c in "\r\n\0"):
            raise FetchError(f"header '{name}' has a line break or NUL after expanding its variables; check the variable's value")
        expanded[name] = value
    return expanded


def _origin(url: str) -> tuple:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows http(s) redirects only, and drops the configured headers when one leaves the origin."""

    def __init__(self, origin: tuple, private: set[str]):
        self.origin, self.private = origin, private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.URLError(f"redirected to a {urlsplit(newurl).scheme or 'relative'} address, which okr does not follow")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and _origin(newurl) != self.origin:
            for key in [k for k in new.headers if k.lower() in self.private]:
                del new.headers[key]
        return new


def fetch_url(url: str, headers: Mapping[str, str], environ: Mapping[str, str], timeout: float) -> bytes:
    """GET ``url`` with ``headers`` (expanded from ``environ``) and return the body, within ``timeout`` seconds."""
    sent = {"Accept": "application/json", "User-Agent": f"okr/{__version__}", **expand_headers(headers, environ)}
    opener = urllib.request.build_opener(_Redirects(_origin(url), {name.lower() for name in headers}))
    deadline = time.monotonic() + timeout
    try:
        with opener.open(urllib.request.Request(url, headers=sent), timeout=timeout) as response:
            body = bytearray()
            while chunk := response.read(_CHUNK):
                body += chunk
                if len(body) > MAX_OUTPUT:
                    raise FetchError(f"the response is larger than {MAX_OUTPUT} bytes")
                if time.monotonic() > deadline:
                    raise TimeoutError
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise FetchError(f"the server answered HTTP {exc.code}, a redirect okr does not follow (only to http and https)") from None
        raise FetchError(f"the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"no answer within {timeout:g} seconds") from None
        raise FetchError(f"cannot fetch it: {getattr(reason, 'strerror', None) or reason}") from None
    except TimeoutError:
        raise FetchError(f"no complete answer within {timeout:g} seconds") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        # never str(exc): http.client quotes header values in some of its errors
        raise FetchError(f"cannot fetch it ({type(exc).__name__})") from None
    return bytes(body)
