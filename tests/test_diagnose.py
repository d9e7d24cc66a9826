"""The scan pipeline behind validate and lint: parallel = serial, and the result cache."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from okrcli.usecases.diagnose import diagnose
from tests.helpers import ACME, copy_acme, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus import generate  # noqa: E402

AS_OF = date(2026, 11, 20)


def _key(diagnostics):
    return [(str(d.file), d.line, d.column, d.rule, d.severity.value, d.message) for d in diagnostics]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    generate(root, 120)
    path = root / "okrs/2026-Q4/team-00003.yaml"
    path.write_text(path.read_text().replace("target:", "targte:", 1))  # one broken file
    return root


def test_parallel_and_serial_agree(corpus, monkeypatch, tmp_path):
    monkeypatch.setenv("OKR_CACHE_DIR", str(tmp_path / "cache"))
    serial, _ = diagnose(corpus, None, AS_OF, True, use_cache=False, jobs=1)
    parallel, _ = diagnose(corpus, None, AS_OF, True, use_cache=False, jobs=2)
    assert _key(serial) == _key(parallel)
    assert any(d.rule == "unknown-field" for d in serial)


def test_cached_run_reports_exactly_the_same(corpus, monkeypatch, tmp_path):
    monkeypatch.setenv("OKR_CACHE_DIR", str(tmp_path / "cache"))
    first, _ = diagnose(corpus, None, AS_OF, True)
    cache_files = list((tmp_path / "cache").glob("scan-*.json"))
    assert len(cache_files) == 1
    second, _ = diagnose(corpus, None, AS_OF, True)
    assert _key(first) == _key(second)
    uncached, _ = diagnose(corpus, None, AS_OF, True, use_cache=False)
    assert _key(first) == _key(uncached)


def test_a_changed_file_is_never_served_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("OKR_CACHE_DIR", str(tmp_path / "cache"))
    repo = copy_acme(tmp_path / "acme")
    before, _ = diagnose(repo, None, AS_OF, True)
    path = repo / "okrs/2026-Q4/finance.yaml"
    stat = path.stat()
    text = path.read_text().replace("target: 4\n", "targte: 4\n")
    path.write_text(text)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size? no; same mtime: content still decides
    after, _ = diagnose(repo, None, AS_OF, True)
    assert any(d.rule == "unknown-field" for d in after) and not any(d.rule == "unknown-field" for d in before)


def test_settings_and_date_are_part_of_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv("OKR_CACHE_DIR", str(tmp_path / "cache"))
    repo = copy_acme(tmp_path / "acme")
    stale = [d.rule for d in diagnose(repo, None, date(2026, 12, 10), True)[0]]
    assert stale.count("checkin-stale") > 2
    fresh = [d.rule for d in diagnose(repo, None, AS_OF, True)[0]]
    assert fresh.count("checkin-stale") == 2
    (repo / "okr.toml").write_text('root = "okrs"\n[checkin]\nstale_days = 60\n')
    assert [d.rule for d in diagnose(repo, None, AS_OF, True)[0]].count("checkin-stale") == 0


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"format": 1, "okr": "0.1.0", "entries": {"x": 5}, "stats": 3}', b"\xff\xfe\x00"])
def test_a_corrupt_cache_is_ignored(tmp_path, monkeypatch, capsys, garbage):
    cache = tmp_path / "cache"
    monkeypatch.setenv("OKR_CACHE_DIR", str(cache))
    repo = copy_acme(tmp_path / "acme")
    expected = run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-11-20", "--format", "json").stdout
    for path in cache.glob("scan-*.json"):
        path.write_bytes(garbage)
    again = run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-11-20", "--format", "json")
    assert again.exit_code == 1 and again.stdout == expected  # 1: acme's task-style key result is an error


@pytest.mark.parametrize("damage", ["entry", "diagnostic", "summary"])
def test_a_cache_of_valid_json_but_the_wrong_shape_is_ignored(tmp_path, monkeypatch, capsys, damage):
    cache = tmp_path / "cache"
    monkeypatch.setenv("OKR_CACHE_DIR", str(cache))
    repo = copy_acme(tmp_path / "acme")
    expected = run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-11-20", "--format", "json").stdout
    (path,) = cache.glob("scan-*-lint.json")
    data = json.loads(path.read_text())
    for key, entry in data["entries"].items():
        if damage == "entry":
            data["entries"][key] = [1, 2]
        elif damage == "diagnostic":
            entry[0] = [["rule-only"]]
        else:
            entry[1] = {"path": 5}
    path.write_text(json.dumps(data))
    again = run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-11-20", "--format", "json")
    assert again.exit_code == 1 and again.stdout == expected  # 1: acme's task-style key result is an error
    assert "Traceback" not in again.stderr


def test_a_poisoned_entry_for_other_content_is_not_used(tmp_path, monkeypatch, capsys):
    """Entries are found by a key over the content hash: an entry for other content never matches."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("OKR_CACHE_DIR", str(cache))
    repo = copy_acme(tmp_path / "acme")
    run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-11-20", "--format", "json")
    (path,) = cache.glob("scan-*.json")
    data = json.loads(path.read_text())
    for entry in data["entries"].values():
        entry[0] = []  # pretend no file has findings
    data["stats"] = {}  # force re-hashing: the keys still match the real content...
    path.write_text(json.dumps(data))
    # ...so the poisoned entries would be used: prove that editing a file changes its key
    target = repo / "okrs/2026-Q4/sales.yaml"
    target.write_text(target.read_text() + "# edited\n")
    found = json.loads(run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-11-20", "--format", "json").stdout)
    assert {d["rule"] for d in found if d["file"].endswith("sales.yaml")} == {"guardrail-breached", "objective-has-number"}


def test_no_cache_flag_writes_nothing(tmp_path, monkeypatch, capsys):
    cache = tmp_path / "cache"
    monkeypatch.setenv("OKR_CACHE_DIR", str(cache))
    assert run_cli(capsys, "-C", str(ACME), "lint", "--no-cache", "--as-of", "2026-11-20").exit_code == 1  # kr-task-style
    assert run_cli(capsys, "-C", str(ACME), "validate", "--no-cache").exit_code == 0
    assert not cache.exists() or not list(cache.iterdir())


def test_what_validate_and_lint_keep_of_a_file_is_small(corpus):
    """The scan keeps summaries, not models: a summary is much smaller than the file."""
    from okrcli.usecases.pipeline import load_file
    from okrcli.usecases.pipeline import process_file
    from okrcli.repo.config import Settings

    path = next((corpus / "okrs/2026-Q4").glob("team-0001*.yaml"))
    outcome = process_file(str(path), str(corpus / "okrs"), Settings(), AS_OF, True)
    assert len(json.dumps(outcome.summary)) < len(path.read_text()) / 2
    assert load_file(path).team_file is not None


def test_validate_and_lint_keep_separate_caches(tmp_path, monkeypatch):
    monkeypatch.setenv("OKR_CACHE_DIR", str(tmp_path / "cache"))
    repo = copy_acme(tmp_path / "acme")
    from okrcli.rules.options import load_settings
    from okrcli.repo.discovery import discover
    from okrcli.usecases.diagnose import scan

    settings = load_settings(repo)
    files = discover(repo / "okrs")
    scan(files, repo / "okrs", repo, settings, AS_OF, True)
    scan(files, repo / "okrs", repo, settings, AS_OF, False)  # a validate in between
    assert scan(files, repo / "okrs", repo, settings, AS_OF, True).cache_hits == len(files)
    assert sorted(p.name.rsplit("-", 1)[1] for p in (tmp_path / "cache").iterdir()) == ["lint.json", "validate.json"]
