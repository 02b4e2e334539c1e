"""The exercise pictures: two panels with named views, safe plain SVG, and reproducible.

content/images/<id>.svg is drawn by scripts/draw_pictures.py; these tests hold every picture
named after an exercise (or drawn by the script) to the house rules, and check that running
the drawer again gives the checked-in files byte for byte.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from generator.safety.svgsafe import check_svg

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "content" / "images"
DRAWER = ROOT / "scripts" / "draw_pictures.py"
SVG = "{http://www.w3.org/2000/svg}"

ALLOWED = {
    "svg",
    "g",
    "defs",
    "path",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "rect",
    "marker",
    "use",
    "view",
    "title",
    "desc",
    "clipPath",
    "linearGradient",
    "stop",
}
FORBIDDEN = {"text", "style", "script", "image", "foreignObject"}


def exercise_ids() -> set[str]:
    ids = set()
    for path in (ROOT / "content" / "exercises").glob("*.yml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        if isinstance(data, dict) and "id" in data:
            ids.add(str(data["id"]))
    return ids


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pictures")
    subprocess.run([sys.executable, str(DRAWER), "--out", str(out)], check=True, cwd=ROOT)
    return out


def pictures() -> list[Path]:
    """Every SVG in content/images/ named after an exercise or drawn by the script."""
    out = subprocess.run(
        [sys.executable, str(DRAWER), "--list"], check=True, capture_output=True, text=True
    )
    names = exercise_ids() | set(out.stdout.split())
    return sorted(p for p in IMAGES.glob("*.svg") if p.stem in names)


PICTURES = pictures()


def test_there_are_pictures() -> None:
    assert len(PICTURES) >= 10


@pytest.mark.parametrize("path", PICTURES, ids=[p.stem for p in PICTURES])
def test_picture_follows_the_rules(path: Path) -> None:
    data = path.read_bytes()
    assert check_svg(data).problems == []
    assert b"style=" not in data
    root = ElementTree.fromstring(data)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 820 300"
    assert (root.get("width"), root.get("height")) == ("820", "300")
    tags = {str(e.tag).removeprefix(SVG) for e in root.iter()}
    assert not tags & FORBIDDEN, f"forbidden elements: {sorted(tags & FORBIDDEN)}"
    assert tags <= ALLOWED, f"elements outside the allowed set: {sorted(tags - ALLOWED)}"
    for element in root.iter():
        assert "style" not in element.attrib
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#"), f"{name}={value!r} is not a local reference"
            assert "url(" not in value or value.startswith("url(#"), value
    views = {v.get("id"): v.get("viewBox") for v in root.iter(f"{SVG}view")}
    assert views == {"start": "0 0 400 300", "end": "420 0 400 300"}


def test_drawer_reproduces_the_checked_in_pictures(drawn: Path) -> None:
    made = sorted(p.name for p in drawn.glob("*.svg"))
    assert made, "the drawer wrote nothing"
    for name in made:
        checked_in = IMAGES / name
        assert checked_in.exists(), f"{name} is drawn but not checked in"
        assert (drawn / name).read_bytes() == checked_in.read_bytes(), (
            f"{name} differs from a fresh drawing: run scripts/draw_pictures.py"
        )


def test_drawing_twice_gives_the_same_bytes(drawn: Path, tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(DRAWER), "--out", str(tmp_path)], check=True, cwd=ROOT)
    for path in drawn.glob("*.svg"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()
