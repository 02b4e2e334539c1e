"""MkDocs' build, with the pages shared out between forked worker processes.

MkDocs renders pages one after another on one core; at a thousand exercises that is about
9 ms a page, most of the full build. No maintained plugin parallelises MkDocs 1.6, so this
module runs the steps of `mkdocs.commands.build.build` (1.6.1, pinned in pyproject.toml)
itself: everything up to the navigation once, then the workers render the pages, and the
parent writes the search index and counts warnings as MkDocs would.

The pages and static files are dealt into a few tasks per worker, biggest first, and each
worker takes the next task as soon as it is free, so no worker waits on a slow share; the
first task also renders the theme's own pages. Workers send back each page's search
entries and anchors, so the parent checks links to anchors across all pages, as MkDocs
does. A test builds the same pages serially and in parallel and compares the outputs
byte for byte, so a change of MkDocs that breaks this shows up there.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import partial
from typing import Any

from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from .forking import cpu_count, fork_map, workers_for

#: Below this many pages the cost of forking outweighs the gain.
MIN_PAGES_PER_WORKER = 50
#: Tasks per worker: enough that the last tasks to finish are short, few enough to cost little.
TASKS_PER_WORKER = 8

log = logging.getLogger("mkdocs.commands.build")


@dataclass
class _Plan:
    """What every worker needs (forked workers inherit it: it is never pickled)."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    #: Per task: the pages it renders and the static files it copies.
    pages: list[list[File]]
    static: list[list[File]]
    workers: int
    #: The theme environment of this process, made by its first task (see _environment).
    env: Any = None


@dataclass(frozen=True)
class _Rendered:
    """What the parent needs to know of one page a worker built."""

    search_entries: list[dict[str, Any]]
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]]


@dataclass(frozen=True)
class _Result:
    pages: dict[str, _Rendered]
    records: list[tuple[str, int, str]]
    error: str | None


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.records.append((record.name, record.levelno, record.getMessage()))


def worker_count(pages: int) -> int:
    """How many workers suit `pages` pages on this machine (1 means build serially)."""
    return workers_for(pages, cpu_count(), MIN_PAGES_PER_WORKER)


def build(config: MkDocsConfig, jobs: int | None = None) -> None:
    """Build the site like `mkdocs build`, rendering pages in `jobs` processes."""
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger("mkdocs").addHandler(counter)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        plan = _plan(config, files, nav, jobs)
        rendered = _run_workers(plan)
        if plan.workers > 1:
            _merge_search_entries(config, files, rendered)
            _check_anchor_links(config, files, rendered)
        config.plugins.on_post_build(config=config)
        if counts := counter.get_counts():
            message = ", ".join(f"{count} {level.lower()}s" for level, count in counts)
            raise Abort(f"Aborted with {message} in strict mode!")
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!") from None
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)


def _plan(config: MkDocsConfig, files: Files, nav: Navigation, jobs: int | None) -> _Plan:
    pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
    for file in pages:
        if file.page is None:
            Page(None, file, config)
    static = [
        file
        for file in files
        if not file.is_documentation_page() and file.inclusion.is_included()  # type: ignore[no-untyped-call]  # untyped in MkDocs
    ]
    workers = max(1, min(jobs, len(pages))) if jobs else worker_count(len(pages))
    if _outputs_collide(pages, static):
        workers = 1  # MkDocs lets a page overwrite a static file: keep its order
    tasks = 1 if workers == 1 else workers * TASKS_PER_WORKER
    return _Plan(config, files, nav, _deal(pages, tasks), _deal(static, tasks), workers)


def _deal(files: list[File], tasks: int) -> list[list[File]]:
    """Deal files round-robin, biggest first, into `tasks` hands of about equal weight."""
    hands: list[list[File]] = [[] for _ in range(tasks)]
    for index, file in enumerate(sorted(files, key=_source_size, reverse=True)):
        hands[index % tasks].append(file)
    return hands


def _source_size(file: File) -> int:
    # Rendering time grows with the page's length; a fixed part covers the theme template.
    return 4000 + (os.path.getsize(file.abs_src_path) if file.abs_src_path else 0)


