"""The SVG allow-list: hostile pictures are refused and cleaned; our own pass unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.svgsafe import check_svg

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = sorted((ROOT / "tests" / "hostile_svg").glob("*.svg"))
OURS = sorted((ROOT / "content" / "images").glob("*.svg")) + sorted(
    (ROOT / "tests" / "fixtures").glob("*/images/*.svg")
)


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT))


def assert_harmless(clean: bytes) -> None:
    """Nothing in `clean` can run or load: the words and attributes that would are absent."""
    text = clean.decode("utf-8").lower()
    for word in ("script", "url(http", "url(//", "javascript:"):
        assert word not in text
    assert not re.search(r"\son[a-z-]*\s*=", text)
    for link in re.findall(r"href\s*=\s*[\"']([^\"']*)", text):
        assert link.startswith("#")


@pytest.mark.parametrize("path", OURS, ids=_shown)
def test_our_pictures_pass_and_clean_is_a_fixed_point(path: Path) -> None:
    checked = check_svg(path.read_bytes())
    assert checked.problems == []
    assert checked.clean is not None
    again = check_svg(checked.clean)
    assert again.problems == []
    assert again.clean == checked.clean
