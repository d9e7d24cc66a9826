"""Item 7 of issue 13: where a check-in is owed, the owner is named (checkin-stale, the dashboard)."""

from __future__ import annotations

import json

from tests.helpers import VALID_FILE, make_repo, run_cli

FILE = "okrs/2026-Q4/finance.yaml"
NO_OWNER = VALID_FILE.replace("    owner: omar\n", "").replace("        unit: items\n", "        unit: items\n        owner: rosa\n")


def test_checkin_stale_names_the_owner_or_says_there_is_none(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: NO_OWNER})
    result = run_cli(capsys, "-C", str(repo), "lint", "--format", "json", "--as-of", "2026-11-20", "--select", "checkin-stale")
    messages = sorted(d["message"] for d in json.loads(result.stdout))
    assert messages == [
        "key result 'close-time' (no owner): last check-in 2026-10-05 (46 days ago); stale after 14 days",
        "key result 'recon' (owner rosa): no check-in since the period started 50 days ago; stale after 14 days",
    ]


def test_the_dashboard_names_who_owes_a_checkin(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: NO_OWNER})
    text = run_cli(capsys, "-C", str(repo), "report", "--as-of", "2026-11-20").stdout
    assert "check-in owed: rosa (recon); no owner (close-time)" in text


def test_nothing_is_owed_in_the_first_week_or_after_the_period(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    assert "check-in owed" not in run_cli(capsys, "-C", str(repo), "report", "--as-of", "2026-10-06").stdout
    assert "check-in owed" not in run_cli(capsys, "-C", str(repo), "report", "--as-of", "2027-01-10", "--period", "2026-Q4").stdout


def _owed_in_report(repo, capsys, as_of):
    data = json.loads(run_cli(capsys, "-C", str(repo), "report", "--as-of", as_of, "--format", "json").stdout)
    return sorted(a["ref"] for a in data["report"]["needs_attention"] if a["kind"] == "check-in")


def _owed_in_digest(repo, capsys, as_of):
    data = json.loads(run_cli(capsys, "-C", str(repo), "digest", "--until", as_of, "--no-git", "--format", "json").stdout)
    return sorted(ref for due in data["due"] for ref in due["refs"])


def test_the_report_and_the_digest_agree_on_who_owes_a_checkin(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: NO_OWNER, "okr.toml": "[checkin]\ncadence_days = 10\n"})
    for as_of in ("2026-10-11", "2026-10-12", "2026-10-15", "2026-10-16", "2026-11-20", "2026-12-30", "2026-12-31", "2027-01-02"):
        report, digest = _owed_in_report(repo, capsys, as_of), _owed_in_digest(repo, capsys, as_of)
        assert report == digest, as_of
    assert _owed_in_report(repo, capsys, "2026-10-11") == []  # 10 days since the period started: not yet
    assert _owed_in_report(repo, capsys, "2026-10-12") == ["finance/faster-close/recon"]
    assert _owed_in_report(repo, capsys, "2026-10-16") == ["finance/faster-close/close-time", "finance/faster-close/recon"]


def test_a_key_result_at_its_target_owes_nothing_and_nothing_is_owed_once_the_period_closes(tmp_path, capsys):
    done = NO_OWNER.replace("            value: 6.5\n", "            value: 4\n", 1)
    repo = make_repo(tmp_path, {FILE: done})
    assert _owed_in_report(repo, capsys, "2026-11-20") == _owed_in_digest(repo, capsys, "2026-11-20") == ["finance/faster-close/recon"]
    assert _owed_in_report(repo, capsys, "2026-12-31") == _owed_in_digest(repo, capsys, "2026-12-31") == []


def test_a_team_that_starts_its_period_later_owes_from_its_own_start(tmp_path, capsys):
    late = VALID_FILE.replace("team: finance", "team: legal").replace("period: 2026-Q4\n", "period: 2026-Q4\nstart: 2026-11-16\n")
    late = late.replace("        checkins:\n          - date: 2026-10-05\n            value: 6.5\n            confidence: 0.6\n", "")
    repo = make_repo(tmp_path, {FILE: NO_OWNER, "okrs/2026-Q4/legal.yaml": late})
    assert run_cli(capsys, "-C", str(repo), "validate").exit_code == 0
    for as_of in ("2026-11-20", "2026-11-23", "2026-11-24", "2026-12-10"):
        report, digest = _owed_in_report(repo, capsys, as_of), _owed_in_digest(repo, capsys, as_of)
        assert report == digest, as_of
    assert not [ref for ref in _owed_in_report(repo, capsys, "2026-11-20") if ref.startswith("legal/")]  # 4 days in
    assert [ref for ref in _owed_in_report(repo, capsys, "2026-11-24") if ref.startswith("legal/")]  # 8 days in
