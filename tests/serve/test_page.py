"""The web page in a real browser: Debian's Chromium driven by Playwright, no downloaded browser.

Skipped where /usr/bin/chromium or Playwright is missing, unless LAGEBILD_REQUIRE_BROWSER
is set (CI sets it after installing both). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lagebild.model import Article
from lagebild.serve import create_app

from ..conftest import ROOT
from .conftest import running, write_store

CHROMIUM = os.environ.get("LAGEBILD_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("LAGEBILD_ARTIFACTS", ROOT / "test-artifacts"))
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "playwright is not installed"
    if missing is None and not shutil.which(CHROMIUM):
        missing = f"no Chromium at {CHROMIUM}"
    if missing:
        if os.environ.get("LAGEBILD_REQUIRE_BROWSER"):
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_filter_map_timeline_and_article(page, store_path):
    with running(create_app(store_path)) as url:
        open_page(page, url + "/")
        assert page.locator("#events .card").count() == 5
        assert page.locator("#map circle.event-point").count() == 5
        assert page.locator("#map path.country").count() > 150
        assert page.locator("#timeline rect.bar").count() == 5
        assert page.inner_text("#summary") == "5 events"

        page.check("#types input[value=PROTEST]")
        page.click("#filters button[type=submit]")
        page.wait_for_function("document.querySelectorAll('#events .card').length === 2")
        assert set(page.locator("#events .card").evaluate_all(
            "cards => cards.map(c => c.dataset.type)")) == {"PROTEST"}
        assert "type=PROTEST" in page.url
        assert page.locator("#map circle.event-point").count() == 2

        page.click("#events .card[data-id='art-mali/v2']")
        page.wait_for_selector("#article-text span.trigger")
        sentence = page.locator("#event-detail .sentence")
        assert sentence.locator("mark.trigger").inner_text() == "protestierte"
        assert "according to Amadou Keita" in page.inner_text("#event-detail")
        assert page.locator("#event-detail .badge").first.inner_text() == "reported"
        assert page.locator("#article-text span.quote").count() >= 1
        assert page.locator("#article-text .current").first.inner_text().startswith("Die ")
        shoot(page, "page-filtered.png")

        page.fill("#filters input[name=country]", "ZZ")
        page.click("#filters button[type=submit]")
        page.wait_for_selector("#error:not([hidden])")
        assert "country" in page.inner_text("#error")


def test_example_shows_the_csto_deployment(page, example, pipeline, tmp_path):
    """The worked example: the CSTO deployment on the map in Kazakhstan, on the timeline,
    and its card opens its sentence with trigger and amount highlighted."""
    text, _ = example
    document = pipeline(Article(id="example", text=text, published="2022-01-10"))
    path = write_store(tmp_path / "example.db", [document])
    with running(create_app(path)) as url:
        open_page(page, url + "/?type=MOBILIZE")
        card = page.locator("#events .card", has_text="CSTO →")
        assert card.count() == 1
        assert "Kazakhstan" in card.inner_text() and "2500 Soldaten" in card.inner_text()
        assert page.locator("#map circle.event-point[data-type=MOBILIZE][data-country=KZ]"
                            ).count() == 1
        assert page.locator("#map path.country.active[data-country=KZ]").count() == 1
        assert page.locator("#timeline rect.bar[data-type=MOBILIZE]").count() >= 1

        card.click()
        sentence = page.locator("#event-detail .sentence")
        sentence.locator("mark.trigger").wait_for()
        assert sentence.locator("mark.trigger").inner_text() == "entsandte"
        assert sentence.locator("mark.amount").inner_text() == "2500 Soldaten"
        shown = sentence.inner_text()
        assert shown.endswith("2500 Soldaten nach Kasachstan entsandte.")
        assert shown in text
        page.wait_for_selector("#article-text span.trigger")
        shoot(page, "page-example.png")


def test_dates_read_as_words_as_the_python_side_says(page, store_path):
    """The page's readableDate gives what lagebild.timex.readable gives, value for value."""
    from lagebild.timex.readable import readable_date

    values = ["2024-03-14", "2024-03-14TEV", "2024-03-14TMO", "2024-03-14T09:30",
              "2023-W21-WE", "2023-W05", "1998-FA", "2010-H1", "199", "19", "21",
              "PAST_REF", "2024-03", "P2W"]
    with running(create_app(store_path)) as url:
        open_page(page, url + "/")
        shown = page.evaluate("values => values.map(readableDate)", values)
        assert shown == [readable_date(v) for v in values]
        assert shown[1] == "2024-03-14 evening"
