"""Links the builder and the programme page read, in real Chromium: the one grammar of notes
(notes.py) gives the same verdict in Python and in the page, every hostile or odd link shows
the programme or one clear sentence in the page's language with every action disabled, what
the builder writes passes `handbook check`, and the card's QR code never prints a module
smaller than the README promises (leaving the note out, or the code, and saying so)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote_plus, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import BrowserContext, Page
from pydantic import TypeAdapter, ValidationError

from generator.cli import main
from generator.i18n.languages import language
from generator.render.pages.builder import MAX_FRAGMENT, MIN_MODULE_MM, QR_MM
from generator.render.pages.script_words import MESSAGES
from generator.safety.notes import note_problem
from generator.source.model import MAX_PROGRAMME_NOTE, ProgrammeNote

from .conftest import ROOT
from .helpers.builder import IN_BROWSER, context, core, open_builder  # noqa: F401 (fixtures)
from .helpers.examples import examples

pytestmark = pytest.mark.browser

LONG = MAX_PROGRAMME_NOTE
#: Notes and what the grammar says of each (None: a note), the same list for both sides.
NOTES: list[tuple[str, str | None]] = [
    ("Gently, please.", None),
    ('<img src=x onerror="alert(1)"> & </script>', None),
    ("  spaces at both ends are trimmed  ", None),
    ("\u00a0\u3000wide spaces trimmed too\u2003", None),
    ("   ", "note_empty"),
    ("\u3000", "note_empty"),
    ("", "note_empty"),
    ("Mantenga la calma y respire \u00e9t\u00e9 \u00f1", None),
    ("\u05e9\u05dc\u05d5\u05dd \u200f\u05e2\u05d5\u05dc\u05dd", None),  # Hebrew with an RLM
    ("\u0645\u0631\u062d\u0628\u0627 \u0628\u0643", None),  # Arabic
    ("abc \u202edcba", "note_excluded"),  # right-to-left override
    ("\u202bembedded\u202c", "note_excluded"),
    ("\u2067isolated\u2069", "note_excluded"),
    ("\U0001f9b6\U0001f3fd feet \U0001f468\u200d\U0001f469\u200d\U0001f467 1\ufe0f\u20e3", None),
    ("Vi\u1ec7t \u0065\u0301\u0302", None),  # two marks on one letter
    ("e" + "\u0301" * 4, None),
    ("Z" + "\u0336\u0301\u0302\u0303\u0304" + "algo", "note_marks"),
    ("stop\uffff", "note_excluded"),
    ("\ufffe", "note_excluded"),
    ("\ufdd0 nonchar", "note_excluded"),
    ("plane one \U0001fffe", "note_excluded"),
    ("last \U0010ffff", "note_excluded"),
    ("\ufeffbyte order mark", "note_excluded"),
    ("tab\there", "note_excluded"),
    ("two\nlines", "note_excluded"),
    ("nul\x00", "note_excluded"),
    ("next line \x85", "note_excluded"),
    ("line\u2028separator", "note_excluded"),
    ("private \ue000 use", None),
    ("\u041f" * LONG, None),  # Cyrillic, as long as allowed
    ("\u4e2d" * LONG, None),  # Chinese
    ("\U0001f9b6" * LONG, None),  # 200 emoji: 400 UTF-16 units, 200 characters
    ("\U0001f9b6" * (LONG + 1), "note_long"),
    ("x" * (LONG + 1), "note_long"),
    (" " * 5 + "x" * LONG + " " * 5, None),
]


def python_verdict(text: str) -> str | None:
    found = note_problem(text, MAX_PROGRAMME_NOTE)
    return None if found is None else found[0]


def test_the_note_cases_say_what_the_grammar_says() -> None:
    adapter = TypeAdapter(ProgrammeNote)
    for text, expected in NOTES:
        assert python_verdict(text) == expected, text
        if expected is None:
            assert adapter.validate_python(text) == text.strip(" \u00a0\u3000\u2003")
        else:
            with pytest.raises(ValidationError):
                adapter.validate_python(text)


VERDICTS = """([notes]) => {
  const P = HandbookProgramme;
  return notes.map((text) => {
    const problem = P.noteProblem(text);
    let link;
    try {
      const note = encodeURIComponent(text).replace(/%20/g, "+");
      link = P.parse("v1.11.toe-walking." + note, CAT).note;
    } catch (error) {
      link = error instanceof P.LinkError ? null : "bare error: " + error.message;
    }
    const clean = P.cleanNote(text);
    return {problem: problem && problem.key, link, clean, cleanProblem: P.noteProblem(clean)};
  });
}"""


def test_python_and_the_page_judge_every_note_alike(core: Page) -> None:  # noqa: F811
    texts = [text for text, _ in NOTES if "\ud800" not in text]
    results = core.evaluate(VERDICTS, [texts])
    for text, result in zip(texts, results, strict=True):
        expected = python_verdict(text)
        assert result["problem"] == expected, (text, result)
        if expected is None:
            assert result["link"] == text.strip(" \u00a0\u3000\u2003"), (text, result)
        else:
            assert result["link"] is None, (text, result)
        # The builder's cleaning always leaves a note the grammar accepts, or nothing.
        assert result["clean"] == "" or result["cleanProblem"] is None, (text, result)
        assert result["clean"] == "" or python_verdict(result["clean"]) is None, (text, result)
    lone = core.evaluate("() => HandbookProgramme.noteProblem('half \\ud800 a pair').key")
    assert lone == python_verdict("half \ud800 a pair") == "note_excluded"


@settings(max_examples=examples(150), **IN_BROWSER)
@given(text=st.text(max_size=LONG + 5))
def test_any_text_gets_one_verdict_on_both_sides(core: Page, text: str) -> None:  # noqa: F811
    result = core.evaluate(VERDICTS, [[text]])[0]
    assert result["problem"] == python_verdict(text), result


def card_state(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => ({
          error: !document.querySelector("[data-hb-error]").hidden,
          message: document.querySelector("[data-hb-error] p").textContent,
          view: !document.querySelector("[data-hb-view]").hidden,
          actions: [...document.querySelectorAll("[data-hb-action]")].map((b) => !b.disabled),
          qr: document.querySelector(".hb-card") && document.querySelector(".hb-card").dataset.qr,
          words: [...document.querySelectorAll(".hb-card-qr-words")].map((p) => p.textContent),
        })"""
    )


