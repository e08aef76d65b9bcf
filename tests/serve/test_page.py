"""The web page in a real browser: Debian's Chromium driven by Playwright, no downloaded browser.

Skipped where /usr/bin/chromium or Playwright is missing, unless LAGEBILD_REQUIRE_BROWSER
is set (CI sets it after installing both). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import re
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
        assert "confidence\n1.00" in page.inner_text("#event-detail")
        shoot(page, "page-filtered.png")

        # the Lyon march is told at confidence 0.3: "0.5 or more" leaves the Mali protest
        page.select_option("#filters select[name=min_confidence]", "0.5")
        page.click("#filters button[type=submit]")
        page.wait_for_function("document.querySelectorAll('#events .card').length === 1")
        assert "min_confidence=0.5" in page.url
        assert page.locator("#events .card").get_attribute("data-id") == "art-mali/v2"
        page.select_option("#filters select[name=min_confidence]", "")

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


def test_a_shared_link_reopens_the_event_after_reload(browser, page, store_path):
    """The filters and the open event live in the URL: a card's link opened elsewhere, a
    reload, back and forward all show the same view."""
    with running(create_app(store_path)) as url:
        open_page(page, url + "/?type=PROTEST")
        card = page.locator("#events .card[data-id='art-mali/v2']")
        assert card.locator(".source").inner_text() == "Beispielblatt"
        title = card.locator("a.article-link")
        assert title.inner_text() == "Soldaten nach Mali"
        assert title.get_attribute("href") == "https://example.org/mali"
        card.click()
        page.wait_for_selector("#article-text span.trigger")
        assert "event=art-mali%2Fv2" in page.url and "type=PROTEST" in page.url
        link = url + card.locator("a.permalink").get_attribute("href")
        shoot(page, "page-1400.png")

        other = browser.new_context(viewport={"width": 1400, "height": 950}).new_page()
        try:
            for reload in (False, True):
                if reload:
                    other.reload()
                    other.wait_for_selector("body[data-ready=true]")
                else:
                    open_page(other, link)
                other.wait_for_selector("#event-detail .sentence mark.trigger")
                assert other.inner_text("#event-detail .sentence mark.trigger") == "protestierte"
                assert other.is_checked("#types input[value=PROTEST]")
                assert other.locator("#events .card.selected").get_attribute("data-id") == \
                    "art-mali/v2"
                assert other.locator("#article-text .current").count() >= 1
        finally:
            other.context.close()

        page.go_back()  # the event closes, the filters stay
        page.wait_for_selector("#detail", state="hidden")
        assert "event=" not in page.url and page.is_checked("#types input[value=PROTEST]")
        page.go_forward()
        page.wait_for_selector("#detail", state="visible")
        assert page.inner_text("#event-detail .sentence mark.trigger") == "protestierte"

        # a source opens its article alone, with its own URL
        page.click("#event-detail ul.sources a.article-link")
        page.wait_for_function("new URL(location.href).searchParams.get('article') === 'art-mali'")
        assert page.inner_text("#article-title") == "Soldaten nach Mali"
        page.reload()
        page.wait_for_selector("#article-text span.trigger")
        assert page.locator("#event-detail").inner_text() == ""
        page.click("#close")
        page.wait_for_selector("#detail", state="hidden")
        assert "article=" not in page.url

        page.check("#types input[value=COERCE]")  # a change of filters is a step back too
        page.click("#filters button[type=submit]")
        page.wait_for_function("document.querySelectorAll('#events .card').length === 3")
        page.go_back()
        page.wait_for_function("document.querySelectorAll('#events .card').length === 2")
        assert not page.is_checked("#types input[value=COERCE]")


WIDTHS = """svg => {
  const box = svg.getBoundingClientRect();
  return {map: box.width, paths: [...svg.querySelectorAll('path')].map(
    p => [p.dataset.country, p.getBoundingClientRect().width, p.getBBox().width])};
}"""


def test_map_draws_no_shape_across_the_world_and_fits_the_events(page, store_path):
    with running(create_app(store_path)) as url:
        open_page(page, url + "/?country=NZ")  # no event: the whole world
        assert page.locator("#map circle.event-point").count() == 0
        shown = page.locator("#map").evaluate(WIDTHS)
        assert len(shown["paths"]) > 150
        too_wide = [(c, w) for c, w, _ in shown["paths"] if w > shown["map"] / 2]
        assert not too_wide, too_wide
        assert all(units <= 180 for _, _, units in shown["paths"])

        open_page(page, url + "/")  # Mali, Lyon, Kazakhstan: the view holds them, no more
        view = [float(v) for v in page.get_attribute("#map", "viewBox").split()]
        assert view[2] < 180
        box = page.locator("#map").bounding_box()
        for point in page.locator("#map circle.event-point").all():
            at = point.bounding_box()
            assert box["x"] <= at["x"] and at["x"] + at["width"] <= box["x"] + box["width"]
            assert box["y"] <= at["y"] and at["y"] + at["height"] <= box["y"] + box["height"]
        assert all(units <= 180 for _, _, units in page.locator("#map").evaluate(WIDTHS)["paths"])


SCROLLS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_narrow_screens_have_no_horizontal_scroll(page, store_path):
    with running(create_app(store_path)) as url:
        page.set_viewport_size({"width": 360, "height": 760})
        open_page(page, url + "/")
        assert page.evaluate(SCROLLS) == 0
        assert page.locator("#map").bounding_box()["width"] <= 360
        assert page.locator("#timeline text.axis").first.evaluate(
            "t => parseFloat(getComputedStyle(t).fontSize)") >= 12
        page.click("#filters-toggle")  # the filters fold out
        page.wait_for_selector("#types", state="visible")
        assert page.evaluate(SCROLLS) == 0
        page.click("#filters-toggle")

        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_timeout(300)  # the map and timeline are redrawn for the new width
        assert page.evaluate(SCROLLS) == 0
        shoot(page, "page-390.png")
        page.click("#events .card[data-id='art-lyon/v1']")
        page.wait_for_selector("#article-text span.trigger")
        assert page.evaluate(SCROLLS) == 0
        detail = page.locator("#detail").bounding_box()
        assert detail["x"] >= 0 and detail["width"] <= 390
        page.screenshot(path=str(ARTIFACTS / "page-390-event.png"))
        page.keyboard.press("Escape")
        page.wait_for_selector("#detail", state="hidden")


def test_dates_on_the_page_have_no_raw_timex_suffixes(page, tmp_path):
    from .conftest import _Builder

    doc = _Builder("art-dates", "Die Armee griff am Abend an. Am Morgen protestierten Tausende.",
                   "2026-03-04T08:15:00+01:00", "de", source="https://www.example.net/feed",
                   title="Angriff am Abend")
    doc.actor("Armee", "XXXMIL", None, ["MIL"])
    doc.actor("Tausende", "XXXCVL", None, ["CVL"])
    doc.event("ASSAULT", "griff", "2026-03-03TEV", actor="Armee")
    doc.event("PROTEST", "protestierten", "2026-03-04TMO", actor="Tausende")
    path = write_store(tmp_path / "dates.db", [doc.doc])
    raw = re.compile(r"\d{4}-\d{2}-\d{2}T(MO|MI|AF|EV|NI|DT)\b|T\d{2}:\d{2}:\d{2}")
    with running(create_app(path)) as url:
        open_page(page, url + "/")
        cards = page.inner_text("#events")
        assert "2026-03-03 evening" in cards and "2026-03-04 morning" in cards
        assert "example.net" in cards  # a source that is only an address shows its host
        page.click("#events .card[data-type=ASSAULT]")
        page.wait_for_selector("#article-text span.trigger")
        for where in ("#events", "#event-detail", "#article-meta", "#timeline"):
            text = page.locator(where).evaluate("n => n.textContent")
            assert not raw.search(text), (where, text)
        assert "published 2026-03-04 08:15" in page.inner_text("#article-meta")

        # over years the timeline counts per month; what is dated only to a week is noted
        rows = [{"day": "2020-01-05", "type": "PROTEST", "count": 2},
                {"day": "2020-01-25", "type": "AID", "count": 1},
                {"day": "2023-06-01", "type": "AID", "count": 1},
                {"day": "2023-W05", "type": "AID", "count": 3}]
        # the click above may still have the page's own timeline on its way: draw again
        # until no late answer draws over these rows
        for _ in range(20):
            page.evaluate("rows => renderTimeline(rows)", rows)
            page.wait_for_timeout(150)
            days = page.locator("#timeline rect.bar").evaluate_all(
                "bars => bars.map(b => b.dataset.day)")
            if days == ["2020-01", "2020-01", "2023-06"]:
                break
        assert days == ["2020-01", "2020-01", "2023-06"]
        labels = page.locator("#timeline text.axis").evaluate_all(
            "texts => texts.map(t => t.textContent)")
        assert labels[0] == "2020-01" and labels[-1] == "2023-06"
        assert page.inner_text("#timeline-note") == "3 events not dated to a day (not shown)"
