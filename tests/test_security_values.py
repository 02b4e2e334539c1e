"""Values that reach syntaxes the generator's own escaping does not cover (issue 25): texts
MkDocs' templates print unescaped, values in CSS, environment variables, writers into content,
ids that collide with the site's own names. Each with real values and hostile ones."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from playwright.sync_api import Browser

from generator.check import validate
from generator.check.editions import Edition, generated_config
from generator.cli import main
from generator.i18n import languages as i18n
from generator.pipeline import check_content
from generator.render.pages.common import Settings
from generator.render.site import make_environment, render_pages
from generator.safety import escape, urls
from generator.source import environment, siteconfig, themetext

from .browser import static_server
from .cases import BASE, make_case
from .conftest import ROOT

EN = i18n.language("en")  # words are said in a language: there is no default

# --- Texts the theme prints -----------------------------------------------------------------

NOT_ALLOWED = (
    "is not allowed: the theme prints this text as it is, so it holds letters, digits, "
    f"spaces and ordinary punctuation ({themetext.PUNCTUATION[:-1]} and & before a space) only"
)
#: (text in mkdocs.yml, its hostile replacement, the key the message names, what it says).
HOSTILE_SETTINGS = [
    (
        "site_name: Foot exercises for low back pain",
        "site_name: Feet <img src=x onerror=alert(1)>",
        "site_name",
        f"the character '<' (U+003C) {NOT_ALLOWED}",
    ),
    (
        "site_description: A free,",
        "site_description: A 'free\" onmouseover=alert(1) x' ,",
        "site_description",
        f"the character '\"' (U+0022) {NOT_ALLOWED}",
    ),
    (
        "copyright: Content",
        "copyright: Content &lt;b&gt;",
        "copyright",
        f"the character '&' (U+0026) {NOT_ALLOWED}",
    ),
    (
        "short_name: Foot exercises",
        'short_name: "Feet\\u202e"',
        "extra.short_name",
        f"the character (U+202E) {NOT_ALLOWED}",
    ),
    (
        "short_name: Foot exercises",
        "short_name: Foot exercises for the back",
        "extra.short_name",
        "expected at most 20 characters, got 27",
    ),
    (
        "name: Switch to the dark colours",
        "name: Switch</button><script>alert(1)</script>",
        "theme.palette[0].toggle.name",
        f"the character '<' (U+003C) {NOT_ALLOWED}",
    ),
    (
        "  - Home: index.md",
        '  - "Home`{x}": index.md',
        "nav[0]",
        f"the character '`' (U+0060) {NOT_ALLOWED}",
    ),
    (
        "  short_name: Foot exercises",
        "  short_name: Foot exercises\n  homepage: javascript:alert(1)//<x>",
        "extra.homepage",
        f"the character '<' (U+003C) {NOT_ALLOWED}",
    ),
    (
        "  language: en",
        '  language: "en\\" onload=\\"x"',
        "theme.language",
        "expected a language code such as es, got 'en\" onload=\"x'",
    ),
]


@pytest.mark.parametrize(
    ("original", "hostile", "key", "message"),
    HOSTILE_SETTINGS,
    ids=[f"{key}-{n}" for n, (_, _, key, _) in enumerate(HOSTILE_SETTINGS)],
)
def test_a_setting_the_theme_prints_is_plain_text_or_one_clear_error(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    original: str,
    hostile: str,
    key: str,
    message: str,
) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert original in text
    config.write_text(text.replace(original, hostile, 1), "utf-8")
    assert main(["generate"]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"mkdocs.yml: {key}: {message}\n")
    assert not (project / "build/docs/en/index.md").exists()


def test_every_real_setting_and_its_translations_are_plain_text(tmp_path: Path) -> None:
    site = siteconfig.load(ROOT / "mkdocs.yml", tmp_path)
    longest = themetext.LONGEST
    texts = [
        (site.name, longest["site_name"]),
        (site.description, longest["site_description"]),
        (site.short_name, longest["extra.short_name"]),
        *((title, longest["nav"]) for title, _ in site.nav),
        *((str(o["toggle"]["name"]), longest["theme.palette.toggle.name"]) for o in site.palette),
    ]
    assert themetext.theme_text_problems(site.mkdocs) == []
    for code in i18n.languages_with_catalogues():
        lang = i18n.language(code)
        for text, most in texts:
            assert themetext.text_problem(lang.gettext(text), most) is None, (code, text)
    # Real names a clinic or a translator may use.
    for name in (
        "Español",
        "Deutsch",
        "Füße & Rücken",
        "¿Qué hago?",
        "Clinic (Riverside) \u2013 2",
    ):
        assert themetext.text_problem(name, 40) is None


class _Hostile:
    """A catalogue whose translation of the site's name is markup."""

    def gettext(self, message: str) -> str:
        hostile = message == "Foot exercises for low back pain"
        return "Pies <script>alert(1)</script>" if hostile else message


