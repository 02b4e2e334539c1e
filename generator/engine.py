"""Stage 5: build the site from the generated pages with MkDocs, replacing site/ only on success.

The engine builds into a fresh folder beside the target; the old site is swapped out only
after the new one is complete, so a failed build leaves it as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import BuildError


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    *,
    site_url: str | None,
    strict: bool = True,
    source_date_epoch: int | None = None,
    after_build: Callable[[Path], None] | None = None,
    jobs: int | None = None,
) -> None:
    """Run MkDocs into a temporary folder, then move it to `site_dir`.

    `after_build` runs on the finished folder before the swap (PDF printing, for one); if it
    raises, the new folder is thrown away and the old site stays. `jobs` is how many
    processes render pages (default: one per CPU for a big site, one for a small one).
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from . import mkdocs_parallel

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    overrides: dict[str, Any] = {
        "docs_dir": str(docs_dir.resolve()),
        "site_dir": str(staging),
        "strict": strict,
    }
    if site_url:
        overrides["site_url"] = site_url
    collector = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    # Material 9.8 prints a notice about MkDocs 2 on every build; it is not about this site.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if source_date_epoch is not None and previous_epoch is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    try:
        config = load_config(str(config_file), **overrides)
        mkdocs_parallel.build(config, jobs)
        if after_build is not None:
            after_build(staging)
    except (MkDocsException, OSError, SystemExit) as error:
        shutil.rmtree(staging, ignore_errors=True)
        details = "; ".join(collector.messages) or str(error)
        raise BuildError(f"the site build failed, the previous site was kept: {details}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        mkdocs_log.removeHandler(collector)
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
    swap_in(staging, site_dir)


def remove_leftovers(site_dir: Path) -> None:
    """Delete staging folders that a killed build left beside the site."""
    for leftover in site_dir.parent.glob(f".{site_dir.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Put a finished build in place of the old one with two renames."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
