"""Stage 5: build the site from the generated pages with MkDocs, replacing site/ only on success.

MkDocs builds into a fresh staging folder beside the target, through its public `build`
command; the old site is swapped out only once the new one is complete, so a failed or killed
build leaves it as it was. An interrupted build (SIGINT, SIGTERM) kills its language builds and
removes its staging folders before it ends; a killed one (SIGKILL) takes its workers with it
(see forking.py) and leaves staging folders that the next build removes.
"""

from __future__ import annotations

import gzip
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from generator import timings
from generator.errors import BuildError, HandbookError
from generator.publish.folders import (
    cache_dir,
    compiled_templates,
    is_ours,
    mark,
    os_problem,
    remove_ours,
)
from generator.publish.forking import cpu_count, no_interrupts, pool_map, worker_pool
from generator.source.siteconfig import SiteConfig, collected_logs

if TYPE_CHECKING:
    from jinja2 import BytecodeCache


def build_site(
    site: SiteConfig,
    site_dir: Path,
    *,
    languages: list[tuple[Path, str]] | None = None,
    source_date_epoch: int | None = None,
    after_build: Callable[[Path], None] | None = None,
    jobs: int | None = None,
) -> None:
    """Run MkDocs into a staging folder, then put it in place of `site_dir`.

    With `languages` (each a generated configuration and the folder its pages go to, "" for
    the root), each language is one plain MkDocs build in a process of its own, run side by
    side (at most `jobs` at once, one per CPU by default; with one, here, one after another),
    all into the one staging folder; else the one configuration `site` is built here.
    `after_build` runs on the finished folder before the swap (PDF printing, for one); if it
    raises, the new folder is thrown away and the old site stays. `source_date_epoch` dates
    the sitemap unless SOURCE_DATE_EPOCH is already set.
    """
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.absolute()
    remove_leftovers(site_dir)
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = new_staging(site_dir)
        mark(staging)  # MkDocs leaves dot-files in place when it cleans its output folder
    except OSError as error:
        raise os_problem(error, f"make the site folder beside {site_dir}") from None
    site.mkdocs.site_dir = str(staging)
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if source_date_epoch is not None and previous_epoch is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    try:
        if languages:
            _build_languages(languages, staging, jobs or cpu_count())
            merge_sitemaps(staging, [folder for _, folder in languages if folder])
        else:
            with collected_logs("mkdocs") as messages:
                try:
                    with timings.stage("MkDocs build mkdocs.yml"):
                        _build_here(site.mkdocs)
                except (MkDocsException, SystemExit) as error:
                    details = "; ".join(messages) or str(error)
                    raise BuildError(
                        f"the site build failed, the previous site was kept: {details}"
                    ) from None
        if after_build is not None:
            after_build(staging)
        with no_interrupts(), timings.stage("swap the new site in"):  # both renames, or neither
            swap_in(staging, site_dir)
    except OSError as error:
        remove_ours(staging)
        raise os_problem(error, "build the site; the previous site was kept") from None
    except BaseException:
        remove_ours(staging)
        raise
    finally:
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def _build_here(config: Any, dirty: bool = False) -> None:
    from mkdocs.commands.build import build

    config.plugins["handbook-compiled-theme"] = _compiled_theme_plugin()
    build(config, dirty=dirty)


def compiled_theme(docs: Path) -> BytecodeCache | None:
    """Where the theme's templates stay compiled between builds of the pages in `docs`.

    MkDocs makes a new Jinja environment for every build, which compiles every template of
    the theme again: a fifth of the build of a small language. Jinja checks each compiled
    template against its source; the folder is named for the versions of MkDocs and the
    theme, which set how their environment compiles.
    """
    from importlib.metadata import version

    folder = f"theme-mkdocs-{version('mkdocs')}-material-{version('mkdocs-material')}"
    return compiled_templates(cache_dir(docs) / folder)