def test_a_translated_setting_is_checked_before_its_configuration_is_written(
    tmp_path: Path,
) -> None:
    site = siteconfig.load(ROOT / "mkdocs.yml", tmp_path)
    book = check_content(BASE)
    english = Edition("en", "English", book, i18n.language("en"))
    spanish = Edition("es", "Español", book, i18n.Language("es", _Hostile()))  # type: ignore[arg-type]
    assert "site_name" in generated_config(site, english, [english], tmp_path)
    with pytest.raises(siteconfig.ConfigError) as error:
        generated_config(site, spanish, [english, spanish], tmp_path)
    assert str(error.value) == (
        "generator/i18n/locales/es/LC_MESSAGES/handbook.po: the translation of site_name: "
        f"the character '<' (U+003C) {NOT_ALLOWED}"
    )


class _Lang:
    def t(self, key: str) -> str:
        return key


MARKUP = '"><img src=x onerror=alert(1)>&amp;'


def _theme_env() -> Any:
    from mkdocs.theme import Theme

    return Theme(name="material", custom_dir=str(ROOT / "overrides")).get_env()


def test_the_overrides_escape_what_they_print_from_the_configuration() -> None:
    """The grammar keeps markup out; should a value pass it anyway (a new key, a later
    change), the project's own overrides still print it as text."""
    env = _theme_env()
    alternate = {"name": MARKUP, "link": MARKUP, "lang": MARKUP, "url": MARKUP}
    toggle = {"name": MARKUP, "icon": "material/weather-night"}
    config = {
        "extra": {"alternate": [alternate]},
        "theme": {"icon": {}, "palette": [{"scheme": MARKUP, "media": MARKUP, "toggle": toggle}]},
        "mdx_configs": {"toc": {"title": MARKUP}},
        "site_description": MARKUP,
        "site_author": MARKUP,
        "theme_favicon": "x",
    }
    entry = SimpleNamespace(level=2, title="Part", url="#part", children=[], typeset={})
    page = SimpleNamespace(url="a/", toc=[entry], meta={}, canonical_url=MARKUP)
    shown = [
        env.get_template("partials/alternate.html").render(config=config, page=page, lang=_Lang()),
        env.get_template("partials/palette.html").render(config=config),
        env.get_template("partials/toc.html").render(config=config, page=page, lang=_Lang()),
    ]
    main_html = env.get_template("main.html")
    head = {**config, "theme": SimpleNamespace(favicon=MARKUP)}
    context = main_html.new_context(
        {"config": SimpleNamespace(**head), "page": page, "base_url": "."}
    )
    shown.append("".join(main_html.blocks["site_meta"](context)))
    for html in shown:
        assert "<img src=x" not in html
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;" in html


# --- CSS ------------------------------------------------------------------------------------

ACCENT = "#8a3b12"  # the README's own example


def test_a_colour_is_written_raw_after_its_grammar() -> None:
    assert escape.css_colour(ACCENT) == ACCENT
    assert escape.css_colour("#AbCdEf") == "#AbCdEf"
    for hostile in ("red", "#8a3b12;} body{display:none", "#8a3b12</style>", "#8a3b1", None):
        with pytest.raises(ValueError):
            escape.css_colour(hostile)


