"""The handbook offline, on the reader's choice: the site's service worker (/sw.js, at the
site's root only) with the build's fingerprint written in, and each edition's short notice
for a page that was not kept (offline/).

The worker is registered by assets/offline.js only when the reader presses "Keep this on my
phone" (templates/companion.md.j2), so nothing is cached before that press.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from jinja2 import Environment

from generator.i18n.languages import SOURCE_LANGUAGE
from generator.render.pages.common import Pages, Settings, html_page
from generator.source.book import Book

#: The worker's source, a file among the templates; VERSION_MARK is replaced with the build's.
WORKER = "sw.js"
VERSION_MARK = "__HB_VERSION__"
#: Folders of the generator whose files shape the pages a reader keeps.
SHAPING = ("assets", "i18n/locales")
#: The generator package's folder (this file's, not `generator.__file__`: a project folder
#: holding a generator/ of its own, such as mkdocs_hooks.py, can shadow the package name).
GENERATOR = Path(__file__).resolve().parents[2]


def offline_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    """The notice of this edition, and, for the edition at the site's root, the worker."""
    pages = [html_page(env, "offline.html.j2", "offline", settings=settings, home=settings.url(""))]
    if settings.lang.code == SOURCE_LANGUAGE:
        pages.append((WORKER, worker_source(env, build_version(book, settings, env))))
    return pages


def worker_source(env: Environment, version: str) -> str:
    source, _file, _uptodate = env.loader.get_source(env, WORKER)  # type: ignore[union-attr]
    if source.count(VERSION_MARK) != 1:
        raise ValueError(f"{WORKER}: expected {VERSION_MARK} once")
    return source.replace(VERSION_MARK, json.dumps(version)[1:-1])


def build_version(book: Book, settings: Settings, env: Environment) -> str:
    """The content's version and a digest of what the kept pages are made from: the
    content, the site's address, the templates, scripts, styles and interface words. Any
    change makes a new sw.js, and so new kept copies the next time the reader is online."""
    digest = hashlib.sha256()
    for part in (repr(book.handbook), repr(book.exercises), repr(book.routines)):
        digest.update(part.encode())
    digest.update(repr((book.safety, book.clinic, settings.site_url)).encode())
    for name, data in sorted(book.images.items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    for name in sorted(env.list_templates()):
        source, _file, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
        digest.update(name.encode() + b"\0" + source.encode())
    root = GENERATOR
    for folder in SHAPING:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix != ".pot":
                digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return f"{book.handbook.version}-{digest.hexdigest()[:16]}"
