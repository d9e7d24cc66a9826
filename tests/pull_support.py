"""A repository with one key result per kind of source, and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import difflib
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.helpers import make_repo

TOKEN = "s3cr3t-t0ken-4-okr-tests"
"""The bearer token the test server wants; it must never appear in any output."""

FILE = "okrs/2026-Q4/growth.yaml"

TEAM = """\
# Growth team: every key result is fed by a source
team: growth
period: 2026-Q4
objectives:
  - id: revenue
    title: Customers pay us more every month
    type: committed
    owner: ana
    key_results:
      - id: arr   # annual recurring revenue, from the billing script
        title: Grow ARR from $1M to $2M
        baseline: 1000000
        target: 2000000
        unit: USD
        source: arr
      - id: csat
        title: Raise CSAT from 70 to 80
        baseline: 70
        target: 80
        source: {name: kpis, select: /csat/value}
        checkins:
          - {date: 2026-10-05, value: 71, confidence: 0.6}
  - id: reach
    title: More people find us on their own
    type: aspirational
    owner: ana
    key_results:
      - id: nps
        title: Raise NPS in EMEA from 30 to 40
        baseline: 30
        target: 40
        source: {name: export, column: nps, row: emea}
      - id: signups
        title: Grow weekly signups from 200 to 400
        baseline: 200
        target: 400
        source: {name: api, select: /data/result/0/value/1}
"""

ARR_SCRIPT = "print('$1.4M')\n"
KPIS = json.dumps({"csat": {"value": 74.5, "n": 310}})
EXPORT = "region,nps,responses\namer,41,200\nemea,35.5,120\n"


def config(port: int, extra: str = "") -> str:
    python = json.dumps(sys.executable)
    return f"""root = "okrs"

[sources.arr]
command = [{python}, "scripts/arr.py"]

[sources.kpis]
file = "metrics/kpis.json"

[sources.export]
file = "metrics/export.csv"

[sources.api]
url = "http://127.0.0.1:{port}/api/v1/query?query=signups"
headers = {{ Authorization = "Bearer ${{OKR_TEST_TOKEN}}" }}
timeout = 5
{extra}"""


def make_sources_repo(root: Path, port: int, team: str = TEAM, extra: str = "", files: dict | None = None) -> Path:
    return make_repo(
        root,
        {
            FILE: team,
            "scripts/arr.py": ARR_SCRIPT,
            "metrics/kpis.json": KPIS,
            "metrics/export.csv": EXPORT,
            **(files or {}),
        },
        config(port, extra),
    )


class MetricsServer:
    """A Prometheus-style endpoint on 127.0.0.1 that wants ``Authorization: Bearer TOKEN``."""

    def __init__(self, value: str = "312"):
        self.value = value
        self.received: list[dict[str, str]] = []
        self.redirect_to: str | None = None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                outer.received.append({k.lower(): v for k, v in self.headers.items()})
                if outer.redirect_to:
                    self.send_response(302)
                    self.send_header("Location", outer.redirect_to)
                    self.end_headers()
                    return
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    self.send_response(401, "Unauthorized")
                    self.end_headers()
                    return
                body = json.dumps({"status": "success", "data": {"result": [{"value": [1700000000, outer.value]}]}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "MetricsServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def only_inserted(before: str, after: str) -> list[str]:
    """The lines ``after`` adds to ``before``; fails when any line of ``before`` changed or went."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), f"{tag}: {old[i1:i2]!r} -> {new[j1:j2]!r}"
        if tag == "insert":
            added += new[j1:j2]
    return added


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie waiting for its parent does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")
