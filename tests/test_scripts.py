"""The maintainers' scripts (make bench, screenshots, audit, pictures) still import: they run
outside make test, so a renamed helper would otherwise break them unseen."""

from __future__ import annotations

import importlib

import pytest

SCRIPTS = ["audit", "bench", "benchdata", "contact_sheet", "draw_pictures", "screenshots"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_each_script_imports(name: str) -> None:
    module = importlib.import_module(f"scripts.{name}")
    assert callable(getattr(module, "main", None)) or name == "benchdata"
