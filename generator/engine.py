"""Stage 5: build the site from the generated pages with MkDocs, replacing site/ only on success.

MkDocs builds into a fresh staging folder beside the target, through its public `build`
command; the old site is swapped out only once the new one is complete, so a failed or killed
build leaves it as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import BuildError, HandbookError
from .folders import is_ours, mark, os_problem, remove_ours
from .siteconfig import SiteConfig, collected_logs


def build_site(
    site: SiteConfig,
    site_dir: Path,
    *,
    source_date_epoch: int | None = None,
    after_build: Callable[[Path], None] | None = None,
) -> None:
    """Run MkDocs into a staging folder, then put it in place of `site_dir`.

    `after_build` runs on the finished folder before the swap (PDF printing, for one); if it
    raises, the new folder is thrown away and the old site stays. `source_date_epoch` dates
    the sitemap unless SOURCE_DATE_EPOCH is already set.
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.absolute()
    remove_leftovers(site_dir)
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
        mark(staging)  # MkDocs leaves dot-files in place when it cleans its output folder
    except OSError as error:
        raise os_problem(error, f"make the site folder beside {site_dir}") from None
    site.mkdocs.site_dir = str(staging)
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if source_date_epoch is not None and previous_epoch is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    try:
        with collected_logs("mkdocs") as messages:
            try:
                build(site.mkdocs)
            except (MkDocsException, SystemExit) as error:
                details = "; ".join(messages) or str(error)
                raise BuildError(
                    f"the site build failed, the previous site was kept: {details}"
                ) from None
        if after_build is not None:
            after_build(staging)
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