def qr_modules_mm(page: Page) -> list[float]:
    """The printed size of a module of every QR code on the page, measured as laid out for
    print: the code's width in mm over the modules across its viewBox (border included)."""
    page.emulate_media(media="print")
    try:
        sizes = page.evaluate(
            """() => [...document.querySelectorAll(".hb-card .hb-qr")].map((svg) => [
              svg.getBoundingClientRect().width, svg.viewBox.baseVal.width])"""
        )
    finally:
        page.emulate_media(media="screen")
    result = []
    for width_px, modules in sizes:
        width_mm = width_px * 25.4 / 96
        assert abs(width_mm - QR_MM) < 0.5, f"the code prints {width_mm:.1f} mm wide"
        result.append(width_mm / modules)
    return result


def open_programme(page: Page, url: str) -> dict[str, Any]:
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_selector("[data-hb-view]:not([hidden]), [data-hb-error]:not([hidden])")
    return card_state(page)


def note_link(note: str, items: str = "toe-walking,ankle-circles:r15") -> str:
    return f"v1.25.{items}." + quote(note, safe="").replace("%20", "+")


#: Links that show the programme, and what the card's code holds: the whole link, the link
#: without its note, or nothing.
SHOWN = [
    ("v1.25.toe-walking,ankle-circles:r15", "whole"),
    (note_link("Gently, please."), "whole"),
    (note_link("x" * LONG, "toe-walking"), "whole"),
    (note_link("\u041f\u0440\u0438\u0432\u0435\u0442 " * 28 + "\u041f" * 4), "bare"),
    (note_link("\u4e2d" * LONG), "bare"),
    (note_link("\U0001f9b6" * LONG), "bare"),
    (note_link("\u05e9\u05dc\u05d5\u05dd \u200f" * 30), "bare"),
    (note_link("e\u0301\u0302 " * 50), "bare"),
    (note_link("  trimmed  "), "whole"),
    # a renamed exercise and one that is gone: the rest stays
    ("v1.11.gone-for-good,toe-walking", "whole"),
]
#: Links that give one clear sentence instead.
REFUSED = [
    "",
    "v1.11.",
    "v1.11.nothing-here,gone-too",
    "v1.11.toe-walking,toe-walking",
    "v1.11.toe-walking:r5r6",
    "v1.11.toe-walking:h5d5",
    "v1.11.toe-walking:r0",
    "v1.11." + "a" * 61,
    "v1.11.toe-walking." + "x" * 10_000,
    "v1.11." + ",".join(["toe-walking"] * 2_000),
    "v1.11.toe-walking." + "%E2%80%AE" * 3 + "evil",
    "v1.11.toe-walking." + quote("stop\uffff"),
    "v1.11.toe-walking." + quote("\ufeffbom"),
    "v1.11.toe-walking." + quote("Z" + "\u0336" * 30),
    "v1.11.toe-walking.+++",
    "v1.11.toe-walking.%ED%A0%80",
    "v1.11.toe-walking.a[b];c",
    "v1.11.toe-walking.%0A",
]


