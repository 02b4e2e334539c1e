"""`make bench`: how the handbook scales. Prints tables; commit the script, not the figures.

For each catalogue size N it makes a synthetic content folder (N exercises, N/5 routines,
deterministic from a seed, valid against the real schema), then measures, as medians of
several runs, wall time and CPU time (user + system, child processes included: parallel
builds hide work in wall time, not in CPU time):

* the generator stage alone from nothing (no QR cache) and again with no content change;
* the full `handbook build` from nothing, with the QR cache warm (the site and the pages
  removed, the cache kept), and with `--jobs 1`; the same build again with no change, and
  after one exercise file changed;
* the plain MkDocs builds of the same generated pages, one per language configuration, one
  after another: the floor the full build is compared with;
* `handbook serve`: seconds from saving one changed exercise to the served page showing it.

It also counts the files and folders that the rebuild with no change wrote, created or
deleted (the most of any run): there should be none. Then a stage table of one full build
(where the time goes, from the build's own timings), the bundled handbook with no
translation and with each one added, and the programme builder's budgets.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.benchbuilder import builder_section  # noqa: E402
from scripts.benchdata import make_catalogue  # noqa: E402


class Run:
    """Wall and CPU seconds of one command (CPU: user + system of it and its children)."""

    def __init__(self, wall: float, cpu: float) -> None:
        self.wall = wall
        self.cpu = cpu


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    # Flush what earlier steps wrote and deleted, so a run does not pay for its predecessor.
    os.sync()
    cpu = children_cpu()
    start = time.perf_counter()
    subprocess.run(
        command,
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    return Run(time.perf_counter() - start, children_cpu() - cpu)


def timed(command: list[str], cwd: Path) -> float:
    return run(command, cwd).wall


def median(runs: list[Run], what: str = "wall") -> float:
    return statistics.median(getattr(r, what) for r in runs)


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


def plain_builds(project: Path, out: Path) -> Run:
    """The plain MkDocs builds of the generated pages: each language's configuration (or
    mkdocs.yml alone, for a site in one language), one after another."""
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    configs = sorted((project / "build" / "docs").glob("mkdocs.*.yml")) or [project / "mkdocs.yml"]
    total = Run(0.0, 0.0)
    for config in configs:
        one = run([mkdocs, "build", "-q", "-f", str(config), "-d", str(out / config.name)], project)
        total = Run(total.wall + one.wall, total.cpu + one.cpu)
    shutil.rmtree(out, ignore_errors=True)
    return total


def change_one_exercise(project: Path, mark: str) -> str:
    """Change the summary of the first exercise; return the new words."""
    path = sorted((project / "content" / "exercises").glob("*.yml"))[0]
    data = yaml.safe_load(path.read_text("utf-8"))
    data["summary"] = f"Changed for the benchmark {mark}."
    path.write_text(yaml.safe_dump(data), "utf-8")
    return str(data["summary"])


def serve_one_change(project: Path, mark: str) -> float:
    """Seconds from saving one changed exercise to `handbook serve` showing it."""
    handbook = str(Path(sys.executable).with_name("handbook"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = project / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [handbook, "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            first = sorted((project / "content" / "exercises").glob("*.yml"))[0].stem
            url = f"http://127.0.0.1:{port}/exercises/{first}/"
            wait_until(lambda: "Serving on" in log.read_text("utf-8", "replace"), 600)
            wait_until(lambda: fetch(url) is not None, 600)
            started = time.perf_counter()
            words = change_one_exercise(project, mark)
            wait_until(lambda: words in (fetch(url) or ""), 600)
            return time.perf_counter() - started
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_until(condition: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("the benchmark waited too long")
        time.sleep(0.02)


def measure(count: int, runs: int, seed: int, work: Path, serve: bool) -> dict[str, float]:
    project = work / f"n{count}"
    new_project(project)
    make_catalogue(project / "content", count, seed)
    handbook = str(Path(sys.executable).with_name("handbook"))
    found: dict[str, list[Run]] = {
        key: []
        for key in ("generate", "unchanged", "full", "warm", "rebuild", "one", "serial", "plain")
    }
    rewritten = 0
    for index in range(runs):
        shutil.rmtree(project / "build", ignore_errors=True)
        found["generate"].append(run([handbook, "generate"], project))
        found["unchanged"].append(run([handbook, "generate"], project))
        shutil.rmtree(project / "build", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        found["full"].append(run([handbook, "build"], project))
        found["plain"].append(plain_builds(project, work / "plain"))
        before = mtimes(project)
        found["rebuild"].append(run([handbook, "build"], project))
        after = mtimes(project)
        touched = {path for path, stamp in before.items() if after.get(path) != stamp}
        rewritten = max(rewritten, len(touched | (after.keys() - before.keys())))
        change_one_exercise(project, f"build {index}")
        found["one"].append(run([handbook, "build"], project))
        shutil.rmtree(project / "build" / "docs", ignore_errors=True)  # the QR cache stays
        shutil.rmtree(project / "site", ignore_errors=True)
        found["warm"].append(run([handbook, "build"], project))
        shutil.rmtree(project / "build", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        found["serial"].append(run([handbook, "build", "--jobs", "1"], project))
    pages, megabytes, kb_per_page = html_stats(project / "site")
    row: dict[str, float] = {"n": count, "pages": pages, "mb": megabytes, "kb_page": kb_per_page}
    for key, measured in found.items():
        row[key] = median(measured)
        row[key + "_cpu"] = median(measured, "cpu")
    row["rewritten"] = rewritten
    row["serve"] = serve_one_change(project, "serve") if serve else float("nan")
    row["stages"] = stage_times(project)  # type: ignore[assignment]
    return row


def stage_times(project: Path) -> dict[str, float]:
    """Where one full build from nothing spends its time, as the build itself reports it
    (HANDBOOK_TIMINGS names a file the build writes its stage timings into)."""
    handbook = str(Path(sys.executable).with_name("handbook"))
    shutil.rmtree(project / "build", ignore_errors=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    report = project / "timings.json"
    report.unlink(missing_ok=True)
    run([handbook, "build"], project, env={"HANDBOOK_TIMINGS": str(report)})
    if not report.is_file():
        return {}
    stages: dict[str, float] = {}
    for line in report.read_text("utf-8").splitlines():  # one line a stage, every language
        entry = json.loads(line)
        stages[entry["stage"]] = stages.get(entry["stage"], 0.0) + entry["seconds"]
    return stages


def default_work_folder() -> Path:
    """A RAM disk where there is one. The builds write some ten thousand files each, and a
    disk's state moves their CPU time by more than the generator's whole share: a warm build
    at N=1000 took 23 to 35 CPU-s on this machine's disk within one day, against 23.0 to
    23.6 on /dev/shm, while plain MkDocs took 18 to 19 on both."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return shm
    return Path(tempfile.gettempdir())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,2000")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is shown")
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument(
        "--serve-sizes", default="10,1000", help="sizes at which to time a change under serve"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=default_work_folder(),
        help="where the projects are made (default: /dev/shm if there is one, else the "
        "system's temporary folder)",
    )
    args = parser.parse_args()
    serve_sizes = {int(n) for n in args.serve_sizes.split(",") if n}
    rows = []
    with tempfile.TemporaryDirectory(prefix="handbook-bench-", dir=args.work) as tmp:
        for count in (int(n) for n in args.sizes.split(",")):
            rows.append(measure(count, args.runs, args.seed, Path(tmp), count in serve_sizes))
            print(f"measured N={count}", file=sys.stderr)
    print(
        f"median of {args.runs} runs, seed {args.seed}, {os.cpu_count()} CPUs, "
        f"projects in {args.work}"
    )
    print("wall s / CPU s (user + system, children included)\n")
    print(
        "| N | generate | generate, no change | full build | full build, QR cache warm "
        "| full, --jobs 1 | rebuild, no change | one exercise changed | plain mkdocs "
        "| full/plain CPU | warm/plain CPU | serve: one change shown s | pages | KB HTML/page "
        "| files written by the rebuild |"
    )
    print("|---" * 15 + "|")
    for row in rows:

        def both(key: str, row: dict[str, float] = row) -> str:
            return f"{row[key]:.2f} / {row[key + '_cpu']:.2f}"

        print(
            f"| {row['n']} | {both('generate')} | {both('unchanged')} | {both('full')} | "
            f"{both('warm')} | {both('serial')} | {both('rebuild')} | {both('one')} | "
            f"{both('plain')} | {row['full_cpu'] / row['plain_cpu']:.2f} | "
            f"{row['warm_cpu'] / row['plain_cpu']:.2f} | {row['serve']:.2f} | "
            f"{row['pages']} | {row['kb_page']:.1f} | {row['rewritten']} |"
        )
    for row in rows:
        stages = row["stages"]
        if stages:
            print(f"\nstages of one full build at N={row['n']} (wall s)\n")
            print("| stage | s |\n|---|---|")
            for name, seconds in stages.items():  # type: ignore[attr-defined]
                print(f"| {name} | {seconds:.2f} |")
    by_n = {row["n"]: row for row in rows}
    if 1000 in by_n and 2000 in by_n:
        print(
            f"\ntime at 2,000 / time at 1,000: full build "
            f"{by_n[2000]['full'] / by_n[1000]['full']:.2f}, generate "
            f"{by_n[2000]['generate'] / by_n[1000]['generate']:.2f}"
        )
    with tempfile.TemporaryDirectory(prefix="handbook-bench-languages-", dir=args.work) as tmp:
        print(languages_section(Path(tmp), args.runs))
    with tempfile.TemporaryDirectory(prefix="handbook-bench-builder-", dir=args.work) as tmp:
        print(builder_section(Path(tmp)))
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
    language costs (each is one more MkDocs build, run in a process of its own), in the build
    and in the preview (which rebuilds every language after a save)."""
    handbook = str(Path(sys.executable).with_name("handbook"))
    lines = ["", "languages (bundled content, full build from nothing, median)", ""]
    lines += [
        "| languages | handbook build s | plain mkdocs, one language after another s | pages "
        "| serve: one change shown s |",
        "|---|---|---|---|---|",
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
        serve = serve_one_change(project, "serve")
        lines.append(
            f"| {names} | {statistics.median(seconds):.2f} | {plain:.2f} | {pages} | {serve:.2f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
