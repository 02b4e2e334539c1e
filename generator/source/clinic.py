"""A clinic project: clinic.yml at its root, its own content/ layered over the handbook.

`handbook new DIR` makes one; in it, `handbook check|build|serve` with no options take the
base handbook (base.py) and the clinic's content/ as a layer (layers.py), and build with a
MkDocs configuration generated here: INHERIT of the handbook's mkdocs.yml with the clinic's
settings applied, read by MkDocs' own loader. Stage: source (reading inputs).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import AfterValidator, Field, StringConstraints

from generator.errors import ContentError, ContentProblem, HandbookError
from generator.safety import urls
from generator.source.base import Base
from generator.source.load import Loaded, validate_model
from generator.source.model import Clinic, Expects, Slug
from generator.source.themetext import LONGEST, text_problem
from generator.source.yamlsource import read_yaml

#: The file that makes a folder a clinic project.
PROJECT_FILE = "clinic.yml"
#: Where a clinic project's build keeps the configuration generated for it.
GENERATED_CONFIG = Path("build") / "mkdocs.yml"

LanguageCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2}(-[a-z]{2})?$"),
    Expects("a language code such as es"),
]


class ClinicSettings(Clinic):
    """clinic.yml of a clinic project: the branding of cards and embeds (as the handbook's
    own content/clinic.yml), the site settings a clinic changes, and what it leaves out."""

    title: str | None = Field(None, description="The site's name (default: the handbook's).")
    short_name: str | None = Field(None, description="A name short enough for a phone's header.")
    address: Annotated[str, AfterValidator(urls.site_url)] | None = Field(
        None, description="The address the site is served at, such as https://clinic.org/feet/."
    )
    languages: list[LanguageCode] | None = Field(
        None, description="The languages to publish (default: all the handbook has)."
    )
    colours: Literal["light and dark", "light", "dark"] = Field(
        "light and dark", description="The colour schemes the site offers."
    )
    hide: list[Slug] = Field(
        default_factory=list, description="Ids of handbook exercises and routines to leave out."
    )


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
    from generator.source.base import base_handbook

    return [project.file, base_handbook().content]


def load_settings(project: Project, shown: str = PROJECT_FILE) -> Loaded[ClinicSettings]:
    """clinic.yml, checked; ContentError with every problem, each at its line."""
    source, problems = read_yaml(project.file, shown, project.root)
    if source is None:
        raise ContentError(problems)
    loaded, problems = validate_model(source, ClinicSettings)
    if loaded is None:
        raise ContentError(problems)
    settings = loaded.model
    for key in ("title", "short_name"):
        value = getattr(settings, key)
        longest = LONGEST["site_name" if key == "title" else "extra.short_name"]
        found = text_problem(value, longest) if value is not None else None
        if found:
            problems.append(ContentProblem(shown, source.line((key,)), key, found))
    if settings.languages is not None and "en" not in settings.languages:
        problems.append(
            ContentProblem(
                shown,
                source.line(("languages",)),
                "languages",
                "English (en) is always published: it is the handbook's own language and the "
                "site's root; add en",
            )
        )
    if problems:
        raise ContentError(problems)
    return loaded


def branding(settings: ClinicSettings) -> Clinic:
    """The clinic's branding alone, as cards and embeds read it."""
    return Clinic(**{name: getattr(settings, name) for name in Clinic.model_fields})


_SCHEMES = {"light": "default", "dark": "slate"}


def generated_config(project: Project, settings: ClinicSettings, base: Base) -> str:
    """The project's MkDocs configuration: the handbook's mkdocs.yml (INHERIT) with the
    clinic's settings, and the theme's overrides and hooks named where the handbook is."""
    config: dict[str, object] = {
        "INHERIT": str(base.config.resolve()),
        "docs_dir": "docs/en",
        "site_dir": "../site",
        "theme": {"custom_dir": str(base.overrides.resolve())},
        "hooks": [str(base.hooks.resolve())],
    }
    if settings.title is not None:
        config["site_name"] = settings.title
    if settings.short_name is not None:
        config["extra"] = {"short_name": settings.short_name}
    if settings.address is not None:
        config["site_url"] = settings.address
    if settings.colours != "light and dark":
        theme = config["theme"]
        assert isinstance(theme, dict)
        theme["palette"] = [
            {"scheme": _SCHEMES[settings.colours], "primary": "custom", "accent": "custom"}
        ]
    head = (
        "# Generated by `handbook` from clinic.yml over the handbook's own mkdocs.yml: "
        "edit clinic.yml, not this file.\n"
    )
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=True)


class NotAProject(HandbookError):
    """A command for a clinic project ran elsewhere."""