def test_every_link_shows_the_programme_or_a_clear_sentence(
    context: BrowserContext,  # noqa: F811
    built_site: Any,
) -> None:
    _site, base_url, _book = built_site
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for fragment, holds in SHOWN:
        for query in ("", "?" + "q=" + "x" * 10_000):
            state = open_programme(page, f"{base_url}programme/{query}#{fragment}")
            assert state["view"] and not state["error"], (fragment[:80], state["message"])
            assert state["actions"] == [True, True], fragment[:80]
            assert state["qr"] == holds, (fragment[:80], state)
            modules = qr_modules_mm(page)
            if holds == "none":
                assert modules == [] and len(state["words"]) == 1
            else:
                assert len(modules) == 1 and modules[0] >= MIN_MODULE_MM, (fragment[:80], modules)
            if holds == "bare":
                assert state["words"] == [MESSAGES["qr_without_note"]]
            elif holds == "whole":
                assert state["words"] == []
            assert "q=x" not in page.locator("[data-hb-edit]").get_attribute("href")
    for fragment in REFUSED:
        state = open_programme(page, f"{base_url}programme/#{fragment}")
        assert state["error"] and not state["view"], fragment[:80]
        message = state["message"]
        assert message.endswith(".") and 20 < len(message) < 300, (fragment[:80], message)
        assert state["actions"] == [False, False], fragment[:80]
        assert page.locator("[data-hb-error] img, [data-hb-error] script").count() == 0
    assert errors == []
    page.close()


def test_a_spanish_page_says_why_in_spanish(
    context: BrowserContext,  # noqa: F811
    built_site: Any,
) -> None:
    _site, base_url, _book = built_site
    spanish = language("es")
    page = context.new_page()
    state = open_programme(page, f"{base_url}es/programme/#v1.11.toe-walking." + quote("a\uffff"))
    expected = spanish.gettext(MESSAGES["note_excluded"]) % {"code": "U+FFFF"}
    assert state["message"] == expected != MESSAGES["note_excluded"] % {"code": "U+FFFF"}
    state = open_programme(page, f"{base_url}es/programme/#" + note_link("\u4e2d" * LONG))
    assert state["qr"] == "bare"
    assert state["words"] == [spanish.gettext(MESSAGES["qr_without_note"])]
    assert state["words"] != [MESSAGES["qr_without_note"]]
    page.close()


def test_a_link_too_long_for_any_code_prints_none_and_says_so(core: Page) -> None:  # noqa: F811
    result = core.evaluate(
        """() => {
          const P = HandbookProgramme;
          const programme = P.parse("v1.11.toe-walking", CAT);
          const entries = P.resolve(programme, CAT, P.index(CAT));
          const long = new URL("../programme/", location.href).href + "?" + "a".repeat(400) +
            "#v1.11.toe-walking";
          const view = {entries, times: 1, days: 1, note: "", link: long, bareLink: long,
            patient: "", title: ""};
          const sheet = P.card(view, CAT, new URL("../", location.href));
          return {qr: sheet.dataset.qr, codes: sheet.querySelectorAll(".hb-qr").length,
            words: sheet.querySelector(".hb-card-qr-words").textContent};
        }"""
    )
    assert result == {"qr": "none", "codes": 0, "words": MESSAGES["qr_none"]}
    assert len(MESSAGES["qr_none"]) < 80


