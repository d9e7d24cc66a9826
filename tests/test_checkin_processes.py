"""Crash and concurrency: real `okr checkin` processes against one file.

Killing a process mid-write must leave the old or the new file, never a mix;
two processes writing at once must never lose a check-in.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from okrcli.usecases.pipeline import load_file
from tests.helpers import VALID_FILE, make_repo

OKR = str(Path(sys.executable).parent / "okr")
FILE = "okrs/2026-Q4/finance.yaml"


def _checkins(path: Path, kr: int) -> list:
    result = load_file(path)
    assert result.team_file is not None, [d.message for d in result.diagnostics]
    return result.team_file.okr.objectives[0].key_results[kr].checkins


def test_killed_checkins_leave_the_old_or_the_new_file(tmp_path):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    path = repo / FILE
    rng = random.Random(1)
    day = date(2026, 10, 6)
    killed = 0
    for _ in range(25):
        before = _checkins(path, 0)
        process = subprocess.Popen(
            [OKR, "-C", str(repo), "checkin", "finance/faster-close/close-time", "--value", "6", "--date", day.isoformat(), "--no-input"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 0.6))
        if process.poll() is None:
            process.kill()
            killed += 1
        process.wait()
        after = _checkins(path, 0)  # always loads: never a half-written file
        assert len(after) in (len(before), len(before) + 1)
        assert after[: len(before)] == before
        if len(after) > len(before):
            day += timedelta(days=1)
        leftovers = list(path.parent.glob(".*.tmp"))
        for leftover in leftovers:  # a killed writer may leave its temporary file; never the target
            leftover.unlink()
    assert killed > 0, "no process was killed mid-run; the test proved nothing"


def test_two_processes_at_once_lose_nothing(tmp_path):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    rounds = 12
    for round_number in range(rounds):
        day = (date(2026, 10, 6) + timedelta(days=round_number)).isoformat()
        processes = [
            subprocess.Popen(
                [OKR, "-C", str(repo), "checkin", ref, "--value", str(value), "--date", day, "--no-input"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for ref, value in (("finance/faster-close/close-time", 6), ("finance/faster-close/recon", 100 - round_number))
        ]
        for process in processes:
            _, stderr = process.communicate(timeout=60)
            assert process.returncode == 0, stderr
    path = repo / FILE
    assert len(_checkins(path, 0)) == 1 + rounds
    assert [c.value for c in _checkins(path, 1)] == [100 - n for n in range(rounds)]


SIX_METRICS = """\
team: finance
period: 2026-Q4
objectives:
  - id: month-end
    type: committed
    title: Month-end is a non-event
    key_results:
      - {id: close-time, title: Reduce close from 7 days to 4 days, baseline: 7, target: 4}
      - {id: recon, title: Reduce open items from 120 to 30, baseline: 120, target: 30}
      - {id: accruals, title: Reduce late accruals from 40 to 10, baseline: 40, target: 10}
  - id: cash
    title: Cash is where we think it is
    type: committed
    key_results:
      - {id: forecast-error, title: Cut forecast error from 12 to 4, baseline: 12, target: 4}
      - {id: dso, title: Reduce days sales outstanding from 48 to 40, baseline: 48, target: 40}
      - {id: unapplied, title: Cut unapplied cash from 30 to 5, baseline: 30, target: 5}
"""


def test_concurrent_commits_never_refuse_each_other(tmp_path):
    """Six `okr checkin --commit` at once on one file: each waits its turn and commits.

    The check for uncommitted changes runs under the file's lock, so no run mistakes
    another run's write (not yet committed) for somebody's unsaved edit.
    """
    from tests.helpers import git, make_git_repo

    repo = make_git_repo(tmp_path / "g", {FILE: SIX_METRICS})
    refs = ["close-time", "recon", "accruals", "forecast-error", "dso", "unapplied"]
    processes = [
        subprocess.Popen(
            [OKR, "-C", str(repo), "checkin", ref, "--value", "3", "--date", "2026-11-23", "--commit", "--no-input"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for ref in refs
    ]
    for process in processes:
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
        assert "committed " in stdout
    assert git(repo, "status", "--porcelain", "--", FILE) == ""
    subjects = git(repo, "log", "--format=%s").splitlines()
    assert subjects.count("okr: check-in finance 2026-Q4") == len(refs)
    okr = load_file(repo / FILE).team_file.okr
    assert all(kr.checkins[0].value == 3 for objective in okr.objectives for kr in objective.key_results)
