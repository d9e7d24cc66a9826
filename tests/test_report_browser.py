"""The HTML report in a real browser: headless Chromium (Debian's package) through Playwright.

Checks what a reader would notice: the page renders without errors, fetches nothing,
its charts have a size, and OKR text that looks like HTML is shown as text; what a
leadership review needs comes first, every chart label is drawn inside its chart, notes
show on the page and on hover, no script exists, and the page prints on A4 without
cutting a chart.  The screenshot is kept in docs/ (OKR_UPDATE_GOLDEN=1 refreshes it) and
shown in the README.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import ACME, copy_acme, make_repo, run_cli

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
    # the top of the report: the title, what needs attention, the teams and the first charts
    page.screenshot(path=str(shot), full_page=True, clip={"x": 0, "y": 0, "width": 1200, "height": 1500})
    assert shot.stat().st_size > 10_000
    if os.environ.get("OKR_UPDATE_GOLDEN") == "1":
        shutil.copyfile(shot, SCREENSHOT)
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


def _report(capsys, tmp_path, *args, repo: Path = ACME) -> Path:
    target = tmp_path / "report.html"
    assert run_cli(capsys, "-C", str(repo), "report", *args, "-o", str(target)).exit_code == 0
    return target


def test_needs_attention_is_the_first_section_after_the_title(browser, tmp_path, capsys):
    page, _, _ = _open(browser, _report(capsys, tmp_path, "--as-of", "2026-11-20"))
    first = page.evaluate("() => document.querySelector('h1 + div + section').className")
    assert first == "attention"
    attention = page.locator("section.attention").bounding_box()
    assert page.locator("section.attention h2").inner_text() == "Needs attention"
    teams = page.locator("section.team")
    assert teams.count() == 6
    for index in range(teams.count()):
        assert attention["y"] + attention["height"] <= teams.nth(index).bounding_box()["y"]
    page.close()


LABELS_OUTSIDE = """() => [...document.querySelectorAll('svg.chart')].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].filter(text => {
    const r = text.getBoundingClientRect();
    return r.width === 0 || r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
  }).map(text => text.textContent);
})"""

EDGE_FILE = """\
team: edge
period: 2026-Q4
objectives:
  - id: extremes
    title: Charts that survive odd numbers
    type: aspirational
    owner: omar
    key_results:
      - id: widest
        title: From the lowest float to the highest
        baseline: -1.7976931348623157e308
        target: 1.7976931348623157e308
        unit: $
        checkins:
          - {date: 2026-10-05, value: 1e308, confidence: 0.5}
          - {date: 2026-10-20, value: -1e308, note: "</title><script>alert(1)</script>"}
      - id: money
        title: Grow ARR from $1.2M to $2M
        baseline: 1200000
        target: 2000000
        unit: USD
        checkins:
          - {date: 2026-11-16, value: 1500000, note: one check-in only}
      - id: long-unit
        title: Fewer complaints
        baseline: 250
        target: 150
        unit: complaints per thousand orders shipped to customers abroad
        checkins:
          - {date: 2026-10-05, value: 240}
          - {date: 2026-11-19, value: 200}
      - id: wide-unit
        title: A unit in wide characters
        baseline: 10
        target: 20
        unit: 件数件数件数件数件数件数件数件数
        checkins:
          - {date: 2026-10-05, value: 12}
  - id: more
    title: More odd charts
    type: committed
    owner: ana
    key_results:
      - id: none
        title: Nothing yet
        baseline: 0
        target: 100
        unit: "%"
      - id: level
        title: Baseline equals target until December
        baseline: 5
        target: 6
        rebaselines:
          - {date: 2026-12-01, field: target, old: 5, new: 6, reason: later}
        checkins:
          - {date: 2026-10-05, value: 5}
          - {date: 2026-10-12, value: 5}
