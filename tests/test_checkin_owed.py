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
