"""The `handbook` command: parses arguments, runs a pipeline stage, turns errors into exit 1."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from generator import pipeline
from generator.errors import HandbookError
from generator.publish.folders import os_problem
from generator.publish.forking import cpu_count
from generator.source.environment import check_environment


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `handbook` command."""
    args = _parser().parse_args(argv)
    try:
        check_environment()  # the variables a command reads are checked like its options
        _clinic_defaults(args)
        return int(args.run(args))
    except HandbookError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:  # a fault no stage foresaw: still one line, never a traceback
        print(os_problem(error, f"finish `handbook {args.command}`"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _clinic_defaults(args: argparse.Namespace) -> None:
    """In a clinic project (clinic.yml here, no mkdocs.yml), commands left at their defaults
    build the base handbook with the clinic's content/ as a layer, configured from clinic.yml
    (see clinic.py)."""
    from generator.source.projectfolder import project_at

    project = project_at(Path.cwd())
    if project is None or getattr(args, "content", None) != pipeline.DEFAULT_CONTENT:
        return
    if getattr(args, "config", None) == pipeline.DEFAULT_CONFIG:
        from generator.publish.project import write_config
        from generator.source.base import base_handbook

        args.config = write_config(project, base_handbook())


def _new(args: argparse.Namespace) -> int:
    from generator.publish.project import new_project

    new_project(args.folder)
    print(
        f"made the clinic project {args.folder}/: edit clinic.yml, add your exercises to "
        f"{args.folder}/content/exercises/, then run `handbook build` in {args.folder}/"
    )
    return 0


def _stamp(args: argparse.Namespace) -> int:
    from generator.source.base import base_handbook
    from generator.source.clinic import NotAProject
    from generator.source.layers import stamp
    from generator.source.projectfolder import project_at

    project = project_at(Path.cwd())
    if project is None:
        raise NotAProject(
            "handbook stamp: this folder is not a clinic project (no clinic.yml here): run it "
            "in the folder `handbook new` made"
        )
    for path in stamp(project, base_handbook(), args.files or None):
        print(f"recorded the handbook version it replaces in {path}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from generator.check.editions import check_editions

    checked = check_editions(args.content)
    for warning in checked.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    book = checked.english
    print(f"content OK: {len(book.exercises)} exercises, {len(book.routines)} routines")
    for edition in checked.editions[1:]:
        assert edition.translation is not None
        documents = edition.translation.documents.values()
        done, missing = len(documents), len(edition.translation.missing)
        reviewed = sum(document.status == "reviewed" for document in documents)
        state = "draft" if edition.draft else "reviewed"
        print(
            f"{edition.code}: {done} files translated ({reviewed} reviewed, {done - reviewed} "
            f"draft), {missing} shown in English; pages marked {state}"
        )
    return 0


def _translations(args: argparse.Namespace) -> int:
    from generator.check.editions import check_editions
    from generator.source.load import load_content
    from generator.source.translationfiles import stamp

    check_editions(args.content)  # nothing is written into content that `check` refuses
    for path in stamp(load_content(args.content), args.stamp, args.files or None):
        print(f"recorded the English it matches in {path}")
    return 0


def _messages(args: argparse.Namespace) -> int:
    from generator.i18n.extract import write_catalogues

    site = pipeline.load_site(args.config, pipeline.DEFAULT_DOCS)
    for path in write_catalogues(site.reader_words()):
        print(f"wrote {path}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.source import schema

    for path in schema.write_schemas(args.folder):
        print(f"wrote {path}")
    if schema.update_readme(args.readme):
        print(f"updated the field tables in {args.readme}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    jobs = args.jobs or cpu_count()
    result = pipeline.generate(args.content, args.docs, args.config, args.site_url, jobs=jobs)
    _report(result)
    return 0


def _build(args: argparse.Namespace) -> int:
    result = pipeline.build(
        args.content,
        args.docs,
        args.output,
        args.config,
        args.site_url,
        pdf=args.pdf,
        jobs=args.jobs,
    )
    _report(result.generated)
    if result.site_rebuilt:
        print(f"site built in {args.output}/")
    else:
        print(f"site in {args.output}/ is up to date: nothing to build")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generator.publish.serve import serve

    def prepare() -> None:
        pipeline.prepare_preview(args.content, args.docs, args.config)

    english = pipeline.english_pages(args.docs)
    serve(prepare, args.content, english, args.config, args.dev_addr)
    return 0


def _report(result: pipeline.Generated) -> None:
    report = result.report
    print(
        f"generated {len(report.written)} changed file(s), {report.unchanged} unchanged, "
        f"{len(report.removed)} removed"
    )


def _language_code(text: str) -> str:
    if not re.fullmatch(r"[a-z]{2}(-[a-z]{2})?", text):
        raise argparse.ArgumentTypeError(f"expected a language code such as es, got {text!r}")
    return text


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook", description="Check content, generate pages and build the handbook site."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, run: object, helptext: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=helptext, description=helptext)
        sub.set_defaults(run=run, command=name)
        sub.add_argument(
            "--content",
            type=Path,
            default=pipeline.DEFAULT_CONTENT,
            help="content folder (default: content)",
        )
        return sub

    command("check", _check, "validate the content and report every problem")
    new_cmd = commands.add_parser(
        "new", help="make a clinic project: clinic.yml and an empty content/ over the handbook"
    )
    new_cmd.set_defaults(run=_new, command="new")
    new_cmd.add_argument("folder", type=Path, metavar="DIR", help="the project's new folder")
    stamp_replaced = commands.add_parser(
        "stamp",
        help="in a clinic project, record the handbook version each replacing file matches",
    )
    stamp_replaced.set_defaults(run=_stamp, command="stamp")
    stamp_replaced.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="only these files, such as content/exercises/toe-walking.yml (default: every "
        "file that says `replaces:`)",
    )
    stamp_cmd = command(
        "translations",
        _translations,
        "record that a language's translations (or some files of it) match the English as "
        "it is now",
    )
    stamp_cmd.add_argument(
        "--stamp",
        required=True,
        metavar="LANG",
        type=_language_code,
        help="the language whose translations were checked against the English, such as es",
    )
    stamp_cmd.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="only these files of the language, such as exercises/toe-walking.yml "
        "(default: every file)",
    )
    messages_cmd = commands.add_parser(
        "messages", help="extract the interface words and update the languages' catalogues"
    )
    messages_cmd.set_defaults(run=_messages, command="messages")
    messages_cmd.add_argument(
        "--config",
        type=Path,
        default=pipeline.DEFAULT_CONFIG,
        help="MkDocs configuration, for the navigation titles (default: mkdocs.yml)",
    )
    schema_cmd = commands.add_parser("schema", help="write JSON Schemas and the README tables")
    schema_cmd.set_defaults(run=_schema, command="schema")
    schema_cmd.add_argument(
        "--folder",
        type=Path,
        default=Path("schema"),
        help="where to write the schemas (default: schema)",
    )
    schema_cmd.add_argument(
        "--readme",
        type=Path,
        default=Path("README.md"),
        help="README whose field tables to update (default: README.md)",
    )
    for name, run, helptext in (
        ("generate", _generate, "check, then write Markdown pages into the docs folder"),
        ("build", _build, "generate, then build the site with MkDocs"),
        ("serve", _serve, "preview the site, rebuilding when content changes"),
    ):
        sub = command(name, run, helptext)
        sub.add_argument(
            "--docs",
            type=Path,
            default=pipeline.DEFAULT_DOCS,
            help="generated docs folder (default: build/docs)",
        )
        sub.add_argument(
            "--config",
            type=Path,
            default=pipeline.DEFAULT_CONFIG,
            help="MkDocs configuration (default: mkdocs.yml)",
        )
        if name != "serve":
            sub.add_argument(
                "--site-url",
                default=None,
                help="absolute URL the site is served at (default: from mkdocs.yml)",
            )
        if name == "build":
            sub.add_argument(
                "--output",
                type=Path,
                default=pipeline.DEFAULT_SITE,
                help="site folder (default: site)",
            )
            sub.add_argument(
                "--pdf",
                action="store_true",
                help="also print every card to PDF (A4 and US Letter) with Chromium",
            )
        if name != "serve":
            sub.add_argument(
                "--jobs",
                type=_positive,
                default=None,
                help="processes that draw QR codes and build the languages (default: one per CPU)",
            )
        if name == "serve":
            sub.add_argument(
                "--dev-addr",
                default="127.0.0.1:8000",
                help="address to serve at (default: 127.0.0.1:8000)",
            )
    return parser


if __name__ == "__main__":
    sys.exit(main())