def test_an_embed_shows_the_clinics_accent_colour(tmp_path: Path, browser: Browser) -> None:
    content = make_case("branded", tmp_path / "content")
    settings = Settings(site_name="Test handbook", site_url="https://handbook.test/", lang=EN)
    files = render_pages(check_content(content), settings, make_environment(EN))
    page_html = files["embed/exercises/toe-walking/index.html"].decode()
    assert f"<style>:root {{ --hb-accent: {ACCENT}; }}</style>" in page_html
    site = tmp_path / "site"
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    with static_server(site) as base:
        page = browser.new_page()
        try:
            page.goto(base + "embed/exercises/toe-walking/")
            page.wait_for_selector(".hb-embed-brand")
            colour = page.evaluate(
                "getComputedStyle(document.querySelector('.hb-embed-brand')).color"
            )
            variable = page.evaluate(
                "getComputedStyle(document.documentElement).getPropertyValue('--hb-accent')"
            )
        finally:
            page.close()
    assert (colour, variable.strip()) == ("rgb(138, 59, 18)", ACCENT)


CSS_STRINGS = [
    "Foot exercises",
    "Pies y espalda",
    "Füße & Rücken",
    "Clinic's 'name'",
    'a"b',
    "back\\slash",
    "}</style><script>window.__pwned=1</script>",
    "a;} body { display: none } .x{",
    "/* comment */ \\22 ",
]


def test_a_css_string_reads_back_as_written(browser: Browser) -> None:
    page = browser.new_page()
    try:
        for value in CSS_STRINGS:
            page.set_content(
                f"<style>#t::after {{ content: {escape.css_string(value)}; }}</style><p id=t></p>"
            )
            shown = page.evaluate(
                "getComputedStyle(document.getElementById('t'), '::after').content"
            )
            rules = page.evaluate("document.styleSheets[0].cssRules.length")
            pwned = page.evaluate("window.__pwned")
            assert (json.loads(shown), rules, pwned) == (value, 1, None), value
    finally:
        page.close()


def test_the_site_stylesheet_carries_the_short_name_as_a_css_string() -> None:
    from generator.render.pages.stylesheet import site_stylesheet

    settings = Settings(
        site_name="x", site_url="https://h.test/", short_name='Feet "&" back', lang=EN
    )
    css = site_stylesheet(check_content(BASE), settings)["assets/stylesheets/site.css"].decode()
    assert 'content: "Feet \\22 \\26 \\22  back";' in css


# --- The environment ------------------------------------------------------------------------

