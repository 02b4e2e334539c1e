"""The layer contract: the folder tree reads as the pipeline, and data flows one way.

Every import between the generator's modules (function-level ones included) goes from a
higher layer to a lower one or stays in its own; page modules import no other page module
but the shared one; and there is no import circle anywhere.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

#: Lowest first. A module may import modules of its own layer and of the layers before it.
LAYERS = (
    ("errors", "timings", "safety", "i18n"),
    ("source",),
    ("rules",),
    ("check",),
    ("render",),
    ("publish",),
    ("pipeline",),
    ("cli", "mkdocs_hooks"),
)
#: Page modules share what they share through these, never through each other. A shared
#: module makes no page of its own (see test_shared_page_modules_make_no_page).
SHARED_PAGE_MODULES = {
    "generator.render.pages.common",  # settings, links, pictures, page front matter
    "generator.render.pages.embedding",  # embed and oEmbed paths, the snippet
    "generator.render.pages.cardparts",  # what a printed card shares with the builder's
    "generator.render.pages.session",  # the guided session's plan and Start button
    "generator.render.pages.script_words",  # the words the pages' scripts are given
}
TESTS = PACKAGE.parent / "tests"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, name: str, known: set[str]) -> Iterator[tuple[int, str]]:
    """(line, module) for every import of a generator module in `path`, wherever it stands."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                stem = package[: len(package) - node.level + 1]
                base = ".".join([*stem, *([base] if base else [])])
            # `from package import module` imports that module, `from module import name` the module
            sub = [f"{base}.{alias.name}" for alias in node.names]
            targets = [t for t in sub if t in known] or [base]
        for target in targets:
            if target in known:
                yield node.lineno, target


def layer(name: str) -> int:
    top = name.split(".")[1] if "." in name else name
    for index, names in enumerate(LAYERS):
        if top in names:
            return index
    raise AssertionError(f"{name} is in no layer: add its folder to LAYERS")


def graph() -> dict[str, list[tuple[int, str]]]:
    found = modules()
    known = set(found)
    return {name: list(imports_of(path, name, known)) for name, path in found.items()}


def test_every_module_belongs_to_a_layer() -> None:
    for name in modules():
        if name != "generator":
            layer(name)


def test_imports_run_down_the_layers() -> None:
    upward = [
        f"{name}:{line} imports {target}"
        for name, edges in graph().items()
        if name != "generator"
        for line, target in edges
        if target != "generator" and layer(target) > layer(name)
    ]
    assert upward == []


def test_page_modules_do_not_import_each_other() -> None:
    pages = "generator.render.pages."
    sideways = [
        f"{name}:{line} imports {target}"
        for name, edges in graph().items()
        if name.startswith(pages)
        for line, target in edges
        if target.startswith(pages) and target not in SHARED_PAGE_MODULES
    ]
    assert sideways == []


def test_shared_page_modules_make_no_page() -> None:
    """A module is shared because it makes no page kind: it cannot hide a page among them."""
    from generator.render import pages

    kinds = [*pages.PAGE_KINDS, *pages.FILE_KINDS]
    makers = {kind.__module__ for kind in kinds} | {"generator.render.pages.cards"}
    assert set(modules()) >= SHARED_PAGE_MODULES, "a shared module that does not exist"
    assert makers & SHARED_PAGE_MODULES == set()


def test_shared_page_modules_import_no_page_module() -> None:
    pages = "generator.render.pages."
    found = graph()
    wrong = [
        f"{name}:{line} imports {target}"
        for name in sorted(SHARED_PAGE_MODULES)
        for line, target in found[name]
        if target.startswith(pages) and target not in SHARED_PAGE_MODULES
    ]
    assert wrong == []


def test_tests_import_no_other_test_module() -> None:
    """Helpers shared by test modules live in helper modules or conftest.py, not in a test."""
    wrong = []
    for path in sorted(TESTS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [
                    f"{node.module}.{a.name}" if node.module else a.name for a in node.names
                ]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            if any(name.rsplit(".", 1)[-1].startswith("test_") for name in names):
                wrong.append(f"{path.name}:{node.lineno}")
    assert wrong == []


def test_no_import_circle() -> None:
    edges = {name: {target for _, target in found} for name, found in graph().items()}
    # A package's __init__ importing its own modules is how Python loads it, not a circle.
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges.get(name, ())):
            if name.startswith(target + "."):
                continue  # a module importing its own package
            if state.get(target) == 1:
                circles.append(
                    [*trail[trail.index(target) :], target] if target in trail else [name, target]
                )
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert circles == []


@pytest.mark.parametrize("folder", ["generator", "scripts"])
def test_no_source_file_over_400_lines(folder: str) -> None:
    root = PACKAGE.parent / folder
    sources = [*root.rglob("*.py"), *root.rglob("*.js")]
    long = {
        str(path.relative_to(root.parent)): count
        for path in sources
        if "vendor" not in path.parts and (count := len(path.read_text("utf-8").splitlines())) > 400
    }
    assert long == {}
