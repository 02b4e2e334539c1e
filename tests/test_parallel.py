"""The parallel parts of a build give exactly what the serial ones give, and fail as loudly."""

from __future__ import annotations

import filecmp
import json
import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator import engine, forking, mkdocs_parallel, pipeline, qr
from generator.errors import BuildError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The real content generated into a scratch docs folder, with dates pinned."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    folder = tmp_path / "docs"
    pipeline.generate(ROOT / "content", folder, ROOT / "mkdocs.yml")
    yield folder


def config_for(docs: Path, site: Path) -> Any:
    return load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site))


def all_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_build_is_byte_identical_to_mkdocs_own_build(
    docs: Path, tmp_path: Path, jobs: int
) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    mkdocs_build.build(config_for(docs, serial))
    mkdocs_parallel.build(config_for(docs, parallel), jobs)

    names = all_files(serial)
    assert names == all_files(parallel)
    assert len(names) > 100
    _, mismatch, errors = filecmp.cmpfiles(serial, parallel, names, shallow=False)
    assert mismatch == [] and errors == []
    index = json.loads((parallel / "search" / "search_index.json").read_text("utf-8"))
    locations = {entry["location"] for entry in index["docs"]}
    assert {"exercises/towel-stretch/", "routines/desk/", "causes/"} <= locations


@pytest.mark.parametrize(
    ("link", "complaint"),
    [
        ("../no-such-exercise/index.md", "no-such-exercise"),
        ("../../safety/index.md#no-such-anchor", "does not contain an anchor '#no-such-anchor'"),
    ],
)
def test_a_broken_link_on_any_worker_fails_the_strict_build(
    docs: Path, tmp_path: Path, link: str, complaint: str
) -> None:
    for page in sorted((docs / "exercises").glob("*/index.md")):
        page.write_text(page.read_text("utf-8") + f"\n[broken]({link})\n", "utf-8")
    with pytest.raises(BuildError) as failure:
        engine.build_site(ROOT / "mkdocs.yml", docs, tmp_path / "site", site_url=None, jobs=2)
    assert complaint in str(failure.value)
    assert str(failure.value).count("contains a link") == 10  # each page, from both workers
    assert not (tmp_path / "site").exists()


def test_an_error_inside_a_worker_reaches_the_parent(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = mkdocs_build._populate_page

    def broken(page: Any, *args: Any, **kwargs: Any) -> None:
        if page.file.src_uri == "routines/desk/index.md":
            raise RuntimeError("the desk page could not be read")
        real(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_populate_page", broken)
    with pytest.raises(Abort):
        mkdocs_parallel.build(config_for(docs, tmp_path / "site"), 2)


def test_small_sites_build_in_one_process() -> None:
    assert mkdocs_parallel.worker_count(20) == 1
    assert mkdocs_parallel.worker_count(10_000) == len(os.sched_getaffinity(0))


def qr_codes(urls: list[str], cache: Path | None = None, jobs: int = 1) -> dict[str, str]:
    with qr.start_qr_svgs(urls, cache, jobs) as drawing:
        return drawing.result()


def test_qr_codes_drawn_in_parallel_match_serial_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = [f"https://clinic.example/exercises/e{index}/" for index in range(12)]
    serial = qr_codes(urls)
    monkeypatch.setattr(qr, "MIN_CODES_PER_PROCESS", 1)
    parallel = qr_codes(urls, tmp_path / "qr.json", jobs=2)
    assert parallel == serial
    assert list(parallel) == urls


def test_qr_cache_is_read_back_and_keeps_only_the_codes_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "qr.json"
    urls = [f"https://clinic.example/routines/r{index}/" for index in range(5)]
    first = qr_codes(urls, cache)
    drawn: list[str] = []
    monkeypatch.setattr(qr, "draw_qr", lambda url: drawn.append(url) or f"<svg>{url}</svg>")
    assert qr_codes(urls, cache) == first
    assert drawn == []  # every code came from the cache
    assert qr_codes([*urls[1:], "https://clinic.example/new/"], cache)
    assert drawn == ["https://clinic.example/new/"]
    assert sorted(json.loads(cache.read_text("utf-8"))["codes"]) == sorted(
        [*urls[1:], "https://clinic.example/new/"]
    )


@pytest.mark.parametrize("stored", ["{not json", '{"style": "old", "codes": {}}', "[]"])
def test_a_damaged_or_outdated_qr_cache_is_drawn_again(tmp_path: Path, stored: str) -> None:
    cache = tmp_path / "qr.json"
    cache.write_text(stored, "utf-8")
    url = "https://clinic.example/exercises/e1/"
    assert qr_codes([url], cache) == {url: qr.draw_qr(url)}
    assert json.loads(cache.read_text("utf-8"))["style"] == qr.STYLE


def failing_draw(url: str) -> str:
    if url.endswith("e7/"):
        raise ValueError("cannot draw e7")
    return "<svg></svg>"


def test_a_failure_while_drawing_in_the_background_reaches_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(qr, "MIN_CODES_PER_PROCESS", 1)
    monkeypatch.setattr(qr, "draw_qr", failing_draw)
    urls = [f"https://clinic.example/exercises/e{index}/" for index in range(12)]
    with pytest.raises(ValueError, match="cannot draw e7"):
        qr_codes(urls, jobs=2)
    assert multiprocessing.active_children() == []


def test_fork_map_keeps_the_order_of_the_items() -> None:
    assert forking.fork_map(lambda n: n * n, range(10), 3) == [n * n for n in range(10)]
    squares = forking.fork_map(lambda n: n * n, range(10), 3, dynamic=True)
    assert squares == [n * n for n in range(10)]
