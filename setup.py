"""Packaging step that pyproject.toml cannot declare: the handbook's own content, mkdocs.yml
and overrides/ stay at the top of the repository, where authors edit them, and a wheel carries
a copy of them as package data under generator/bundle/ (see generator/base.py, which finds
the checkout when running from one and this copy otherwise)."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: What the bundle holds: the base handbook a clinic project builds on.
BUNDLED = ("mkdocs.yml", "content", "overrides")


class BuildWithBundle(build_py):  # type: ignore[misc]
    """build_py, then copy the base handbook into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install runs from the checkout itself
            return
        bundle = Path(self.build_lib) / "generator" / "bundle"
        shutil.rmtree(bundle, ignore_errors=True)
        bundle.mkdir(parents=True)
        for name in BUNDLED:
            source = HERE / name
            if source.is_dir():
                shutil.copytree(
                    source, bundle / name, ignore=shutil.ignore_patterns(".*", "__pycache__")
                )
            else:
                shutil.copy2(source, bundle / name)


setup(cmdclass={"build_py": BuildWithBundle})
