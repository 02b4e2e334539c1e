"""The programme builder (/builder/) and programme page (/programme/#v1....) in real Chromium:
controls found by their accessible names, the link opened in a fresh browser, the card printed
on A4 and Letter and its QR code scanned, the downloads parsed and checked, the link grammar
tested with Hypothesis against the one JavaScript implementation, and the budgets measured."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, BrowserContext, Page

import generator.render.site  # noqa: F401  (the page kinds first: outputs import them)
from generator.cli import main
from generator.i18n.languages import language
from generator.render.outputs.calendar import DEFAULT_WEEKS, hours_of
from generator.safety.notes import SPACES, note_problem
from generator.source.model import MAX_CARD_EXERCISES, MAX_PROGRAMME_NOTE, WEEKDAYS

from .browser import screenshot
from .builder_budgets import (
    CATALOGUE_KB,
    FIRST_BOX,
    PAGE_KB,
    page_weight,
    qr_figures,
)
from .calendars import schedule
from .conftest import ROOT
from .helpers import builder as shared_builder
from .helpers.builder import IN_BROWSER, five_exercise_link, open_builder
from .helpers.examples import examples
from .helpers.pages import axe_violations
from .helpers.pdfs import pdf_pages
from .programme_js import install_programme_api

EN = language("en")  # words are said in a language: there is no default

pytestmark = pytest.mark.browser

#: The builder's browser context and its page with the link grammar loaded (shared with
#: test_links.py), as this module's fixtures.
context, core = shared_builder.context, shared_builder.core

HOSTILE_NOTE = '<img src=x onerror="alert(1)"> & </script> "quoted" \u00e9t\u00e9 \U0001f9b6'


def test_a_programme_built_with_the_controls_opens_from_its_link(
    context: BrowserContext, browser: Browser, built_site: Any
) -> None:
    _site, base_url, _book = built_site
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "builder/")
    page.wait_for_function(FIRST_BOX)
    page.get_by_label("Patient's name").fill("Ada Patient")
    page.get_by_role("checkbox", name="Toe walking").check()
    page.get_by_role("checkbox", name="Ball roll under the foot").check()
    page.get_by_role("checkbox", name="Ankle circles").check()
    page.get_by_label("Seconds for Toe walking").fill("35")
    page.get_by_label("Sets for Toe walking").fill("2")
    page.get_by_label("Repetitions for Ankle circles").fill("12")
    page.get_by_role("button", name="Move Toe walking down").click()
    page.get_by_label("Times a day").fill("2")
    page.get_by_label("Days a week").fill("6")
    page.get_by_label("Note for the patient").fill(HOSTILE_NOTE)
    page.get_by_role("button", name="Copy link").click()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.get_by_label("The programme's link").input_value()
    assert link.startswith(f"{base_url}programme/#v1.26.")
    assert "Ada" not in link and "Ada" not in page.url, "the patient's name stays on the page"
    assert page.locator(".hb-card .hb-card-notes .hb-line").first.inner_text() == "Ada Patient"
    assert page.locator(".hb-card").count() == 1
    screenshot(page, "builder-programme-1280")
    page.close()
    outside = [url for url in requests if not url.startswith(base_url)]
    assert outside == [], f"requests left the site: {outside}"

    fresh = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        reader = fresh.new_page()
        errors: list[str] = []
        reader.on("pageerror", lambda error: errors.append(str(error)))
        reader.goto(link)
        reader.wait_for_selector("[data-hb-view]:not([hidden])")
        names = reader.locator(".hb-view-name").all_inner_texts()
        assert names == ["1. Ball roll under the foot", "2. Toe walking", "3. Ankle circles"]
        doses = reader.locator(".hb-view-dose").all_inner_texts()
        assert doses[1] == "35 seconds, 2 sets."
        assert "12 times" in doses[2]
        assert (
            reader.locator("[data-hb-view-frequency]").inner_text() == "Twice a day, 6 days a week"
        )
        note = reader.locator("[data-hb-view-note] span")
        assert note.inner_text() == HOSTILE_NOTE
        assert reader.locator("[data-hb-view-note] img").count() == 0
        assert reader.locator(".hb-card-programme-note span").inner_text() == HOSTILE_NOTE
        assert "Ada" not in reader.content()
        assert errors == []
        screenshot(reader, "programme-375")
    finally:
        fresh.close()


def test_start_from_a_routine_and_the_limit_of_exercises(
    context: BrowserContext, built_site: Any
) -> None:
    _site, base_url, book = built_site
    page = open_builder(context, base_url)
    desk = next(plan for plan in book.routines if plan.routine.id == "desk")
    page.get_by_role("button", name="Start from Desk break for your feet").click()
    chosen = page.locator(".hb-chosen-name").all_inner_texts()
    assert chosen == [f"{n}. {item.exercise.name}" for n, item in enumerate(desk.items, 1)]
    assert page.get_by_label("Repetitions for Toe pencil grip").input_value() == "5"
    boxes = page.locator(".hb-pick-box:not(:checked)")
    while page.locator(".hb-pick-box:checked").count() < MAX_CARD_EXERCISES:
        boxes.first.check()
    assert page.locator(".hb-pick-box:not(:checked):not(:disabled)").count() == 0
    assert "the most one card holds" in page.locator("[data-hb-limit]").inner_text()
    page.get_by_role("button", name="Start from nothing").click()
    assert page.locator(".hb-chosen li").count() == 0
    page.goto(f"{base_url}builder/#routine-desk")
    page.reload()
    page.wait_for_function(FIRST_BOX)
    assert page.locator(".hb-chosen li").count() == len(desk.items)
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_builder_without_script_is_a_list_of_links(browser: Browser, built_site: Any) -> None:
    _site, base_url, book = built_site
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "builder/")
        links = page.locator(".hb-pick-link").all()
        assert [link.inner_text() for link in links] == [e.name for e in book.exercises]
        assert page.get_by_role("checkbox").count() == 0
    finally:
        context.close()


def worst_programme(page: Page, base_url: str) -> str:
    """The longest programme: five exercises with the most text, every dosage at its
    largest, three sessions a day and a note as long as allowed."""
    page.goto(base_url + "builder/")
    page.wait_for_function(FIRST_BOX)
    install_programme_api(page)
    return str(
        page.evaluate(
            """async (max_note) => {
            const cat = await (await fetch("../api/v1/exercises.json")).json();
            const size = (e) => e.card.lines["large-steps"] + e.name.length;
            const limits = cat.dosage_limits;
            const longest = [...cat.exercises].sort((a, b) => size(b) - size(a))
              .slice(0, cat.max_exercises);
            const most = (field, own) => (own === null ? null : limits[field].maximum);
            const items = longest.map((e) => ({
              id: e.id,
              hold_seconds: most("hold_seconds", e.dosage.hold_seconds),
              duration_seconds: most("duration_seconds", e.dosage.duration_seconds),
              reps: limits.reps.maximum, sets: limits.sets.maximum,
            }));
            const note = "Wide words ".repeat(40).slice(0, max_note);
            return new URL("../programme/", location.href).href + "#" +
              HandbookProgramme.encode({times: limits.times_per_day.maximum, days: 7, items, note});
        }""",
            MAX_PROGRAMME_NOTE,
        )
    )


def decode_qr(pdf: Path, folder: Path) -> str:
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-singlefile", str(pdf), str(folder / pdf.stem)],
        check=True,
    )
    return subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(folder / f"{pdf.stem}.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.mark.parametrize("case", ["five", "longest"])
def test_the_card_prints_on_one_sheet_and_its_qr_code_is_the_link(
    context: BrowserContext, built_site: Any, tmp_path: Path, case: str
) -> None:
    _site, base_url, _book = built_site
    page = context.new_page()
    link = five_exercise_link(page, base_url) if case == "five" else worst_programme(page, base_url)
    page.goto(link)
    page.wait_for_selector("[data-hb-view]:not([hidden])")
    expected = link
    if case == "longest":
        assert page.locator(".hb-card").get_attribute("class").endswith("hb-layout-compact")
        # The longest note makes the code too fine to scan: it holds the link without it.
        assert page.locator(".hb-card").get_attribute("data-qr") == "bare"
        expected = link[: link.rindex(".")]
    for paper in ("A4", "Letter"):
        pdf = tmp_path / f"{case}-{paper.lower()}.pdf"
        page.pdf(path=str(pdf), format=paper, print_background=True)
        assert pdf_pages(pdf) == 1, f"{case} programme spills onto a second {paper} page"
        assert decode_qr(pdf, tmp_path) == expected
        shutil.copy(
            tmp_path / f"{pdf.stem}.png", ROOT / "build" / "screenshots" / f"card-{pdf.stem}.png"
        )
    text = subprocess.run(
        ["pdftotext", "-raw", str(tmp_path / f"{case}-a4.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for words in ("Tick a box", "Call emergency services", "Stop an exercise"):
        assert words.lower() in " ".join(text.split()).lower()
    page.close()


def download_calendar(page: Page) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download calendar file").click()
    return Path(download.value.path()).read_bytes()


def test_the_calendar_file_starts_tomorrow_on_the_days_and_times_chosen(
    context: BrowserContext, built_site: Any
) -> None:
    """Two sessions a day, five days a week, made in the browser today: from tomorrow, for
    six weeks (a programme started from nothing), at the hours of an 'other' routine."""
    _site, base_url, _book = built_site
    page = context.new_page()
    link = five_exercise_link(page, base_url, note="Twice a day, gently")
    text = download_calendar(page)
    assert all(len(line) <= 75 for line in text.split(b"\r\n")), "lines folded at 75 octets"
    today = datetime.date.today()
    found = schedule(text, today, 400)
    assert found.first > today and found.first - today <= datetime.timedelta(days=3)
    assert found.weekdays == set(WEEKDAYS[5]) and found.times_per_day == 2
    assert found.hours == tuple(hours_of("other", 2))
    assert sum(found.per_day.values()) == 2 * 5 * DEFAULT_WEEKS
    assert DEFAULT_WEEKS - 1 < found.weeks <= DEFAULT_WEEKS
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert event.decoded("DTSTART").tzinfo is None, "floating local time: no TZID, no Z"
    assert str(event["URL"]) == link and link in str(event["DESCRIPTION"])
    assert event.walk("VALARM")[0]["ACTION"] == "DISPLAY"
    assert "Exercise programme" in str(event["SUMMARY"])
    page.close()


def test_a_programme_started_from_a_routine_repeats_like_the_routines_calendar(
    context: BrowserContext, built_site: Any
) -> None:
    """The builder's file of a routine: the routine's days and hours (its own .ics), from
    tomorrow for the routine's weeks."""
    site, base_url, book = built_site
    for plan in book.routines:
        routine = plan.routine
        page = context.new_page()  # a page of its own: the builder reads its link on load
        page.goto(f"{base_url}builder/#routine-{routine.id}")
        page.wait_for_selector("[data-hb-card] .hb-card")
        made = schedule(download_calendar(page), datetime.date.today(), 400)
        page.close()
        static = (site / "routines" / f"{routine.id}.ics").read_bytes()
        own = schedule(static, made.first, 7 * routine.frequency.review_weeks)
        assert (made.weekdays, made.hours) == (own.weekdays, own.hours), routine.id
        assert made.times_per_day == own.times_per_day == routine.frequency.times_per_day
        assert len(made.weekdays) == routine.frequency.days_per_week
        weeks = routine.frequency.review_weeks
        assert sum(made.per_day.values()) == sum(own.per_day.values()), routine.id
        assert weeks - 1 < made.weeks <= weeks