EPOCH = (
    "environment variable SOURCE_DATE_EPOCH: expected a whole number of seconds since "
    "1970-01-01 UTC, from 315532800 (1980-01-01) to 4102444799 (2099-12-31), or leave it "
    "unset, got "
)
BAD_ENVIRONMENT = [
    ("SOURCE_DATE_EPOCH", "", EPOCH + "''"),
    ("SOURCE_DATE_EPOCH", "a word", EPOCH + "'a word'"),
    ("SOURCE_DATE_EPOCH", "1e9", EPOCH + "'1e9'"),
    ("SOURCE_DATE_EPOCH", "-1", EPOCH + "'-1'"),
    ("SOURCE_DATE_EPOCH", "253402300800", EPOCH + "'253402300800'"),  # past year 9999
    ("SOURCE_DATE_EPOCH", "4102444800", EPOCH + "'4102444800'"),  # 2100
    ("SOURCE_DATE_EPOCH", "0", EPOCH + "'0'"),  # 1970: zip files start in 1980
    ("SOURCE_DATE_EPOCH", " 1700000000", EPOCH + "' 1700000000'"),
    (
        "SOURCE_DATE_EPOCH",
        "\u0661\u0667" + "\u0660" * 8,
        EPOCH + "'\u0661\u0667" + "\u0660" * 8 + "'",
    ),
    ("SOURCE_DATE_EPOCH", "1700000000\x1b[2J", EPOCH + "'1700000000\\x1b[2J'"),
    (
        "CHROMIUM",
        "/no/such/chromium",
        "environment variable CHROMIUM: expected the path of the Chromium program, or leave "
        "it unset, got '/no/such/chromium'",
    ),
]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_bad_environment_variable_is_one_line_and_the_site_is_kept(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4102444799")  # the last second allowed builds
    assert main(["build"]) == 0
    assert "2099-12-31" in (project / "site/sitemap.xml").read_text("utf-8")
    before = _snapshot(project / "site")
    capsys.readouterr()
    for name, value, message in BAD_ENVIRONMENT:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        monkeypatch.setenv(name, value)
        for command in (["build"], ["generate"], ["messages"]):
            assert main(command) == 1, (name, value, command)
            out, err = capsys.readouterr()
            assert (out, err) == ("", message + "\n"), (name, value, command)
        assert _snapshot(project / "site") == before


#: Variables the generator names without reading them as input: set for MkDocs, or passed
#: between `handbook serve` and its hook.
NOT_INPUT = {"NO_MKDOCS_2_WARNING"}


def test_every_environment_variable_the_generator_reads_is_checked() -> None:
    read = set()
    for path in (ROOT / "generator").rglob("*.py"):
        text = path.read_text("utf-8")
        read |= set(re.findall(r"environ(?:\.get|\.setdefault)?[\[(]\"([A-Z0-9_]+)\"", text))
        read |= set(re.findall(r"getenv\(\"([A-Z0-9_]+)\"", text))
    declared = {variable.name for variable in environment.ENVIRONMENT}
    assert read - NOT_INPUT <= declared
    assert "SOURCE_DATE_EPOCH" in environment.OUTPUT_ENVIRONMENT


# --- Writers into content -------------------------------------------------------------------


def _with_spanish(content: Path) -> Path:
    spanish = content / "translations/es"
    spanish.mkdir(parents=True)
    (spanish / "language.yml").write_text("name: Español\nstatus: draft\n", "utf-8")
    safety = (content / "safety.yml").read_text("utf-8")
    (spanish / "safety.yml").write_text("status: draft\n" + safety, "utf-8")
    return spanish / "safety.yml"


def test_stamp_records_the_english_a_translation_matches(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    translation = _with_spanish(project / "content")
    assert main(["translations", "--stamp", "es"]) == 0
    assert re.search(r"(?m)^translated_from: [0-9a-f]{12}$", translation.read_text("utf-8"))
    assert main(["check"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_stamp_does_not_write_through_a_link_out_of_content(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    translation = _with_spanish(project / "content")
    outside = project / "outside.yml"
    shutil.move(translation, outside)
    translation.symlink_to(outside)
    before = outside.read_bytes()
    assert main(["translations", "--stamp", "es"]) == 1
    assert capsys.readouterr().err == (
        "content/translations/es/safety.yml: is a link to a file outside the content folder: "
        "copy the file in\n1 problem in the content\n"
    )
    assert outside.read_bytes() == before


def test_stamp_writes_nothing_while_check_fails(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    translation = _with_spanish(project / "content")
    before = translation.read_bytes()
    exercise = project / "content/exercises/toe-walking.yml"
    exercise.write_text(exercise.read_text("utf-8").replace("id: toe-walking", "id: Toe"), "utf-8")
    assert main(["translations", "--stamp", "es"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("content/exercises/toe-walking.yml:1: id: ")
    assert err.endswith(" in the content\n") and "Traceback" not in err
    assert translation.read_bytes() == before


def test_stamp_names_a_language_that_is_not_there(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_spanish(project / "content")
    assert main(["translations", "--stamp", "de"]) == 1
    assert capsys.readouterr().err == (
        "content/translations/de: there is no translation in this language to stamp; the "
        "languages are es\n1 problem in the content\n"
    )


# --- Reserved ids ---------------------------------------------------------------------------


def test_the_reserved_ids_hold_every_folder_the_pages_take() -> None:
    """urls.PAGE_FOLDERS is declared once; the rendered pages are what it must describe."""
    book = check_content(BASE)
    settings = Settings(site_name="Test handbook", site_url="https://handbook.test/", lang=EN)
    ids = {e.id for e in book.exercises} | {p.routine.id for p in book.routines}
    ids |= {old for e in book.exercises for old in e.former_ids}
    ids |= {old for p in book.routines for old in p.routine.former_ids}
    folders = {
        part
        for name in render_pages(book, settings, make_environment(EN))
        for part in name.split("/")[:-1]
        if not name.startswith("assets/")  # the generator's own files, under one folder
    }
    assert folders - ids <= urls.PAGE_FOLDERS
    reserved = validate.reserved_ids()
    assert {"exercises", "embed", "es", "de", "when-to-see-a-clinician", "oembed"} <= set(reserved)
    assert validate.reserved_problem("hb-words") is not None
    assert validate.reserved_problem("toe-walking") is None