"""


CHART_CASES = {
    "acme-running": (ACME, ["--as-of", "2026-11-20"]),
    "acme-closed": (ACME, ["--period", "2026-Q3", "--as-of", "2026-11-20"]),
    "edge-before-the-start": (None, ["--period", "2026-Q4", "--as-of", "2026-09-01"]),
    "edge-first-day": (None, ["--period", "2026-Q4", "--as-of", "2026-10-01"]),
    "edge-running": (None, ["--period", "2026-Q4", "--as-of", "2026-11-20"]),
    "edge-after-the-end": (None, ["--period", "2026-Q4", "--as-of", "2027-02-01"]),
}


@pytest.mark.parametrize("repo, args", CHART_CASES.values(), ids=CHART_CASES.keys())
def test_every_chart_label_is_inside_its_chart(browser, tmp_path, capsys, repo, args):
    repo = repo or make_repo(tmp_path / "edge", {"okrs/2026-Q4/edge.yaml": EDGE_FILE})
    page, _, errors = _open(browser, _report(capsys, tmp_path, *args, repo=repo))
    assert errors == []
    charts = page.locator("svg.kr-chart").count()
    assert charts >= 6
    assert page.locator("svg.kr-chart text.tick").count() >= 2 * charts
    assert page.locator("svg.kr-chart text.target").count() == page.locator("svg.kr-chart text.baseline").count() == charts
    assert page.evaluate(LABELS_OUTSIDE) == []
    # the check would see a label pushed out of its chart
    page.evaluate("() => document.querySelector('svg.kr-chart text.target').setAttribute('x', '-40')")
    assert len(page.evaluate(LABELS_OUTSIDE)) == 1
    page.close()


def test_notes_show_on_the_page_and_as_titles_in_the_charts(browser, tmp_path, capsys):
    page, _, _ = _open(browser, _report(capsys, tmp_path, "--as-of", "2026-11-20"))
    note = "November close 5.5 days, bank reconciliation automated for 2 of 3 banks"
    assert page.locator("p.note", has_text=note).is_visible()
    assert page.locator(".notes li", has_text=note).is_visible()
    titles = page.evaluate("() => [...document.querySelectorAll('svg.chart g.point > title')].map(t => t.textContent)")
    assert "2026-11-16: 5.5 days — " + note in titles
    assert len(titles) >= 100  # every check-in has its own
    page.close()


def test_the_page_has_no_script_and_needs_none(browser, tmp_path, capsys):
    target = _report(capsys, tmp_path, "--as-of", "2026-11-20")
    page, _, _ = _open(browser, target)
    assert page.evaluate("() => document.scripts.length") == 0
    assert page.locator("script").count() == 0
    charts = page.locator("svg.chart").count()
    page.close()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1200, "height": 900})
    inert = context.new_page()
    inert.goto(target.as_uri())
    assert inert.locator("svg.chart").count() == charts and inert.locator("section.attention").is_visible()
    context.close()


A4_WIDTH_PX, A4_HEIGHT_PX = 794, 1123
"""An A4 page in CSS pixels (96 per inch)."""

PAGE_MARGIN_PX = 46
"""The report's @page margin, 12 mm, in CSS pixels (rounded up)."""


def test_the_report_prints_on_a4_without_cut_charts(browser, tmp_path, capsys):
    page, _, _ = _open(browser, _report(capsys, tmp_path, "--as-of", "2026-11-20"))
    printable = A4_WIDTH_PX - 2 * PAGE_MARGIN_PX
    page.set_viewport_size({"width": printable, "height": A4_HEIGHT_PX - 2 * PAGE_MARGIN_PX})
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 3 and len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == len(pages)
    # each chart's top ("today") and bottom (the "31 Dec" tick) print on the same page: a chart
    # cut by a page break would leave its top on one page and its ticks on the next
    legend = "line is today"
    tops = [text.count("today") - text.count(legend) for text in pages]
    bottoms = [text.count("31 Dec") for text in pages]
    assert tops == bottoms and sum(bottoms) > 0, list(zip(tops, bottoms))
    boxes = page.evaluate("""() => ({
      charts: [...document.querySelectorAll('svg.chart')].map(svg => svg.getBoundingClientRect().height),
      cards: [...document.querySelectorAll('.card, section.attention')].map(card => card.getBoundingClientRect().right),
      breaks: [...document.querySelectorAll('.card, .kr, svg.chart')].map(node => getComputedStyle(node).breakInside),
      page: document.documentElement.scrollWidth })""")
    assert boxes["charts"] and max(boxes["charts"]) < A4_HEIGHT_PX - 2 * PAGE_MARGIN_PX
    assert max(boxes["cards"]) <= printable + 0.5 and boxes["page"] <= printable
    assert set(boxes["breaks"]) == {"avoid"}
    page.close()