def test_the_routine_file_passes_handbook_check(
    context: BrowserContext, built_site: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _site, base_url, _book = built_site
    page = context.new_page()
    five_exercise_link(page, base_url, note="Keep it gentle; stop if it hurts.\tThanks")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as routine file").click()
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    routine = content / "routines" / download.value.suggested_filename
    download.value.save_as(routine)
    assert main(["check", "--content", str(content)]) == 0, capsys.readouterr().err
    assert "routines" in capsys.readouterr().out
    text = routine.read_text("utf-8")
    assert "duration_seconds: 45" in text and "times_per_day: 2" in text
    page.close()


def test_a_removed_or_renamed_exercise_and_hostile_links(
    context: BrowserContext, built_site: Any
) -> None:
    _site, base_url, book = built_site
    renamed = next(e for e in book.exercises if e.former_ids)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}programme/#v1.15.gone-for-good,{renamed.former_ids[0]}")
    page.wait_for_selector("[data-hb-view]:not([hidden])")
    names = page.locator(".hb-view-name").all_inner_texts()
    assert names == ["1. No longer in the handbook", f"2. {renamed.name}"]
    assert page.locator(".hb-card-item").count() == 1
    hostile = [
        "",
        "v2.11.toe-walking",
        "v1.91.toe-walking",
        "v1.11.toe-walking:r999",
        "v1.11.toe-walking:h5d5",
        "v1.11.a,b,c,d,e,f",
        "v1.11.toe-walking.%E0%A4%A",
        "v1.11.<img src=x onerror=alert(1)>",
        "v1.11.toe-walking.%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%0A",
        "v1.11.toe-walking,toe-walking",
        "javascript:alert(1)",
    ]
    for fragment in hostile:
        page.goto(f"{base_url}programme/#{fragment}")
        page.wait_for_selector("[data-hb-error]:not([hidden])")
        message = page.locator("[data-hb-error] p").first.inner_text()
        assert message.endswith(".") and len(message) > 20, (fragment, message)
        assert page.locator("[data-hb-error] img, [data-hb-error] script").count() == 0
        assert page.locator("[data-hb-view]").is_hidden()
    assert errors == []
    page.close()


slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
note_text = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=MAX_PROGRAMME_NOTE,
).filter(lambda text: len(text.encode("utf-16-le")) // 2 <= MAX_PROGRAMME_NOTE)
#: A note as a programme holds it: one the rule accepts, with no space at either end (the
#: builder trims them, and so does the link's reader).
kept_notes = note_text.map(lambda text: text.strip(SPACES)).filter(
    lambda text: note_problem(text, MAX_PROGRAMME_NOTE) is None
)


@st.composite
def programmes(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(slugs, min_size=1, max_size=MAX_CARD_EXERCISES, unique=True))
    items = []
    for ident in ids:
        kind = draw(st.sampled_from(["hold", "duration", "neither"]))
        items.append(
            {
                "id": ident,
                "hold_seconds": draw(st.integers(1, 600)) if kind == "hold" else None,
                "duration_seconds": draw(st.integers(1, 600)) if kind == "duration" else None,
                "reps": draw(st.integers(1, 50)),
                "sets": draw(st.integers(1, 10)),
            }
        )
    return {
        "times": draw(st.integers(1, 3)),
        "days": draw(st.integers(1, 7)),
        "items": items,
        "note": draw(st.one_of(st.just(""), kept_notes)),
    }


ROUNDTRIP = """([p]) => {
  const P = HandbookProgramme;
  const text = P.encode(p);
  return {text, back: P.parse(text, CAT), again: P.parse("#" + text, CAT)};
}"""

DECODE = """([fragment]) => {
  const P = HandbookProgramme;
  try {
    const p = P.parse(fragment, CAT);
    P.resolve(p, CAT, P.index(CAT));
    return {ok: true, text: P.encode(p), back: P.parse(P.encode(p), CAT), p};
  } catch (error) {
    return {ok: false, clear: error instanceof P.LinkError, message: String(error.message)};
  }
}"""


@settings(max_examples=examples(300), **IN_BROWSER)
@given(programme=programmes())
def test_encoding_then_decoding_any_programme_gives_it_back(
    core: Page, programme: dict[str, Any]
) -> None:
    result = core.evaluate(ROUNDTRIP, [programme])
    assert result["back"] == programme == result["again"]
    assert re.fullmatch(r"v1\.[0-9]{2}\.[a-z0-9,:-]+(\.[A-Za-z0-9_.!~*'()%+-]+)?", result["text"])


fragments = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="v1.:,hdrs0123456789abz-%+~#<>&\"'é", max_size=60).map(lambda t: "v1." + t),
    programmes(),
)


