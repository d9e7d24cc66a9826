"""okr pull is safe by construction: timeouts end the process group, output is capped, header
values never appear in output, files stay inside the repository, team files only name sources."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from okrcli.repo import fetchers
from okrcli.repo.fetchers import FetchError, fetch_url, read_inside, run_command
from tests.helpers import locate, run_cli
from tests.pull_support import FILE, TEAM, TOKEN, MetricsServer, alive, make_sources_repo

DAY = "2026-11-20"

SPAWNER = """\
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
open("child.pid", "w").write(str(child.pid))
time.sleep(60)
"""


def _repo(tmp_path, monkeypatch, port: int = 9, **kwargs) -> Path:
    monkeypatch.setenv("OKR_TEST_TOKEN", TOKEN)
    return make_sources_repo(tmp_path / "r", port, **kwargs)


def test_a_timeout_kills_the_whole_process_group(tmp_path, monkeypatch, capsys):
    extra = f"\n[sources.slow]\ncommand = [{json.dumps(sys.executable)}, \"scripts/slow.py\"]\ntimeout = 1\n"
    team = TEAM.replace("        source: arr\n", "        source: slow\n")
    repo = _repo(tmp_path, monkeypatch, team=team, extra=extra, files={"scripts/slow.py": SPAWNER})
    started = time.monotonic()
    result = run_cli(capsys, "-C", str(repo), "pull", "growth/revenue", "--date", DAY)
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert "source 'slow'" in result.stdout and "did not finish within 1 seconds" in result.stdout
    assert "feeds growth/revenue/arr" in result.stdout
    child = int((repo / "child.pid").read_text())
    deadline = time.monotonic() + 5
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(child), "the command's child outlived the timeout"


def test_a_finished_command_leaves_nothing_running(tmp_path):
    (tmp_path / "bg.py").write_text(
        "import subprocess, sys\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'], stdout=subprocess.DEVNULL)\n"
        "open('child.pid', 'w').write(str(child.pid))\nprint(42)\n"
    )
    assert run_command([sys.executable, "bg.py"], tmp_path, 10).strip() == b"42"
    child = int((tmp_path / "child.pid").read_text())
    deadline = time.monotonic() + 5
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(child)


def test_output_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(fetchers, "MAX_OUTPUT", 1000)
    with pytest.raises(FetchError, match="more than 1000 bytes"):
        run_command([sys.executable, "-c", "import sys\nwhile True: sys.stdout.write('x' * 4096)"], tmp_path, 10)


def test_no_shell_runs_the_command(tmp_path):
    with pytest.raises(FetchError, match="no such program"):
        run_command(["echo 1; touch pwned"], tmp_path, 5)
    assert not (tmp_path / "pwned").exists()


def test_the_token_never_appears_even_when_the_server_refuses_it(tmp_path, monkeypatch, capsys):
    with MetricsServer() as server:
        repo = _repo(tmp_path, monkeypatch, server.port)
        monkeypatch.setenv("OKR_TEST_TOKEN", TOKEN + "-wrong")
        for output in ("text", "json"):
            result = run_cli(capsys, "-C", str(repo), "pull", "growth/reach/signups", "--date", DAY, "--format", output)
            assert result.exit_code == 1
            assert "HTTP 401 Unauthorized" in result.stdout
            assert TOKEN not in result.stdout + result.stderr
        assert server.received[-1]["authorization"] == f"Bearer {TOKEN}-wrong"


def test_a_missing_variable_is_named_and_nothing_is_sent(tmp_path, monkeypatch, capsys):
    with MetricsServer() as server:
        repo = _repo(tmp_path, monkeypatch, server.port)
        monkeypatch.delenv("OKR_TEST_TOKEN")
        result = run_cli(capsys, "-C", str(repo), "pull", "growth/reach/signups", "--date", DAY)
        assert result.exit_code == 1
        assert "header 'Authorization' needs ${OKR_TEST_TOKEN}, which is not set in the environment" in result.stdout
        assert server.received == []


def test_headers_are_not_sent_to_another_origin_on_a_redirect():
    with MetricsServer() as target, MetricsServer() as first:
        target_url = f"http://127.0.0.1:{target.port}/elsewhere"
        first.redirect_to = target_url
        with pytest.raises(FetchError, match="HTTP 401"):
            fetch_url(f"http://127.0.0.1:{first.port}/q", {"Authorization": "Bearer ${T}"}, {"T": TOKEN}, 5)
        assert first.received[0]["authorization"] == f"Bearer {TOKEN}"
        assert "authorization" not in target.received[0]


def test_a_redirect_to_another_scheme_is_refused():
    with MetricsServer() as server:
        for elsewhere in ("file:///etc/passwd", "ftp://127.0.0.1/x"):
            server.redirect_to = elsewhere
            with pytest.raises(FetchError, match="a redirect okr does not follow|redirected to a ftp address"):
                fetch_url(f"http://127.0.0.1:{server.port}/q", {}, {}, 5)


def test_a_header_value_with_a_line_break_is_refused_without_showing_it():
    with pytest.raises(FetchError) as caught:
        fetch_url("http://127.0.0.1:9/q", {"Authorization": "Bearer ${T}"}, {"T": "abc\r\nX-Evil: 1"}, 5)
    assert "abc" not in caught.value.message and "line break" in caught.value.message


def test_a_file_source_must_stay_inside_the_repository(tmp_path):
    (tmp_path / "outside.json").write_text("42")
    repo = tmp_path / "repo"
    (repo / "metrics").mkdir(parents=True)
    (repo / "metrics" / "link.json").symlink_to(tmp_path / "outside.json")
    with pytest.raises(FetchError, match="leads outside the repository"):
        read_inside(repo, "metrics/link.json")


def _only_problem(repo: Path, capsys) -> dict:
    """The one problem `okr validate` finds in ``repo``."""
    result = run_cli(capsys, "-C", str(repo), "validate", "--format", "json")
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)
    return problem


def test_an_unknown_source_is_a_located_validation_error_and_a_pull_failure(tmp_path, monkeypatch, capsys):
    team = TEAM.replace("{name: kpis, select", "{name: kpi, select")
    repo = _repo(tmp_path, monkeypatch, team=team)
    problem = _only_problem(repo, capsys)
    line, column = locate(team, "kpi, select")
    assert (problem["rule"], problem["line"], problem["column"]) == ("unknown-source", line, column)
    assert "names source 'kpi', which okr.toml does not define" in problem["message"]
    assert "[sources.kpi]" in problem["hint"] and "kpis" in problem["hint"]
    pulled = run_cli(capsys, "-C", str(repo), "pull", "growth/revenue/csat", "--date", DAY)
    assert pulled.exit_code == 1 and "source 'kpi' is not defined in okr.toml" in pulled.stdout


def test_unknown_source_is_documented(capsys):
    result = run_cli(capsys, "rules", "unknown-source")
    assert result.exit_code == 0 and "okr.toml" in result.stdout


def test_a_command_in_a_team_file_is_refused_and_never_run(tmp_path, monkeypatch, capsys):
    team = TEAM.replace("        source: arr\n", "        source: {name: arr, command: [touch, pwned]}\n")
    repo = _repo(tmp_path, monkeypatch, team=team)
    problem = _only_problem(repo, capsys)
    assert problem["rule"] == "unknown-field" and "'command'" in problem["message"]
    assert "okr.toml" in problem["hint"]
    pulled = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY)
    assert pulled.exit_code == 1 and "growth.yaml: it has errors (okr validate shows them)" in pulled.stdout
    assert not (repo / "pwned").exists()
    bare = TEAM.replace("        source: arr\n", "        command: [touch, pwned]\n")
    (repo / FILE).write_text(bare)
    assert "[sources.NAME]" in _only_problem(repo, capsys)["hint"]