def _outputs_collide(pages: list[File], static: list[File]) -> bool:
    return not {file.abs_dest_path for file in pages}.isdisjoint(
        file.abs_dest_path for file in static
    )


def _run_workers(plan: _Plan) -> dict[str, _Rendered]:
    tasks = range(len(plan.pages))
    results = fork_map(partial(_work, plan), tasks, plan.workers, dynamic=True)
    plan.env = None
    rendered: dict[str, _Rendered] = {}
    for result in results:
        for name, level, message in result.records:
            logging.getLogger(name).log(level, message)
        rendered.update(result.pages)
    errors = [result.error for result in results if result.error]
    if errors:
        raise BuildError("; ".join(errors))
    return rendered


def _work(plan: _Plan, task: int) -> _Result:
    """One task: render its pages, copy its static files, report what it logged."""
    capture = _Capture()
    mkdocs_logger = logging.getLogger("mkdocs")
    saved = mkdocs_logger.handlers[:], mkdocs_logger.propagate
    if plan.workers > 1:
        mkdocs_logger.handlers[:] = [capture]
        mkdocs_logger.propagate = False
    try:
        return _Result(_render_task(plan, task), capture.records, None)
    except Exception as error:  # reported by the parent, like MkDocs' own page errors
        return _Result({}, capture.records, str(error) or type(error).__name__)
    finally:
        mkdocs_logger.handlers[:], mkdocs_logger.propagate = saved


def _environment(plan: _Plan) -> Any:
    """The theme's Jinja environment, made once per process: it caches compiled templates."""
    if plan.env is None:
        config = plan.config
        plan.env = config.plugins.on_env(config.theme.get_env(), config=config, files=plan.files)
    return plan.env


def _render_task(plan: _Plan, task: int) -> dict[str, _Rendered]:
    config, files, nav = plan.config, plan.files, plan.nav
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    mine = {id(file) for file in plan.pages[task]}
    # MkDocs' page order, so the search index lists pages as a serial build would
    built = [file for file in doc_files if id(file) in mine]
    for file in built:
        assert file.page is not None
        mkdocs_build._populate_page(file.page, config, files)
    env = _environment(plan)
    for file in plan.static[task]:
        file.copy_file()
    if task == 0:
        for template in config.theme.static_templates:
            mkdocs_build._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mkdocs_build._build_extra_template(template, files, config, nav)
    index_entries = _search_entries(config)
    rendered = {}
    for file in built:
        page = file.page
        assert page is not None
        start = len(index_entries) if index_entries is not None else 0
        mkdocs_build._build_page(page, config, doc_files, nav, env)
        rendered[file.src_uri] = _Rendered(
            index_entries[start:] if index_entries is not None else [],
            page.present_anchor_ids,
            {to.src_uri: links for to, links in (page.links_to_anchors or {}).items()},
        )
    if plan.workers == 1:
        for file in built:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    return rendered


def _search_plugin(config: MkDocsConfig) -> Any | None:
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index"):
            return plugin
    return None


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    plugin = _search_plugin(config)
    return plugin.search_index.entries if plugin is not None else None


def _merge_search_entries(
    config: MkDocsConfig, files: Files, rendered: dict[str, _Rendered]
) -> None:
    """Put the workers' search entries into the parent's index in MkDocs' page order."""
    index_entries = _search_entries(config)
    if index_entries is None:
        return
    order = files.documentation_pages(inclusion=InclusionLevel.is_included)
    index_entries[:] = [
        entry
        for file in order
        if file.src_uri in rendered
        for entry in rendered[file.src_uri].search_entries
    ]


def _check_anchor_links(config: MkDocsConfig, files: Files, rendered: dict[str, _Rendered]) -> None:
    """Give the parent's pages the anchors the workers found, then let MkDocs check links."""
    order = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in order:
        if file.page is not None and file.src_uri in rendered:
            file.page.present_anchor_ids = rendered[file.src_uri].anchors
    for file in order:
        if file.page is None or file.src_uri not in rendered:
            continue
        targets = rendered[file.src_uri].links_to_anchors
        file.page.links_to_anchors = {
            target: links
            for uri, links in targets.items()
            if (target := files.get_file_from_path(uri)) is not None
        }
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
