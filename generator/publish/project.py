"""Writing a clinic project: `handbook new DIR` makes one (clinic.yml, an empty content/,
README, .gitignore), and each command in it writes the MkDocs configuration generated for it
(source/clinic.py reads the project and makes that configuration's text).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.publish.folders import FolderError, os_problem
from generator.source.base import Base
from generator.source.clinic import generated_config, load_settings
from generator.source.projectfolder import PROJECT_FILE, Project
from generator.source.themetext import text_problem


def write_config(project: Project, base: Base) -> Path:
    """Write the generated configuration (when it changed) and return its path."""
    text = generated_config(project, load_settings(project).model, base)
    path = project.config
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    except OSError as error:
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
