"""`make bench`: how the handbook scales. Prints a table; commit the script, not the figures.

For each catalogue size N it makes a synthetic content folder (N exercises, N/5 routines,
deterministic from a seed, valid against the real schema), then times, as medians of
several runs: the generator stage alone from nothing (no QR cache) and again with no
content change, the full `handbook build` from nothing (QR codes drawn by one process per
CPU, and with `--jobs 1`), the same build again with no change, and a plain `mkdocs build`
of the same generated Markdown. It also counts the files and folders that the rebuild with no change
wrote, created or deleted (the most of any run): there should be none. Then it builds the
bundled handbook with no translation, then with each one added, and measures the programme
builder's budgets.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
WORDS = [
    "gentle",
    "slow",
    "steady",
    "press",
    "lift",
    "hold",
    "roll",
    "stretch",
    "reach",
    "curl",
    "spread",
    "rise",
    "lower",
    "turn",
    "breathe",
    "relax",
    "balance",
    "foot",
    "toes",
    "heel",
    "arch",
    "ankle",
    "calf",
    "floor",
    "chair",
    "wall",
    "towel",
]
sys.path.insert(0, str(ROOT))
from generator.source.model import (  # noqa: E402
    EQUIPMENT,
    MAX_CARD_EXERCISES,
    MAX_TIMES_PER_DAY,
    POSITIONS,
    SITUATIONS,
    Exercise,
)


def most_items(field: str) -> int:
    """The most items the model allows in an exercise's list `field` (a card must hold them)."""
    return next(
        m.max_length for m in Exercise.model_fields[field].metadata if hasattr(m, "max_length")
    )


def sentence(rng: random.Random, words: int = 8) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def exercise(rng: random.Random, index: int, total: int) -> dict[str, object]:
    ident = f"exercise-{index:05d}"
    dosage: dict[str, object] = {
        "reps": rng.randint(1, 12),
        "repetition": sentence(rng, 5),
        "times_per_day": rng.randint(1, MAX_TIMES_PER_DAY),
        "days_per_week": rng.randint(1, 7),
    }
    if rng.random() < 0.5:
        dosage["hold_seconds"] = rng.randint(2, 30)
    else:
        dosage["duration_seconds"] = rng.randint(10, 60)
    if rng.random() < 0.6:
        dosage["per_side"] = rng.choice(["foot", "leg"])
    other = f"exercise-{(index + 1) % total:05d}"
    return {
        "id": ident,
        "name": f"Exercise {index}",
        "summary": sentence(rng),
        "purpose": " ".join(sentence(rng, 12) for _ in range(2)),
        "position": rng.choice(sorted(POSITIONS)),
        "equipment": [rng.choice(sorted(EQUIPMENT))],
        "body_areas": ["foot"],
        "dosage": dosage,
        "steps": [sentence(rng) for _ in range(rng.randint(3, most_items("steps")))],
        "cues": [sentence(rng, 5) for _ in range(2)],
        "common_mistakes": [sentence(rng, 6)],
        "cautions": [sentence(rng, 8)],
        "stop_if": "Stop if it hurts.",
        "easier": [{"name": "Smaller", "description": sentence(rng)}],
        "harder": [{"exercise": other}] if total > 1 else [],
        "tags": [rng.choice(["strength", "stretch", "mobility"])],
        "picture": {
            "file": "synthetic.svg",
            "alt": "A synthetic picture of a foot exercise.",
            "licence": "CC0-1.0",
            "origin": "Benchmark.",
        },
    }