def _compiled_theme_plugin() -> Any:
    """A plugin that gives each build's Jinja environment `compiled_theme` (for the handbook's
    own builds only: a plain `mkdocs build` of the pages compiles as MkDocs does)."""
    from mkdocs.plugins import BasePlugin

    class CompiledTheme(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
            env.bytecode_cache = compiled_theme(Path(config["docs_dir"]).parent)
            return env

    return CompiledTheme()


def build_language(config_file: str, site_dir: str, dirty: bool = False) -> str | None:
    """One plain MkDocs build of one language, in a worker process: None, or why it failed.
    `dirty`: MkDocs' dirty build, which makes only the pages whose source is newer."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with (
        collected_logs("mkdocs") as messages,
        timings.stage(f"MkDocs build {Path(config_file).name}"),
    ):
        try:
            _build_here(load_config(config_file, site_dir=site_dir), dirty)
        except (MkDocsException, SystemExit, OSError) as error:
            return "; ".join(messages) or str(error)
    return None


def _build_languages(languages: list[tuple[Path, str]], staging: Path, jobs: int) -> None:
    """Every language's build, side by side in processes of their own (MkDocs' builds are
    separate by design: this is how it runs in parallel), then moved into one folder.

    Each builds into a folder of its own beside the staging folder, since a build cleans
    its output folder first, which would take the other languages' folders with it.
    """
    outputs = []
    for _, folder in languages:
        output = staging if not folder else staging.with_name(f"{staging.name}-{folder}")
        output.mkdir(exist_ok=True)
        mark(output)
        outputs.append(output)
    configs = [str(config) for config, _ in languages]
    try:
        workers = min(len(configs), jobs)
        if workers == 1:
            results = list(map(build_language, configs, map(str, outputs)))
        else:
            with worker_pool(workers) as pool:
                results = list(pool_map(pool, build_language, configs, map(str, outputs)))
        failures = [failure for failure in results if failure]
        if failures:
            details = "; ".join(failures)
            raise BuildError(f"the site build failed, the previous site was kept: {details}")
        for (_, folder), output in zip(languages, outputs, strict=True):
            if folder:
                output.rename(staging / folder)
    finally:
        for output in outputs:
            if output != staging:
                remove_ours(output)


def merge_sitemaps(site: Path, folders: list[str]) -> None:
    """List every language's pages in the root sitemap (each build writes only its own)."""
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    ElementTree.register_namespace("", namespace)
    root_map = site / "sitemap.xml"
    if not root_map.is_file():
        return
    tree = ElementTree.parse(root_map)
    for folder in folders:
        other = site / folder.strip("/") / "sitemap.xml"
        if other.is_file():
            tree.getroot().extend(ElementTree.parse(other).getroot())
    ElementTree.indent(tree)
    data = ElementTree.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True) + b"\n"
    root_map.write_bytes(data)
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as packed:
        packed.write(data)


def new_staging(site_dir: Path) -> Path:
    """A new, empty staging folder beside `site_dir`, made as a plain mkdir would make it
    (mode 0777 less the umask, so 0755 usually), since it becomes the site a web server reads:
    a private temporary folder (0700) would make every page a 403."""
    while True:
        staging = site_dir.with_name(f".{site_dir.name}.new-{secrets.token_hex(4)}")
        try:
            staging.mkdir()
        except FileExistsError:
            continue
        return staging


def remove_leftovers(site_dir: Path) -> None:
    """Delete staging folders that a killed build left beside the site (only the handbook's)."""
    for pattern in (f".{site_dir.name}.new-*", f".{site_dir.name}.old-*"):
        for leftover in site_dir.parent.glob(pattern):
            remove_ours(leftover)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Put a finished build in place of the old one with two renames."""
    if site_dir.is_dir() and is_ours(site_dir):
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        site_dir.rename(old)
        staging.rename(site_dir)
        remove_ours(old)
        return
    if site_dir.exists():
        # Checked before the build; an empty folder of someone else's is replaced, nothing more.
        if not site_dir.is_dir() or any(site_dir.iterdir()):
            raise HandbookError(f"{site_dir} was not made by the handbook: it is left alone")
        site_dir.rmdir()
    staging.rename(site_dir)
