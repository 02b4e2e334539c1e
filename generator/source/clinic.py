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
from generator.source.siteconfig import LONGEST, text_problem
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


def write_config(project: Project, base: Base) -> Path:
    """Write the generated configuration (when it changed) and return its path."""
    text = generated_config(project, load_settings(project).model, base)
    path = project.config
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    except OSError as error:
        from generator.publish.folders import os_problem

        raise os_problem(error, f"write {path}") from None
    return path


# --- handbook new ---------------------------------------------------------------------------

CLINIC_YML = """\
# Your clinic's edition of the foot-exercise handbook. Every key is optional but name.
# Cards and embeds show the name, phone, website and logo; accent colours them (#rrggbb).
name: {name}
# phone: +44 20 7946 0000
# website: https://clinic.example.org/
# logo: logo.svg            # a file in content/images/: a plain SVG, or a PNG 600 px wide
# accent: "#1f6f8b"

# The site: its name, its address, its languages and colours.
# title: Foot exercises at the Riverside Clinic
# short_name: Riverside feet  # at most 20 characters, for phones
address: https://clinic.example.org/handbook/
# languages: [en, es, de]     # English is always published
# colours: light and dark     # or: light, dark

# Handbook exercises and routines to leave out, by id (see the handbook's Exercises page).
hide: []
"""

README = """\
# {name}: the foot-exercise handbook, clinic edition

This folder is a *layer* over the foot-exercise handbook. The handbook (its exercises,
routines, safety advice, evidence and translations) comes with the `handbook` command;
this folder holds only what is yours:

- `clinic.yml`: your name, phone, website, logo and accent colour for cards and embeds, the
  site's title, address, languages and colours, and `hide:`, the handbook's exercises and
  routines to leave out.
- `content/exercises/<id>.yml`, `content/routines/<id>.yml`: your own exercises and
  routines, written as the handbook's are (the handbook's README has the field tables). They
  may link to the handbook's exercises (`easier`, `harder`, a routine's entries) and use the
  handbook's pictures by name.
  A file whose id is a handbook id replaces the handbook's entry only if it says so with
  `replaces: <id>`; run `handbook stamp` to record which version of the handbook's entry
  you started from, and `handbook check` tells you when that entry changes.
- `content/images/`: your pictures and logo. `content/translations/<language>/`: your
  translations, as in the handbook (a `language.yml` and files of the same names).

Commands, run in this folder:

    handbook check     # every problem, each with its file and line
    handbook build     # the site, in site/
    handbook serve     # a preview at http://127.0.0.1:8000 that follows your edits

To take in a new handbook version, upgrade the package (`pip install -U foot-handbook`, or
from the git address you installed from), then run `handbook check`: it names every file
that replaces a handbook entry which has changed since, and `handbook build`.
"""

GITIGNORE = """\
# Made by `handbook build` and `handbook serve`: rebuilt from clinic.yml and content/.
/build/
/site/
/.site.lock
"""


def new_project(folder: Path) -> list[Path]:
    """Make a clinic project in `folder` (missing or empty); never touch a user's files."""
    from generator.publish.folders import FolderError, os_problem

    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise FolderError(f"{folder}: there is a file of that name: choose a new folder name")
    if folder.is_dir() and any(folder.iterdir()):
        raise FolderError(
            f"{folder}: the folder is not empty, and `handbook new` never writes over your "
            "files: choose a new folder name"
        )
    name = folder.absolute().name.replace("-", " ").replace("_", " ").strip().title()
    name = name if text_problem(name, 40) is None else "My clinic"
    files = {
        PROJECT_FILE: CLINIC_YML.format(name=yaml.safe_dump(name, width=200).split("\n")[0]),
        "README.md": README.format(name=name),
        ".gitignore": GITIGNORE,
    }
    made = []
    try:
        for sub in ("exercises", "routines", "images", "translations"):
            keep = folder / "content" / sub / ".gitkeep"
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.touch()
        for relative, text in files.items():
            path = folder / relative
            path.write_text(text, encoding="utf-8")
            made.append(path)
    except OSError as error:
        raise os_problem(error, f"make the clinic project {folder}") from None
    return made


class NotAProject(HandbookError):
    """A command for a clinic project ran elsewhere."""
