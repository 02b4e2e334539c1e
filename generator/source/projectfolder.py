"""Whether a folder is a clinic project, and what its build reads besides its content.

Kept apart from clinic.py, which reads and checks clinic.yml: these are asked by every
command, a build with nothing to do included, and need none of the models (whose import
was a third of such a build's time). Stage: source (reading inputs).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.source.base import base_handbook

#: The file that makes a folder a clinic project.
PROJECT_FILE = "clinic.yml"
#: Where a clinic project's build keeps the configuration generated for it.
GENERATED_CONFIG = Path("build") / "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    """A clinic project's folder."""

    root: Path

    @property
    def file(self) -> Path:
        return self.root / PROJECT_FILE

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def config(self) -> Path:
        return self.root / GENERATED_CONFIG


def project_at(folder: Path) -> Project | None:
    """The clinic project `folder` is: it holds clinic.yml and no mkdocs.yml of its own."""
    if (folder / PROJECT_FILE).is_file() and not (folder / "mkdocs.yml").exists():
        return Project(folder)
    return None


def project_of(content_dir: Path) -> Project | None:
    """The clinic project whose layer `content_dir` is, if it is one."""
    project = project_at(content_dir.absolute().parent)
    if project is not None and content_dir.absolute() == project.content.absolute():
        return project
    return None


def layer_inputs(content_dir: Path) -> list[Path]:
    """What a build of `content_dir` reads besides it: for a clinic's layer, clinic.yml and
    the base handbook's content (which an upgrade, or an edit in a checkout, changes)."""
    project = project_of(content_dir)
    if project is None:
        return []
    return [project.file, base_handbook().content]
