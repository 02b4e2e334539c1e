"""Every generated page is valid HTML by the W3C Nu checker (vnu.jar from npm, run with Java),
apart from the theme's own known errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from .conftest import ROOT

#: Needs the tools the browser tests need (Java and the Nu checker), so the quick run,
#: `pytest -m "not browser"`, goes without them.
pytestmark = pytest.mark.browser

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Errors in Material's own markup, which the handbook does not write: its hidden toggles
#: carry autocomplete="off", which HTML allows only on text-like inputs.
THEME_ERRORS = ("Attribute “autocomplete” is only allowed when the input type is",)
#: Java's quick compiler only: one run over every page takes half the CPU time (8 s against
#: 4, the same messages). Its deeper stack frames need a larger stack than the default.
JAVA_FLAGS = ("-XX:TieredStopAtLevel=1", "-Xss16m")


def test_every_page_is_valid_html(built_site: Any) -> None:
    java = shutil.which("java")
    assert java and VNU.is_file(), "the Nu checker needs Java and `npm ci` (see the README)"
    site, _, _ = built_site
    pages = sorted(str(path) for path in site.rglob("*.html"))
    run = subprocess.run(
        [java, *JAVA_FLAGS, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    ours = [
        f"{m['url'].split('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not m["message"].startswith(THEME_ERRORS)
    ]
    assert ours == []
    assert len(pages) > 40
