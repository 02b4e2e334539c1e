from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files and expected outputs from the current code",
    )


#: Fixtures that build a site (or a wheel) of their own, for one module: under pytest-xdist
#: (`make test`: --dist loadgroup) the tests that use one run on one worker, so it is built
#: once, while every other test goes to whichever worker is free.
OWN_BUILDS = (
    "printed_site",
    "worst_site",
    "installed",
    "hostile_visits",
    "hostile_site",
    "partial_german_site",
)


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups (see test_repository.py)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that opens the shared browser needs Chromium: marked so, wherever it stands,
    so that the quick run `pytest -m "not browser"` leaves it out. A test that uses one of
    OWN_BUILDS is grouped with the others that use it."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        for name in OWN_BUILDS:
            if name in names:
                item.add_marker(pytest.mark.xdist_group(name))
                break


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A scratch project: mkdocs.yml, overrides/ and a copy of the minimal content, as cwd."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    (tmp_path / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hooks.py", tmp_path / "generator" / "mkdocs_hooks.py")
    shutil.copytree(FIXTURES / "minimal", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    yield tmp_path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session; each test opens its own pages."""
    from .browser import shared_browser, stop_shared_browser

    yield shared_browser()
    stop_shared_browser()


def _build_served(root: Path, *, pdf: bool) -> Iterator[tuple[Path, str, Any]]:
    from generator import pipeline

    from .browser import static_server

    site = root / "site"
    site.mkdir()
    with static_server(site) as base_url:
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            content = Path(os.environ.get("HANDBOOK_TEST_CONTENT", ROOT / "content"))
            if pdf:
                build_with_pdfs(content, root / "docs", site, base_url)
            else:
                pipeline.build(content, root / "docs", site, site_url=base_url)
            book = pipeline.check_content(content)
        finally:
            os.chdir(cwd)
        yield site, base_url, book


def build_with_pdfs(content: Path, docs: Path, site: Path, site_url: str | None = None) -> None:
    """`handbook build --pdf`, in a process of its own: the printer drives Chromium with
    Playwright, which allows one instance per thread, and the tests' browser may be running."""
    command = [Path(sys.executable).with_name("handbook"), "build", "--pdf"]
    command += ["--content", content, "--docs", docs, "--output", site]
    command += ["--site-url", site_url] if site_url else []
    subprocess.run([str(part) for part in command], check=True, capture_output=True, cwd=ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Any]]:
    """The real content built once and served on loopback: (folder, url, book). No browser
    is needed to build it. The site URL is the server's own, so QR codes and absolute links
    point at it."""
    yield from _build_served(tmp_path_factory.mktemp("built"), pdf=False)


@pytest.fixture(scope="session")
def printed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Any]]:
    """As built_site, with every card also printed to PDF by Chromium."""
    yield from _build_served(tmp_path_factory.mktemp("printed"), pdf=True)


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Any]]:
    """The real content built for an nginx address and served there with the hosting example
    (examples/hosting/nginx.conf): (site folder, base URL, book). Shared by the policy and
    request tests, which only read it."""
    from generator import pipeline

    from .nginx import free_port, nginx_server

    root = tmp_path_factory.mktemp("nginx")
    port = free_port()
    site = root / "site"
    site.mkdir()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        content = Path(os.environ.get("HANDBOOK_TEST_CONTENT", ROOT / "content"))
        pipeline.build(content, root / "docs", site, site_url=f"http://127.0.0.1:{port}/")
        book = pipeline.check_content(content)
    finally:
        os.chdir(cwd)
    with nginx_server(site, root / "nginx", port) as base_url:
        yield site, base_url, book
