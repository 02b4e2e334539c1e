"""The base handbook: its content/, mkdocs.yml and overrides/, which a clinic project builds on.

Running from a checkout (an editable install, or `python -m generator` in the repository),
the base is the checkout itself, so an author's edits show at once. An installed wheel
carries a copy under generator/bundle/ (setup.py puts it there). Stage: source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import HandbookError

_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Base:
    """Where the base handbook's files are."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def overrides(self) -> Path:
        return self.root / "overrides"

    @property
    def hooks(self) -> Path:
        """The MkDocs hooks file, which is part of the code, not of the bundle."""
        return _PACKAGE / "mkdocs_hooks.py"


def _complete(root: Path) -> bool:
    return (root / "mkdocs.yml").is_file() and (root / "content").is_dir()


def base_handbook() -> Base:
    """The checkout when the code runs from one, else the copy the package carries."""
    for root in (_PACKAGE.parent, _PACKAGE / "bundle"):
        if _complete(root) and (root / "overrides").is_dir():
            return Base(root)
    raise HandbookError(
        f"{_PACKAGE}: the handbook's own content is missing from this installation: "
        "reinstall it with `pip install` from a checkout, a wheel or a git address"
    )
