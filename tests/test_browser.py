"""The PR page and the analysts' archive view in a real browser (Debian's chromium, headless).

Screenshots (desktop and 390 px wide) go to test-artefacts/ for people to look at.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from extractor import extract
from extractor.store import Store
from extractor.web.app import create_app
from live_server import live_server

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "anyang-smart-city-2023-07-28.txt"
ARTEFACTS = ROOT / "test-artefacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
expect.set_options(timeout=60_000)  # the first request waits for the worker to load the pipeline; the machine is shared
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory) -> Path:
    """The store the samples make, each analysed against its gold reference date."""
    path = tmp_path_factory.mktemp("archive") / "samples.duckdb"
    store = Store(path)
    for text in sorted(SAMPLES.glob("*.txt")):
        gold = json.loads(text.with_suffix(".gold.json").read_text(encoding="utf-8"))
        store.add([extract(text.read_bytes(), reference_date=gold["reference_date"], id=text.stem, source=text.name)])
    store.close()
    return path


@pytest.fixture(scope="module")
def server(samples_store):
    with live_server(create_app(samples_store, workers=1)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP, locale="ko-KR")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    yield page
    context.close()
    assert not errors, f"script errors on the page: {errors}"


def screenshot(page, name: str, at: str = "body") -> None:
    """Desktop: the whole page. 390 px: 2,400 px of the page from the element `at` down, readable when viewed."""
    ARTEFACTS.mkdir(exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("390px", PHONE)):
        page.set_viewport_size(size)
        page.wait_for_timeout(300)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], f"{name} wider than {label}"
        clip = None
        if size is PHONE:
            top = page.eval_on_selector(at, "e => e.getBoundingClientRect().top + window.scrollY")
            height = page.evaluate("document.documentElement.scrollHeight")
            clip = {"x": 0, "y": top, "width": size["width"], "height": min(2400, height - top)}
        page.screenshot(path=ARTEFACTS / f"{name}-{label}.png", full_page=True, clip=clip)
    page.set_viewport_size(DESKTOP)


def extract_pasted(page, server, text: str) -> None:
    page.goto(f"{server}/")
    page.fill("#text", text)
    page.uncheck("#save")
    page.click("#run")


def test_pasted_sample_shows_the_card_and_every_highlight(page, server):
    text = SEED.read_text(encoding="utf-8")
    article = extract(text)
    extract_pasted(page, server, text)
    expect(page.locator("#card .headline")).to_have_text(article.title)
    expect(page.locator("#card .visits li")).to_have_count(len(article.visits))
    expect(page.locator("#card .visits li").first).to_contain_text("방문했습니다")
    expect(page.locator("#card .quotes li")).to_have_count(len(article.quotes))
    expect(page.locator("#card .chips.systems li")).to_have_count(len(article.systems))
    shown = page.locator("#highlighted").inner_text()  # a form sends a textarea's lines with CRLF
    assert shown.replace("\r\n", "\n") == text.replace("\r\n", "\n")
    assert page.locator("#highlighted mark.countries").count() >= 1
    # the legend's swatches have their field's colour, not black
    colour = page.eval_on_selector(".swatch.countries i", "i => getComputedStyle(i).backgroundColor")
    assert colour == "rgb(21, 101, 192)"
    # an item jumps to its span, the span back to its item
    page.locator("#card .visits li").first.click()
    expect(page.locator("#highlighted mark.flash")).to_have_count(1)
    expect(page.locator("#back")).to_be_visible()
    page.click("#back")
    expect(page.locator("#back")).to_be_hidden()
    screenshot(page, "pr-page-card", at="#card")
    page.click("#json-panel summary")
    screenshot(page, "pr-page-highlights-and-json", at="#legend")


def test_a_dropped_cp949_file_is_analysed_instead_of_the_text_until_removed(page, server):
    page.goto(f"{server}/")
    page.fill("#text", "붙여 넣은 글")
    data = list(SEED.read_text(encoding="utf-8").encode("cp949", errors="replace"))
    dropped = page.evaluate_handle("""bytes => {
        const files = new DataTransfer();
        files.items.add(new File([new Uint8Array(bytes)], "seed-cp949.txt", { type: "text/plain" }));
        return files;
    }""", data)
    page.dispatch_event("#drop", "drop", {"dataTransfer": dropped})
    expect(page.locator("#chosen")).to_contain_text("seed-cp949.txt")
    expect(page.locator("#text")).to_be_disabled()
    page.uncheck("#save")
    page.click("#run")
    expect(page.locator("#card .headline")).to_contain_text("'K37+벨트'")
    page.click("#clear-file")
    expect(page.locator("#chosen")).to_be_hidden()
    expect(page.locator("#text")).to_be_enabled()
    expect(page.locator("#text")).to_have_value("붙여 넣은 글")


def test_an_error_replaces_the_previous_result(page, server):
    extract_pasted(page, server, SEED.read_text(encoding="utf-8"))
    expect(page.locator("#result")).to_be_visible()
    page.fill("#text", "\x00\x01\x02" * 50)
    page.click("#run")
    expect(page.locator("#status")).to_contain_text("binary")
    expect(page.locator("#result")).to_be_hidden()
    assert page.locator("#highlighted mark").count() == 0
    # a paste over the stated limit is refused by the page itself, before anything is sent
    page.evaluate("LIMITS.max_chars = 10")
    page.fill("#text", "안양시를 방문한 페루 대표단")
    page.click("#run")
    expect(page.locator("#status")).to_contain_text("한도는 10자")


def chart_rows(page, name: str) -> list[list[str]]:
    rows = page.locator(f"#chart-{name} table tr").all()
    return [row.locator("td").all_text_contents() for row in rows[1:]]  # the table sits in a closed <details>


def test_archive_filters_and_charts_show_the_stores_numbers(page, server, samples_store):
    store = Store(samples_store)  # a second connection of the same process shares the open database
    _, per_year = store.query("SELECT year(first_day), count(*), coalesce(sum(headcount), 0) FROM visits "
                              "WHERE first_day IS NOT NULL GROUP BY 1 ORDER BY 1")
    page.goto(f"{server}/archive")
    expect(page.locator("#summary")).to_contain_text("방문 인원")
    assert chart_rows(page, "visitors_by_year") == [[str(y), str(n), str(people)] for y, n, people in per_year]
    drawn = page.evaluate("Chart.getChart(document.querySelector('#chart-visitors_by_year canvas')).data")
    assert {int(year): people for year, people in zip(drawn["labels"], drawn["datasets"][0]["data"]) if people} == {
        year: people for year, _, people in per_year if people}
    assert [int(year) for year in drawn["labels"]] == list(range(per_year[0][0], per_year[-1][0] + 1))
    screenshot(page, "archive")

    page.select_option("#country", "PE")
    expect(page).to_have_url(f"{server}/archive?country=PE")
    _, peru = store.query("SELECT count(*) FROM visits WHERE list_contains(countries, 'PE')")
    expect(page.locator("#chart-visits_by_country")).to_contain_text("페루")
    peru_rows = [row for row in chart_rows(page, "visits_by_country") if row[1] == "PE"]
    assert sum(int(row[3]) for row in peru_rows) == peru[0][0]
    page.fill("#start", "2030-01-01")
    page.click("#filters button")
    expect(page.locator("#summary")).to_contain_text("기사 0건")
    expect(page.locator("#chart-visitors_by_year .empty")).to_be_visible()
    csv = page.request.get(f"{server}/api/archive/visitors_by_year.csv").text()
    assert csv.splitlines() == ["year,visits,visitors", *(f"{y},{n},{p}" for y, n, p in per_year)]
