"""Pictures: only those the content names are read, checked, and published as re-written.

A picture is published only when an exercise or the clinic's logo names it, so nothing else
lying in content/images (or linked into it) reaches the site. Each is read as a regular file
inside the content folder, with a size cap. An SVG is served as svgsafe re-wrote it from its
parsed tree, so what is served is exactly what was checked.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import ContentProblem
from generator.safety.pngsafe import check_png
from generator.safety.svgsafe import check_svg
from generator.source.contentfile import UnreadableFile, read_content_file
from generator.source.load import Content
from generator.source.yamlsource import KeyPath, Source, key_path

#: The largest picture accepted: a line drawing or a logo is a few tens of kilobytes.
MAX_PICTURE_BYTES = 1024 * 1024

#: Where a picture is named: the file and the key path in it.
Place = tuple[Source, KeyPath]


def read_pictures(content: Content, problems: list[ContentProblem]) -> dict[str, bytes]:
    """The named pictures, checked, by file name; every problem is added to `problems`."""
    pictures = {}
    for name, places in sorted(_named_pictures(content).items()):
        # A clinic project looks in its own images/ first, then in the handbook's.
        folders = content.picture_folders or [(content.root, content.shown_root)]
        present = [(root, at) for root, at in folders if _exists(root / "images" / name)]
        root, shown_root = (present or folders)[0]
        path = root / "images" / name
        shown = f"{shown_root}/images/{name}"
        if not present:
            problems += [
                _at(place, f"picture '{name}' not found in {shown_root}/images/")
                for place in places
            ]
            continue
        try:
            data = read_content_file(path, root, MAX_PICTURE_BYTES)
        except UnreadableFile as error:
            problems.append(ContentProblem(shown, 0, "", str(error)))
            continue
        if name.endswith(".svg"):
            checked = check_svg(data)
            problems += [ContentProblem(shown, line, "", text) for line, text in checked.located]
            if checked.clean is not None:
                pictures[name] = checked.clean
        else:
            found = check_png(data)
            problems += [ContentProblem(shown, 0, "", problem) for problem in found]
            pictures[name] = data
    return pictures


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _named_pictures(content: Content) -> dict[str, list[Place]]:
    named: dict[str, list[Place]] = {}
    for item in content.exercises:
        named.setdefault(item.model.picture.file, []).append((item.source, ("picture", "file")))
    if content.clinic is not None and content.clinic.model.logo is not None:
        logo = content.clinic.model.logo
        named.setdefault(logo, []).append((content.clinic.source, ("logo",)))
    return named


def _at(place: Place, message: str) -> ContentProblem:
    source, loc = place
    return ContentProblem(source.path, source.line(loc), key_path(loc), message)
