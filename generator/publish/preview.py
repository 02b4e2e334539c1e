"""The preview's quick path: after a save, which exercises and routines changed since the last
good generate, so that only their own pages are made again (pipeline.generate_for's `only`).

The whole content is still checked at every save; what is skipped is rendering and writing
the pages of entries that did not change, and the pages that list entries (indexes, the
builder's catalogue, the API), which the preview's banner says may lag until a full build.
Anything else that changed (a shared file, a picture, a file added or removed, the site's
configuration, the generator's own templates) makes the next generate a whole one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.publish.fingerprint import PACKAGE, entry_bytes
from generator.publish.write import files_under
from generator.render.pages.common import Focus
from generator.source.projectfolder import project_of
from generator.source.siteconfig import SiteConfig

#: A file of one exercise or routine, or its translation: the id is the file's name.
ENTRY_FILE = re.compile(r"content/(?:translations/[^/]+/)?(?:exercises|routines)/([^/]+)\.yml")

Held = dict[str, bytes]


@dataclass
class Preview:
    """What the inputs held at the last generate that succeeded, if any."""

    held: Held | None = None

    def focus(self, content_dir: Path, site: SiteConfig) -> tuple[Held | None, Focus | None]:
        """The inputs now, and what the next generate may be limited to (None: everything)."""
        now = inputs_now(content_dir, site)
        if now is None or self.held is None:
            return now, None
        return now, changed_entries(self.held, now)

    def succeeded(self, held: Held | None) -> None:
        self.held = held

    def failed(self) -> None:
        self.held = None  # a whole generate next: the banner and every page must agree


def inputs_now(content_dir: Path, site: SiteConfig) -> Held | None:
    """Every input of a generate by name (None for a clinic project, whose layers decide
    which entry's pages a file makes: its preview always generates everything)."""
    if project_of(content_dir) is not None or not content_dir.is_dir():
        return None
    held = {"settings": site.digest.encode()}
    try:
        for relative, entry in files_under(str(content_dir)):
            held[f"content/{relative}"] = entry_bytes(entry)
        for relative, entry in files_under(str(PACKAGE)):
            if "__pycache__/" not in relative:
                held[f"generator/{relative}"] = entry_bytes(entry)
    except OSError:
        return None
    return held


def changed_entries(before: Held, now: Held) -> Focus | None:
    """The ids whose files changed, when nothing else did; else None."""
    if before.keys() != now.keys():
        return None
    ids = set()
    for name, data in now.items():
        if before[name] == data:
            continue
        entry = ENTRY_FILE.fullmatch(name)
        if entry is None:
            return None
        ids.add(entry.group(1))
    return Focus(frozenset(ids))