def make_catalogue(folder: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for name in ("causes.yml", "references.yml", "safety.yml", "handbook.yml"):
        shutil.copy(FIXTURE / name, folder / name)
    (folder / "images").mkdir(parents=True)
    shutil.copy(FIXTURE / "images" / "toe-walking.svg", folder / "images" / "synthetic.svg")
    (folder / "exercises").mkdir()
    for index in range(count):
        data = exercise(rng, index, count)
        (folder / "exercises" / f"{data['id']}.yml").write_text(yaml.safe_dump(data))
    (folder / "routines").mkdir()
    for index in range(max(1, count // 5)):
        picks = rng.sample(range(count), min(count, rng.randint(3, MAX_CARD_EXERCISES)))
        routine = {
            "id": f"routine-{index:04d}",
            "name": f"Routine {index}",
            "summary": sentence(rng),
            "situation": rng.choice(sorted(SITUATIONS)),
            "description": sentence(rng, 14),
            "exercises": [{"exercise": f"exercise-{p:05d}"} for p in picks],
        }
        (folder / "routines" / f"{routine['id']}.yml").write_text(yaml.safe_dump(routine))


def timed(command: list[str], cwd: Path) -> float:
    # Flush what earlier steps wrote and deleted, so a run does not pay for its predecessor.
    os.sync()
    start = time.perf_counter()
    subprocess.run(
        command,
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - start


def mtimes(project: Path) -> dict[Path, int]:
    """Modification time of every file and folder the build writes (the plain builds aside)."""
    return {
        path: path.stat().st_mtime_ns
        for folder in ("build", "site")
        for path in [project / folder, *(project / folder).rglob("*")]
    }


def html_stats(site: Path) -> tuple[int, float, float]:
    pages = list(site.rglob("*.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    html = sum(p.stat().st_size for p in pages)
    return len(pages), total / 2**20, html / max(1, len(pages)) / 1024


def new_project(project: Path) -> None:
    """A folder with the handbook's configuration, overrides and hook, and no content."""
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hooks.py", project / "generator")


def measure(count: int, runs: int, seed: int, work: Path) -> dict[str, float]:
    project = work / f"n{count}"
    new_project(project)
    make_catalogue(project / "content", count, seed)
    handbook = str(Path(sys.executable).with_name("handbook"))
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    generate, unchanged, full, rebuild, serial, plain = [], [], [], [], [], []
    rewritten = 0
    for run in range(runs):
        shutil.rmtree(project / "build", ignore_errors=True)
        generate.append(timed([handbook, "generate"], project))
        unchanged.append(timed([handbook, "generate"], project))
        shutil.rmtree(project / "build", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        full.append(timed([handbook, "build"], project))
        before = mtimes(project)
        rebuild.append(timed([handbook, "build"], project))
        after = mtimes(project)
        touched = {path for path, stamp in before.items() if after.get(path) != stamp}
        rewritten = max(rewritten, len(touched | (after.keys() - before.keys())))
        shutil.rmtree(project / "build", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        serial.append(timed([handbook, "build", "--jobs", "1"], project))
        plain.append(timed([mkdocs, "build", "-q", "-d", str(project / f"plain{run}")], project))
    pages, megabytes, kb_per_page = html_stats(project / "site")
    return {
        "n": count,
        "generate": statistics.median(generate),
        "unchanged": statistics.median(unchanged),
        "full": statistics.median(full),
        "rebuild": statistics.median(rebuild),
        "serial": statistics.median(serial),
        "plain": statistics.median(plain),
        "pages": pages,
        "mb": megabytes,
        "kb_page": kb_per_page,
        "rewritten": rewritten,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,2000")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is shown")
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        for count in (int(n) for n in args.sizes.split(",")):
            rows.append(measure(count, args.runs, args.seed, Path(tmp)))
            print(f"measured N={count}", file=sys.stderr)
    print(f"median of {args.runs} runs, seed {args.seed}, {os.cpu_count()} CPUs\n")
    print(
        "| N | generate s | exercises/s | generate, no change s | exercises/s "
        "| full build s | full build, --jobs 1 s | rebuild, no change s | plain mkdocs s "
        "| full/plain | pages | output MB | KB HTML/page | files written by the rebuild |"
    )
    print("|---" * 14 + "|")
    for row in rows:
        print(
            f"| {row['n']} | {row['generate']:.2f} | {row['n'] / row['generate']:.0f} | "
            f"{row['unchanged']:.2f} | {row['n'] / row['unchanged']:.0f} | "
            f"{row['full']:.2f} | {row['serial']:.2f} | {row['rebuild']:.2f} | "
            f"{row['plain']:.2f} | "
            f"{row['full'] / row['plain']:.2f} | "
            f"{row['pages']} | {row['mb']:.1f} | {row['kb_page']:.1f} | {row['rewritten']} |"
        )
    by_n = {row["n"]: row for row in rows}
    if 1000 in by_n and 2000 in by_n:
        print(
            f"\ntime at 2,000 / time at 1,000: full build "
            f"{by_n[2000]['full'] / by_n[1000]['full']:.2f}, generate "
            f"{by_n[2000]['generate'] / by_n[1000]['generate']:.2f}"
        )
    with tempfile.TemporaryDirectory(prefix="handbook-bench-languages-") as tmp:
        print(languages_section(Path(tmp), args.runs))
    print(builder_section(Path(tempfile.mkdtemp(prefix="handbook-bench-builder-"))))
    return 0


def plain_mkdocs_seconds(project: Path, languages: list[str]) -> float:
    """`mkdocs build` of the pages the last build generated, each language's configuration in
    turn, with none of the handbook's own steps."""
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    total = 0.0
    for code in languages:
        config = project / "build" / "docs" / f"mkdocs.{code}.yml"
        if not config.exists():  # a site in English only is built from mkdocs.yml itself
            config = project / "mkdocs.yml"
        out = project / "plain" / code
        total += timed([mkdocs, "build", "-q", "-f", str(config), "-d", str(out)], project)
    return total


def languages_section(work: Path, runs: int) -> str:
    """The bundled handbook built in English only, then with each translation added: what a
    language costs (each is one more MkDocs build, run in a process of its own)."""
    handbook = str(Path(sys.executable).with_name("handbook"))
    lines = ["", "languages (bundled content, full build from nothing, median)", ""]
    lines += [
        "| languages | handbook build s | plain mkdocs, one language after another s | pages |",
        "|---|---|---|---|",
    ]
    translations = sorted(p.name for p in (ROOT / "content" / "translations").iterdir())
    for kept in range(len(translations) + 1):
        project = work / f"languages-{kept}"
        new_project(project)
        shutil.copytree(ROOT / "content", project / "content")
        for dropped in translations[kept:]:
            shutil.rmtree(project / "content" / "translations" / dropped)
        seconds = []
        for _ in range(runs):
            shutil.rmtree(project / "build", ignore_errors=True)
            shutil.rmtree(project / "site", ignore_errors=True)
            seconds.append(timed([handbook, "build"], project))
        names = ", ".join(["en", *translations[:kept]])
        pages = len(list((project / "site").rglob("*.html")))
        plain = plain_mkdocs_seconds(project, ["en", *translations[:kept]])
        lines.append(f"| {names} | {statistics.median(seconds):.2f} | {plain:.2f} | {pages} |")
    return "\n".join(lines)


def builder_section(folder: Path) -> str:
    """The programme builder on the bundled handbook: page and catalogue weight (gzip), time
    to usable on a 4x slower CPU, and a five-exercise programme's link and QR code."""
    try:
        from generator import pipeline
        from tests.browser import shared_browser, static_server, stop_shared_browser
        from tests.builder_budgets import THROTTLE, page_weight, qr_figures, time_to_usable
        from tests.test_builder import five_exercise_link
    except ImportError as error:  # the browser tools are in the test extra
        return f"\nprogramme builder: not measured ({error}; install '.[test]')"
    site = folder / "site"
    site.mkdir(parents=True)
    lines = ["", "programme builder (bundled content; budgets 150 KB, 60 KB, 1,000 ms)", ""]
    with static_server(site) as base_url:
        pipeline.build(ROOT / "content", folder / "docs", site, ROOT / "mkdocs.yml", base_url)
        browser = shared_browser()
        try:
            weights = page_weight(browser, site, base_url)
            usable = time_to_usable(browser, base_url, runs=5)
            page = browser.new_page()
            figures = []
            for note in ("", "x" * 200):
                link = five_exercise_link(page, base_url, note=note)
                page.goto(link)
                page.wait_for_selector(".hb-card .hb-qr", state="attached")
                figures.append((note, link, qr_figures(page)))
            page.close()
        finally:
            stop_shared_browser()
    lines += [
        "| measure | value |",
        "|---|---|",
        f"| builder page before the catalogue, gzip | {weights['page_kb']:.1f} KB |",
        f"| catalogue (exercises.json + routines.json), gzip | {weights['catalogue_kb']:.1f} KB |",
        f"| navigation to first checkbox enabled, CPU x{THROTTLE} | {usable:.0f} ms |",
    ]
    for note, link, qr in figures:
        what = "with a 200-character note" if note else "no note"
        lines.append(
            f"| 5 exercises, custom dosage, {what}: link / fragment | {len(link)} / "
            f"{len(link.split('#', 1)[1])} characters, QR version {qr['version']} "
            f"({qr['modules']} modules), {qr['module_mm']:.2f} mm a module at 25 mm |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
