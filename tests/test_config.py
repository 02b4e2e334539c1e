"""mkdocs.yml is read once, by MkDocs: !ENV, INHERIT and --site-url reach every generated URL,
and the early stop rebuilds exactly when something that shapes the site has changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main

from .conftest import ROOT

DEFAULT_URL = "https://foot-handbook.example.org/"


def set_site_url(project: Path, line: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(f"site_url: {DEFAULT_URL}", line)
    assert line in text
    config.write_text(text, "utf-8")


def generated_urls(project: Path) -> tuple[str, str, str]:
    """The URLs the generator wrote: a card's QR title, an oEmbed snippet, MkDocs' sitemap."""
    card = (project / "build/docs/en/cards/exercises/toe-walking/index.html").read_text("utf-8")
    qr = card.split("QR code for ", 1)[1].split("<", 1)[0]
    oembed = json.loads((project / "build/docs/en/oembed/exercises/toe-walking.json").read_text())
    snippet_src = oembed["html"].split('src="', 1)[1].split('"', 1)[0]
    sitemap = (project / "site/sitemap.xml").read_text("utf-8").split("<loc>", 1)[1]
    return qr, snippet_src, sitemap.split("</loc>", 1)[0]


def test_site_url_from_an_environment_variable_reaches_every_url(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_site_url(project, "site_url: !ENV [HANDBOOK_TEST_URL, 'https://fallback.example/']")
    monkeypatch.setenv("HANDBOOK_TEST_URL", "https://clinic.example/feet/")
    assert main(["build"]) == 0
    qr, snippet, sitemap = generated_urls(project)
    assert qr == "https://clinic.example/feet/exercises/toe-walking/"
    assert snippet == "https://clinic.example/feet/embed/exercises/toe-walking/"
    assert sitemap.startswith("https://clinic.example/feet/")


def test_site_url_from_an_inherited_configuration_reaches_every_url(project: Path) -> None:
    (project / "base.yml").write_text("site_url: https://parent.example/hb/\n", "utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(f"site_url: {DEFAULT_URL}\n", "")
    config.write_text("INHERIT: base.yml\n" + text, "utf-8")
    assert main(["build"]) == 0
    qr, snippet, sitemap = generated_urls(project)
    assert qr == "https://parent.example/hb/exercises/toe-walking/"
    assert snippet == "https://parent.example/hb/embed/exercises/toe-walking/"
    assert sitemap.startswith("https://parent.example/hb/")


def test_the_command_line_url_wins(project: Path) -> None:
    assert main(["build", "--site-url", "http://127.0.0.1:8123/x"]) == 0
    qr, snippet, sitemap = generated_urls(project)
    assert qr == "http://127.0.0.1:8123/x/exercises/toe-walking/"
    assert snippet == "http://127.0.0.1:8123/x/embed/exercises/toe-walking/"
    assert sitemap.startswith("http://127.0.0.1:8123/x/")


def test_a_missing_site_url_is_one_clear_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_site_url(project, "# no site_url")
    assert main(["generate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("mkdocs.yml: site_url is not set") and err.count("\n") == 1


# Each change to something that shapes the output, and how to make it.
def _content(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project / "content/exercises/toe-walking.yml"
    path.write_text(path.read_text("utf-8").replace("Toe walking", "Tiptoe walk", 1), "utf-8")


def _picture(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project / "content/images/toe-walking.svg"
    path.write_bytes(path.read_bytes().replace(b"</svg>", b'<rect width="1" height="1"/></svg>'))


def _override(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project / "overrides/main.html"
    path.write_text(path.read_text("utf-8") + "{# changed #}\n", "utf-8")


def _template(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The generator's own code and templates are inputs: fingerprint a copy with one change.
    copy = project / "generator-copy"
    shutil.copytree(ROOT / "generator", copy, ignore=shutil.ignore_patterns("__pycache__"))
    template = copy / "templates/exercise.md.j2"
    template.write_text(template.read_text("utf-8") + "{# changed #}\n", "utf-8")
    monkeypatch.setattr("generator.publish.fingerprint.PACKAGE", copy)


def _environment_url(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TEST_URL", "https://other.example/")


def _epoch(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _parent(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "base.yml").write_text("site_author: Changed in the parent\n", "utf-8")


def _package(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.publish import fingerprint

    upgraded = [
        f"{line}.post1" if line.startswith("mkdocs-material==") else line
        for line in fingerprint.installed_versions()
    ]
    monkeypatch.setattr(fingerprint, "installed_versions", lambda: upgraded)


REBUILDS = {
    "content": _content,
    "picture": _picture,
    "theme override": _override,
    "generator template": _template,
    "!ENV variable": _environment_url,
    "SOURCE_DATE_EPOCH": _epoch,
    "INHERIT parent": _parent,
    "package version": _package,
}


def _comment(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "# a comment changes nothing\n", "utf-8")


def _unrelated_variable(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOMETHING_ELSE", "1")


def _touch(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in (project / "mkdocs.yml", project / "content/exercises/toe-walking.yml"):
        path.write_bytes(path.read_bytes())


KEEPS = {"comment in mkdocs.yml": _comment, "unrelated variable": _unrelated_variable}
KEEPS["files rewritten unchanged"] = _touch


def _prepare(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_site_url(project, "site_url: !ENV [HANDBOOK_TEST_URL, 'https://fallback.example/']")
    (project / "base.yml").write_text("site_author: From the parent\n", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text("INHERIT: base.yml\n" + config.read_text("utf-8"), "utf-8")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("HANDBOOK_TEST_URL", "https://first.example/")


@pytest.mark.parametrize("change", sorted(REBUILDS))
def test_a_change_that_shapes_the_site_rebuilds_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    _prepare(project, monkeypatch)
    assert pipeline.build().site_rebuilt
    assert not pipeline.build().site_rebuilt
    REBUILDS[change](project, monkeypatch)
    assert pipeline.build().site_rebuilt
    assert not pipeline.build().site_rebuilt


@pytest.mark.parametrize("change", sorted(KEEPS))
def test_a_change_that_shapes_nothing_rebuilds_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    _prepare(project, monkeypatch)
    assert pipeline.build().site_rebuilt
    KEEPS[change](project, monkeypatch)
    result = pipeline.build()
    assert not result.site_rebuilt and result.generated.report.written == ()
