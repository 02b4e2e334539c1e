"""Golden files: each fixture's generated pages (Markdown, card and embed HTML, oEmbed JSON)
are compared with tests/golden/<fixture>/."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.i18n.languages import language
from generator.pipeline import check_content
from generator.render.site import Settings, render_pages

from .cases import make_case

GOLDEN = Path(__file__).parent / "golden"
CASES = ["branded", "hostile", "minimal"]  # "worst" is printed, not pinned (test_cards.py)
SETTINGS = Settings(
    site_name="Test handbook", site_url="https://handbook.test/", lang=language("en")
)


def rendered_markdown(case: str, scratch: Path) -> dict[str, str]:
    files = render_pages(check_content(make_case(case, scratch / case)), SETTINGS)
    return {
        name: data.decode("utf-8")
        for name, data in files.items()
        if name.endswith((".md", ".html", ".json")) and not name.startswith("assets/")
    }


@pytest.mark.parametrize("case", CASES)
def test_rendered_pages_match_golden_files(case: str, update_golden: bool, tmp_path: Path) -> None:
    pages = rendered_markdown(case, tmp_path)
    folder = GOLDEN / case
    if update_golden:
        for old in folder.rglob("*.*"):
            old.unlink()
        for name, text in pages.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, "utf-8")
        return
    expected = {
        p.relative_to(folder).as_posix(): p.read_text("utf-8")
        for p in folder.rglob("*.*")
        if p.is_file()
    }
    assert sorted(pages) == sorted(expected), "pages added or removed: run pytest --update-golden"
    for name, text in pages.items():
        assert text == expected[name], f"{case}/{name} differs: run --update-golden, review"
