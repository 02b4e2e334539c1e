"""`make audit`: Lighthouse's scores of every page kind, as a phone on a slow connection sees them.

Builds the bundled handbook into a temporary folder, serves it with the real nginx and the
hosting example (examples/hosting/nginx.conf: its content security policy and its gzip, as a
static host serves it; tests/nginx.py), and runs Lighthouse (pinned in package.json) on one
page of each kind: its default mobile audit (a 412 px phone, simulated slow 4G: 150 ms round
trip, 1.6 Mbit/s, processor 4x slower), categories performance, accessibility and best
practices. A page kind that scores below 0.9 is audited twice more and scored by the median of
the three runs, since one run varies with the machine's load. Prints a table; exits 1 if any
score is below 0.9. The JSON reports are kept with `--reports FOLDER`. Needs node, Lighthouse
(`make audit` installs it: `make test` leaves it out) and Chromium (CHROME_PATH,
/usr/bin/chromium unless set). About four minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from tests.helpers.pages import csp_page_kinds  # noqa: E402
from tests.nginx import free_port, nginx_server  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIMIT = 0.9


def page_kinds(book: Any, language: str = "") -> dict[str, str]:
    """One page of each kind (the 404 page is left out: Lighthouse audits no error page)."""
    kinds = {**csp_page_kinds(book), "programme": "programme/", "progress": "progress/"}
    del kinds["404"]
    return {kind: language + path for kind, path in kinds.items()}


def lighthouse(url: str, report: Path) -> dict[str, float | None]:
    """The scores of one page, by category; the full report is written to `report`."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode or not report.is_file():
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"lighthouse failed on {url}: {last}")
    data = json.loads(report.read_text("utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"lighthouse failed on {url}: {data['runtimeError'].get('message')}")
    return {name: data["categories"][name]["score"] for name in CATEGORIES}


def median(values: list[float | None]) -> float | None:
    """The middle of three scores (a missing score counts as the lowest)."""
    return sorted(values, key=lambda value: -1.0 if value is None else value)[len(values) // 2]


def below(data: dict[str, Any], category: str) -> list[str]:
    """The audits that cost a category points, for the table's notes."""
    notes = []
    for ref in data["categories"][category]["auditRefs"]:
        audit = data["audits"][ref["id"]]
        if ref.get("weight") and audit.get("score") is not None and audit["score"] < 0.9:
            notes.append(f"{ref['id']} {audit.get('displayValue', '')}".strip())
    return notes


def audit_site(
    work: Path, languages: tuple[str, ...] = ("",), kinds: list[str] | None = None
) -> dict[str, dict[str, float | None]]:
    """Build, serve and audit; returns the scores by page kind (language folder first)."""
    port = free_port()
    site = work / "site"
    site.mkdir(parents=True)
    reports = work / "reports"
    reports.mkdir()
    content = Path(os.environ.get("HANDBOOK_TEST_CONTENT", ROOT / "content"))
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        pipeline.build(content, work / "docs", site, site_url=f"http://127.0.0.1:{port}/")
        book = pipeline.check_content(content)
    finally:
        os.chdir(cwd)
    scores: dict[str, dict[str, float | None]] = {}
    with nginx_server(site, work / "nginx", port) as base_url:
        for language in languages:
            for kind, path in page_kinds(book, language).items():
                if kinds and kind not in kinds:
                    continue
                name = f"{language}{kind}"
                report = reports / (name.replace("/", "-").replace(" ", "-") + ".json")
                found = lighthouse(base_url + path, report)
                if any(score is None or score < LIMIT for score in found.values()):
                    # One run varies with the machine's load: a low score stands only as the
                    # median of three runs (the report kept is the last run's).
                    runs = [found, *(lighthouse(base_url + path, report) for _ in range(2))]
                    found = {c: median([run[c] for run in runs]) for c in CATEGORIES}
                scores[name] = found
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default="en", help="comma-separated: en,es,de")
    parser.add_argument("--kind", action="append", help="only this page kind (repeatable)")
    parser.add_argument("--reports", type=Path, help="keep the JSON reports in this folder")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("scripts/audit.py: Lighthouse is not installed: run `make audit`", file=sys.stderr)
        return 2
    languages = tuple("" if code == "en" else f"{code}/" for code in args.languages.split(","))
    with tempfile.TemporaryDirectory(prefix="handbook-audit-") as folder:
        work = Path(folder)
        try:
            scores = audit_site(work, languages, args.kind)
        except RuntimeError as error:
            print(f"scripts/audit.py: {error}", file=sys.stderr)
            return 1
        width = max(len(kind) for kind in scores) + 2
        print("page kind".ljust(width) + "".join(name.rjust(16) for name in CATEGORIES))
        failed = False
        for kind, found in scores.items():
            cells = "".join(
                ("-" if score is None else f"{score:.2f}").rjust(16) for score in found.values()
            )
            print(kind.ljust(width) + cells)
            report = work / "reports" / (kind.replace("/", "-").replace(" ", "-") + ".json")
            data = json.loads(report.read_text("utf-8"))
            for category, score in found.items():
                if score is None or score < LIMIT:
                    failed = True
                    print(f"  {category} below {LIMIT}: {', '.join(below(data, category))}")
        if args.reports:
            args.reports.mkdir(parents=True, exist_ok=True)
            for report in (work / "reports").iterdir():
                report.replace(args.reports / report.name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
