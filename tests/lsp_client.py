"""A minimal Language Server Protocol client: JSON-RPC over a server's stdio, as an editor talks to it.

Used by tests/test_editor_schema.py to drive yaml-language-server (installed from npm
into .node/ by scripts/install-test-deps.sh) the way VS Code's YAML extension does.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YAML_LANGUAGE_SERVER = ROOT / ".node/node_modules/yaml-language-server/bin/yaml-language-server"


def node() -> str | None:
    return shutil.which("node")


class LanguageServer:
    """One server process; requests wait for their answer, notifications are kept by kind."""

    def __init__(self, command: list[str], timeout: float = 60):
        self.timeout = timeout
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        self.diagnostics: dict[str, list] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, value = line.split(":", 1)
                headers[name.lower()] = value.strip()
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def _until(self, found):
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise RuntimeError(f"the language server exited with {self.process.returncode}") from None
                continue
            if "method" in message and "id" in message:  # the server asks the editor something
                self._send({"id": message["id"], "result": None})
                continue
            if message.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
            answer = found(message)
            if answer is not None:
                return answer
        raise TimeoutError("the language server did not answer in time")

    def request(self, method: str, params: dict):
        self.next_id += 1
        number = self.next_id
        self._send({"id": number, "method": method, "params": params})
        message = self._until(lambda m: m if m.get("id") == number and "method" not in m else None)
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message["result"]

    def open(self, path: Path, text: str | None = None) -> list[dict]:
        """Open ``path`` as an editor does; its diagnostics once the server has validated it."""
        uri = path.resolve().as_uri()
        self.diagnostics.pop(uri, None)
        text = path.read_text(encoding="utf-8") if text is None else text
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        return self._until(lambda m: self.diagnostics.get(uri) if uri in self.diagnostics else None)

    def hover(self, path: Path, line: int, character: int) -> str | None:
        """The hover text at a 0-based position, as Markdown."""
        result = self.request(
            "textDocument/hover",
            {"textDocument": {"uri": path.resolve().as_uri()}, "position": {"line": line, "character": character}},
        )
        return None if not result else result["contents"]["value"]

    def complete(self, path: Path, line: int, character: int) -> list[dict]:
        result = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": path.resolve().as_uri()}, "position": {"line": line, "character": character}},
        )
        return result["items"] if isinstance(result, dict) else (result or [])

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except (RuntimeError, TimeoutError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


def yaml_language_server() -> LanguageServer:
    """yaml-language-server started and configured as VS Code's YAML extension starts it."""
    server = LanguageServer([node(), str(YAML_LANGUAGE_SERVER), "--stdio"])
    capabilities = {
        "textDocument": {
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "completion": {"completionItem": {"snippetSupport": True, "documentationFormat": ["markdown"]}},
        }
    }
    server.request("initialize", {"processId": None, "rootUri": None, "capabilities": capabilities})
    server.notify("initialized", {})
    settings = {"yaml": {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}}
    server.notify("workspace/didChangeConfiguration", {"settings": settings})
    return server
