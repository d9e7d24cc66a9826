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
