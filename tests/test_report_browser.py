"""The HTML report in a real browser: headless Chromium (Debian's package) through Playwright.

Checks what a reader would notice: the page renders without errors, fetches nothing,
its charts have a size, and OKR text that looks like HTML is shown as text.  The
screenshot is kept in docs/ (OKR_UPDATE_GOLDEN=1 refreshes it) and shown in the README.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers import ACME, copy_acme, run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "report-screenshot.png"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: .ci/run installs Debian's chromium package"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_load_state("networkidle")
    return page, requests, errors


def test_report_renders_offline_without_errors(browser, tmp_path, capsys):
    target = tmp_path / "report.html"
    assert run_cli(capsys, "-C", str(ACME), "report", "--as-of", "2026-11-20", "-o", str(target)).exit_code == 0
    page, requests, errors = _open(browser, target)
    assert errors == []
    assert requests == [target.as_uri()], "the report must not fetch anything"
    charts = page.locator("svg.chart")
    assert charts.count() >= 20
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
    # every key-result chart draws its check-ins
    assert page.locator("svg.chart polyline.actual").count() >= 20
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("OKR_UPDATE_GOLDEN") == "1":
        shutil.copyfile(shot, SCREENSHOT)
    assert SCREENSHOT.exists(), "docs/report-screenshot.png is missing: run the tests with OKR_UPDATE_GOLDEN=1"
    page.close()


def test_script_in_an_objective_title_is_shown_as_text(browser, tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    path = repo / "okrs/2026-Q4/finance.yaml"
    path.write_text(path.read_text().replace("title: Close the books fast enough to steer by them", "title: <script>alert(1)</script>"))
    target = tmp_path / "report.html"
    assert run_cli(capsys, "-C", str(repo), "report", "--as-of", "2026-11-20", "-o", str(target)).exit_code == 0
    page, _, errors = _open(browser, target)
    assert errors == []  # no alert dialog, no script error
    assert page.get_by_text("<script>alert(1)</script>", exact=True).count() >= 1
    page.close()
