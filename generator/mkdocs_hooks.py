"""Thin glue for `mkdocs serve`: watch content/, regenerate the pages before each rebuild,
and show content problems on the page.

Nothing the site needs lives here: `handbook generate` writes every page, so an engine that
runs no hooks (Zensical) builds the same site.
"""

from __future__ import annotations

import html
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.publish.preview import Preview

# The generator's modules are imported inside the hooks that serve: every build that reads
# mkdocs.yml loads this file (each language's, and a plain `mkdocs build`), and importing
# them up here cost each such build about a quarter of a second for hooks that do nothing.

_serving = False
#: The problems of the last generate under serve, shown on every page until fixed.
_problems: list[str] = []
_started = 0.0
#: Whether the pages built last showed problems; when that changes, every page is rebuilt.
_shown_problems = False
#: What the last good generate read, so that the next renders only the entries that changed.
_preview: Preview | None = None


def _content() -> Path:
    from generator.pipeline import DEFAULT_CONTENT

    return Path(os.environ.get("HANDBOOK_CONTENT", DEFAULT_CONTENT))


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    # The pages are the generator's output, written before each build: watched, every save
    # would build twice (once for the content, once more for the pages it wrote).
    from generator.source.projectfolder import project_of

    server.unwatch(config["docs_dir"])
    server.watch(str(_content().resolve()))
    project = project_of(_content())
    if project is not None:  # a clinic's branding and hidden entries live in its clinic.yml
        server.watch(str(project.file.resolve()))
    return server


def on_pre_build(config: Any) -> None:
    global _started, _preview
    if not _serving:
        return
    from generator import pipeline
    from generator.errors import HandbookError
    from generator.publish import folders
    from generator.publish.preview import Preview
    from generator.source import siteconfig

    _started = time.monotonic()
    _problems.clear()
    if _preview is None:
        _preview = Preview()
    try:
        site = siteconfig.from_mkdocs(config)
        docs = Path(config["docs_dir"]).parent  # the folder of every language's pages
        with folders.locked(docs):
            held, only = _preview.focus(_content(), site)
            pipeline.generate_for(site, _content(), docs, only=only)
        _preview.succeeded(held)
    except HandbookError as error:
        _preview.failed()
        # Printed, not logged: MkDocs counts logged warnings and would abort in strict mode.
        _problems.extend(str(error).splitlines())
        print(f"{error}\nserving the last good pages until this is fixed", file=sys.stderr)
    _rebuild_all_when_problems_change(Path(config["docs_dir"]).parent)


def _rebuild_all_when_problems_change(docs: Path) -> None:
    """The banner is on every page of every language: when problems appear or go, every page
    must be rebuilt, and a dirty rebuild takes only files newer than their pages, so they are
    touched."""
    global _shown_problems
    if bool(_problems) == _shown_problems:
        return
    _shown_problems = bool(_problems)
    for page in docs.rglob("*.md"):
        page.touch()


#: How the problems reach the other languages' builds, which run in processes of their own;
#: set (empty when there are none) only in the preview's builds.
_PROBLEMS_VARIABLE = "HANDBOOK_SERVE_PROBLEMS"


def _previewing() -> bool:
    return _serving or _PROBLEMS_VARIABLE in os.environ


def on_env(env: Any, config: Any, files: Any) -> Any:
    # The served build keeps the theme compiled as the handbook's other builds do (see
    # engine.compiled_theme): a rebuild follows every save.
    if _serving:
        from generator.publish.engine import compiled_theme

        env.bytecode_cache = compiled_theme(Path(config["docs_dir"]).parent)
    return env


def on_post_page(output: str, page: Any, config: Any) -> str:
    # The served (English) build knows its problems; the other languages' builds, in
    # processes of their own, are told them.
    problems = _problems if _serving else os.environ.get(_PROBLEMS_VARIABLE, "").splitlines()
    if not problems:
        return _with_banner(output, _PREVIEW_NOTE) if _previewing() else output
    items = "".join(f"<li>{html.escape(line)}</li>" for line in problems)
    banner = (
        '<div role="alert" lang="en" style="background:#fff3cd;color:#000;border:2px solid #8a6d00;'
        'padding:1em;margin:0;font:16px/1.4 monospace">'
        "<strong>The content has problems; these are the last good pages.</strong>"
        f"<ul>{items}</ul></div>"
    )
    return _with_banner(output, banner)


#: Shown at the top of every page the preview builds: it rebuilds only the pages a change
#: touches (MkDocs' dirty reload), so lists and search may show the old words for a while.
_PREVIEW_NOTE = (
    '<div role="note" lang="en" style="background:#eef;color:#000;padding:.3em 1em;margin:0;'
    'font:14px/1.4 sans-serif">Preview: a change rebuilds the pages it touches at once; lists '
    "and search may show the old words until the next full build (<code>handbook build</code>, "
    "or restart the preview).</div>"
)


def _with_banner(output: str, banner: str) -> str:
    head, found, rest = output.partition("<body")
    if not found:
        return banner + output
    tag_end = rest.index(">") + 1
    return f"{head}<body{rest[:tag_end]}{banner}{rest[tag_end:]}"


def on_post_build(config: Any) -> None:
    if not _serving:
        return
    from generator import pipeline
    from generator.publish import serve

    docs = Path(config["docs_dir"]).parent
    for failure in serve.build_other_languages(
        pipeline.language_configs(docs),
        Path(config["site_dir"]),
        {_PROBLEMS_VARIABLE: "\n".join(_problems)},
    ):
        print(f"the preview of {failure}", file=sys.stderr)
    state = "with content problems" if _problems else "content OK"
    print(f"rebuilt in {time.monotonic() - _started:.2f} s ({state})", file=sys.stderr)