@settings(max_examples=examples(400), **IN_BROWSER)
@given(fragment=fragments)
def test_any_fragment_is_a_programme_or_a_clear_error(core: Page, fragment: Any) -> None:
    if isinstance(fragment, dict):  # a valid programme's link, with a few characters changed
        text = core.evaluate("([p]) => HandbookProgramme.encode(p)", [fragment])
        fragment = text[: len(text) // 2] + "~x%" + text[len(text) // 2 :]
    result = core.evaluate(DECODE, [fragment])
    if result["ok"]:
        assert result["back"] == result["p"]
    else:
        assert result["clear"], f"{fragment!r} raised a bare error: {result['message']}"
        assert result["message"] and result["message"].endswith(".")


# The words, steps, time and card layout the scripts compute are checked against Python's
# rules by the shared cases, in every language and without a browser (tests/test_spec.py).


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_no_wcag_violations_on_the_builder_and_programme(
    browser: Browser,
    built_site: Any,
    width: int,
) -> None:
    _site, base_url, _book = built_site
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        link = five_exercise_link(page, base_url, note="Gently, please.")
        failures = []
        for name, url in (("builder", page.url), ("programme", link)):
            page.goto(url)
            page.wait_for_selector(".hb-card", state="attached")
            failures += [
                f"{name} @{width}: {v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
                for v in axe_violations(page, base_url)
            ]
            screenshot(page, f"{name}-{width}")
        assert failures == [], "\n".join(failures)
    finally:
        context.close()


def test_budgets_of_the_page_and_the_catalogue(browser: Browser, built_site: Any) -> None:
    # Sizes are the same on every run, so they are tested; the time to usable on a throttled
    # phone depends on the machine, so `make bench` measures and reports it.
    site, base_url, _book = built_site
    weights = page_weight(browser, site, base_url)
    assert weights["page_kb"] <= PAGE_KB, weights
    assert 0 < weights["catalogue_kb"] <= CATALOGUE_KB, weights


def test_a_five_exercise_link_fits_a_qr_code_that_scans_at_25_mm(
    context: BrowserContext, built_site: Any
) -> None:
    _site, base_url, _book = built_site
    page = context.new_page()
    link = five_exercise_link(page, base_url)
    page.goto(link)
    page.wait_for_selector(".hb-card .hb-qr", state="attached")
    figures = qr_figures(page)
    path = urlsplit(link).fragment
    assert len(path) <= 120, path
    assert figures["module_mm"] >= 0.4, figures  # a phone reads 0.33 mm modules from paper
    page.close()


def test_vendored_qr_library_is_the_pinned_one() -> None:
    package = ROOT / "node_modules" / "qrcode-generator"
    if not package.is_dir():
        pytest.fail("qrcode-generator is missing: run `npm ci` (make test does)")
    pinned = json.loads((ROOT / "package.json").read_text("utf-8"))["devDependencies"]
    installed = json.loads((package / "package.json").read_text("utf-8"))["version"]
    assert pinned["qrcode-generator"] == installed
    vendored = ROOT / "generator" / "assets" / "vendor"
    assert (vendored / "qrcode.js").read_bytes() == (package / "dist" / "qrcode.js").read_bytes()
    assert f"**{installed}**" in (vendored / "README.md").read_text("utf-8")
    assert "MIT" in (vendored / "LICENSE").read_text("utf-8")


def test_the_readme_example_link_reads_as_it_says(core: Page) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    (example,) = re.findall(r"For example `#(v1\.[^`]+)`", readme)
    result = core.evaluate(
        """([f]) => { const P = HandbookProgramme; const p = P.parse(f, CAT);
        return P.resolve(p, CAT, P.index(CAT)).map((e) => P.dosageWords(e.dosage, false)); }""",
        [example],
    )
    assert result[0].startswith("45 seconds") and "15 times" in result[1]
    assert result[2].startswith("Hold 5 seconds") and "3 sets" in result[2]