def test_the_longest_link_fits_the_fragment_limit(core: Page) -> None:  # noqa: F811
    longest = core.evaluate(
        """([note]) => HandbookProgramme.encode({times: 3, days: 7, note,
          items: [1, 2, 3, 4, 5].map((n) => ({id: String(n).repeat(60), hold_seconds: 600,
            duration_seconds: null, reps: CAT.dosage_limits.reps.maximum,
            sets: CAT.dosage_limits.sets.maximum}))})""",
        ["\U0001f9b6" * LONG],
    )
    assert len(longest) <= MAX_FRAGMENT
    assert core.evaluate("([f]) => HandbookProgramme.parse(f, CAT).note.length", [longest])


BUILDER_LINKS = [
    ("#routine-no-such-routine", "no-such-routine"),
    ("#routine-" + "x" * 10_000, "xxxxxxxxxx"),
    ("#routine-%3Cimg%20src=x%3E", "img"),
    ("#v1.11.toe-walking,toe-walking", "twice"),
    ("#v1.11.toe-walking." + "x" * 10_000, "10"),
    ("#v1.11.no-such-exercise,gone-too", "not in the handbook"),
    ("#nonsense", "#v1"),
]


def test_the_builder_disables_every_action_on_a_link_it_cannot_use(
    context: BrowserContext,  # noqa: F811
    built_site: Any,
) -> None:
    _site, base_url, _book = built_site
    for fragment, said in BUILDER_LINKS:
        page = open_builder(context, base_url, fragment)
        page.wait_for_function("document.querySelector('[data-hb-status]').hidden")
        status = page.locator("[data-hb-action-status]").inner_text()
        assert said in status and status.endswith("."), (fragment[:60], status)
        assert page.locator(".hb-chosen li").count() == 0
        buttons = page.locator("[data-hb-action]")
        assert buttons.count() == 4
        assert all(b.is_disabled() for b in buttons.all()), fragment[:60]
        assert page.locator("[data-hb-link]").input_value() == ""
        assert page.errors == [], fragment[:60]  # type: ignore[attr-defined]
        page.close()
    page = open_builder(context, base_url, "#v1.11.toe-walking,no-such-exercise")
    assert (
        "1 exercise in this link is not in the handbook"
        in page.locator("[data-hb-action-status]").inner_text()
    )
    assert page.locator(".hb-chosen li").count() == 1
    assert all(b.is_enabled() for b in page.locator("[data-hb-action]").all())
    page.close()


#: Notes typed or pasted into the builder: whatever they hold, the link it makes is read back
#: by the programme page and the routine file it writes passes `handbook check`.
TYPED = [
    "abc \u202edcba \u2066x\u2069",
    "stop\uffff\ufdd0\ufeff here",
    "\U0001f9b6\U0001f3fd feet \U0001f468\u200d\U0001f469\u200d\U0001f467",
    "Z" + "\u0336\u0301\u0302\u0303\u0304\u0305" * 3 + "algo",
    "two\nlines\tand a tab\u2028",
    "\u041f" * LONG,
    '"quoted" #not-a-comment: {yaml: [flow]} &anchor *alias',
]


def test_what_the_builder_writes_passes_check_and_the_grammar(
    context: BrowserContext,  # noqa: F811
    built_site: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _site, base_url, _book = built_site
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    page = open_builder(context, base_url)
    page.get_by_role("checkbox", name="Toe walking").check()
    for number, note in enumerate(TYPED):
        page.get_by_label("Note for the patient").fill(note)
        link = page.get_by_label("The programme's link").input_value()
        fragment = urlsplit(link).fragment
        written = unquote_plus(fragment.split(".", 3)[3])
        assert python_verdict(written) is None, (note, written)
        with page.expect_download() as download:
            page.get_by_role("button", name="Download as routine file").click()
        text = Path(download.value.path()).read_text("utf-8")
        name = f"note-case-{number}"
        (content / "routines" / f"{name}.yml").write_text(
            re.sub(r"^id: my-programme$", f"id: {name}", text, flags=re.M), "utf-8"
        )
    assert main(["check", "--content", str(content)]) == 0, capsys.readouterr().err
    assert page.errors == []  # type: ignore[attr-defined]
    page.close()
