"""Unit tests of yamlsource.py: the plain-scalar table, tags, depth, and text that never raises."""

from __future__ import annotations

import copy
import datetime
import os
import socket
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import ContentError, ContentProblem
from generator.source import yamlsource
from generator.source.contentfile import Folder, UnreadableFile, read_content_file
from generator.source.yamlscalars import NotADate, resolve_plain
from generator.source.yamlsource import MAX_DEPTH, Source, parse_yaml_text

from .helpers.examples import examples

PARSERS = [
    pytest.param(yamlsource._Parser, id="libyaml"),
    pytest.param(yamlsource.PureParser, id="pure-python"),
]


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run a test once with libyaml's parser and once with the pure-Python fallback."""
    monkeypatch.setattr(yamlsource, "_Parser", request.param)


def value_of(text: str) -> Any:
    source, problems = parse_yaml_text(f"v: {text}\n", "f.yml")
    assert problems == [], problems
    assert source is not None
    return source.data["v"]


def problems_of(text: str) -> list[str]:
    source, problems = parse_yaml_text(text, "f.yml")
    assert source is None
    return [str(problem) for problem in problems]


# The whole table of plain scalars: (as written, the value it is read as).
PLAIN = [
    ("", None),
    ("~", None),
    ("null", None),
    ("Null", None),
    ("NULL", None),
    ("true", True),
    ("True", True),
    ("TRUE", True),
    ("false", False),
    ("False", False),
    ("FALSE", False),
    ("0", 0),
    ("7", 7),
    ("-3", -3),
    ("+12", 12),
    ("600", 600),
    ("0.5", 0.5),
    ("-1.25", -1.25),
    ("+3.0", 3.0),
    ("2026-01-02", datetime.date(2026, 1, 2)),
    ("2024-02-29", datetime.date(2024, 2, 29)),
    # Everything else is text, whatever YAML 1.1 made of it.
    ("010", "010"),
    ("007", "007"),
    ("1:30", "1:30"),
    ("0x2", "0x2"),
    ("0o7", "0o7"),
    ("0b11", "0b11"),
    ("1_000", "1_000"),
    ("1e3", "1e3"),
    (".5", ".5"),
    ("5.", "5."),
    (".inf", ".inf"),
    (".nan", ".nan"),
    ("yes", "yes"),
    ("no", "no"),
    ("on", "on"),
    ("off", "off"),
    ("y", "y"),
    ("tRUE", "tRUE"),
    ("nULL", "nULL"),
    ("=", "="),
    ("<<", "<<"),
    ("2026-01-02 10:00:00", "2026-01-02 10:00:00"),
    ("2026-1-2", "2026-1-2"),
    ("\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0662",) * 2,  # other digits: no date
    ("\u0661\u0662",) * 2,  # nor a number
    ("three", "three"),
]


@pytest.mark.parametrize(("written", "expected"), PLAIN, ids=[w or "empty" for w, _ in PLAIN])
def test_plain_scalar_table(written: str, expected: Any) -> None:
    value = resolve_plain(written)
    assert value == expected
    assert type(value) is type(expected)


# In a document an empty value is a slip (see test_yaml_slips), not a way to write "nothing".
IN_A_DOCUMENT = [(written, expected) for written, expected in PLAIN if written]


@pytest.mark.parametrize(("written", "expected"), IN_A_DOCUMENT, ids=[w for w, _ in IN_A_DOCUMENT])
@pytest.mark.usefixtures("parser")
def test_plain_scalars_in_a_document(written: str, expected: Any) -> None:
    value = value_of(written)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    "written", ["'010'", '"true"', "'2026-01-02'", '"null"', "''", "|\n  12\n", ">\n  true\n"]
)
def test_quoted_and_block_scalars_are_always_text(written: str) -> None:
    value = value_of(written)
    assert isinstance(value, str)


@pytest.mark.usefixtures("parser")
def test_keys_are_always_text() -> None:
    source, problems = parse_yaml_text("1: a\ntrue: b\n010: c\n~: d\n2026-01-02: e\n", "f.yml")
    assert problems == []
    assert source is not None
    assert list(source.data) == ["1", "true", "010", "~", "2026-01-02"]


def test_yes_in_a_text_field_stays_text(tmp_path: Any) -> None:
    """`summary: yes` is the word yes, not true: no problem for a text field."""
    from generator.source.load import validate_model
    from generator.source.model import Exercise
    from tests.conftest import FIXTURES

    text = (FIXTURES / "minimal" / "exercises" / "toe-walking.yml").read_text("utf-8")
    text = text.replace("stop_if: Stop if your ankle or foot hurts.", "stop_if: yes")
    source, problems = parse_yaml_text(text, "content/exercises/toe-walking.yml")
    assert problems == []
    assert source is not None
    loaded, problems = validate_model(source, Exercise)
    assert problems == []
    assert loaded is not None
    assert loaded.model.stop_if == "yes"


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2026-02-30", "February 2026 has 28 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2026-04-31", "April 2026 has 30 days"),
        ("2026-13-01", "there is no month 13"),
        ("2026-00-10", "there is no month 0"),
        ("2026-01-00", "January 2026 has 31 days"),
        ("0000-01-01", "there is no year 0"),
    ],
)
def test_impossible_dates_are_named(written: str, reason: str) -> None:
    with pytest.raises(NotADate, match=f"^not a real date: {written} \\({reason}\\)$"):
        resolve_plain(written)


@pytest.mark.usefixtures("parser")
def test_an_impossible_date_is_one_located_problem() -> None:
    assert problems_of("a: 1\nupdated: 2026-02-30\n") == [
        "f.yml:2: updated: not a real date: 2026-02-30 (February 2026 has 28 days)"
    ]


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("written", "tag"),
    [
        ("!!int abc", "!!int"),
        ("!!float abc", "!!float"),
        ("!!timestamp not-a-date", "!!timestamp"),
        ("!!str 010", "!!str"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!foo bar", "!foo"),
        ("! 10", "!"),
        ("!!set {a, b}", "!!set"),
        ("!!omap [a: 1, b: 2]", "!!omap"),
        ("!!map {a: 1}", "!!map"),
        ("!<tag:example.com,2000:thing> x", "tag:example.com,2000:thing"),
    ],
)
def test_any_explicit_tag_is_one_problem(written: str, tag: str) -> None:
    assert problems_of(f"a: 1\nv: {written}\n") == [
        f"f.yml:2: v: YAML tags such as '{tag}' are not allowed: write the plain value"
    ]


@pytest.mark.usefixtures("parser")
def test_a_tag_on_a_key_is_a_problem() -> None:
    assert problems_of("!!int 1: a\n") == [
        "f.yml:1: YAML tags such as '!!int' are not allowed: write the plain value"
    ]


def nested(depth: int) -> str:
    """A document whose deepest list is `depth` levels down, the root mapping being level 1."""
    lists = depth - 1
    return "v: " + "[" * lists + "x" + "]" * lists + "\n"


@pytest.mark.usefixtures("parser")
def test_nesting_up_to_the_limit_is_fine() -> None:
    source, problems = parse_yaml_text(nested(MAX_DEPTH), "f.yml")
    assert problems == []
    assert source is not None


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 100_000])
def test_nesting_past_the_limit_is_one_problem(depth: int) -> None:
    loc = "v" + "[0]" * (MAX_DEPTH - 1)
    assert problems_of("a: 1\n" + nested(depth)) == [
        f"f.yml:2: {loc}: nested more than 32 levels deep: content needs only a few levels"
    ]


@pytest.mark.usefixtures("parser")
def test_block_nesting_past_the_limit_is_reported_at_its_line() -> None:
    text = "".join(f"{'  ' * level}k{level}:\n" for level in range(MAX_DEPTH + 5))
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].startswith(f"f.yml:{MAX_DEPTH + 1}: k0.k1.")
    assert problems[0].endswith(
        ": nested more than 32 levels deep: content needs only a few levels"
    )


@pytest.mark.usefixtures("parser")
def test_a_second_document_is_a_syntax_problem() -> None:
    assert problems_of("a: 1\n---\nb: 2\n") == [
        "f.yml:2: YAML syntax error: but found another document"
    ]


@pytest.mark.usefixtures("parser")
def test_lines_of_keys_and_items() -> None:
    source, problems = parse_yaml_text("a: 1\nb:\n  c: [x,\n    y]\nd:\n  - 2\n", "f.yml")
    assert problems == []
    assert source is not None
    assert source.lines == {
        (): 1,
        ("a",): 1,
        ("b",): 2,
        ("b", "c"): 3,
        ("b", "c", 0): 3,
        ("b", "c", 1): 4,
        ("d",): 5,
        ("d", 0): 6,
    }


@settings(max_examples=examples(500), deadline=None)
@given(text=st.text())
def test_any_text_gives_a_source_or_problems_and_never_raises(text: str) -> None:
    source, problems = parse_yaml_text(text, "f.yml")
    assert isinstance(source, Source) or source is None
    assert all(isinstance(problem, ContentProblem) for problem in problems)
    assert (source is None) == bool(problems)


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("written", "code"),
    [
        ('"a\\eb"', "U+001B"),
        ('"a\\x00b"', "U+0000"),
        ('"a\\rb"', "U+000D"),
        ('"a\\x7fb"', "U+007F"),
        ('"a\\Nb"', "U+0085"),
        ("'a\u202eb'", "U+202E"),
        ("a\u202ab", "U+202A"),
        ('"\\u2066x"', "U+2066"),
        ("|\n  a\u2069b\n", "U+2069"),
    ],
)
def test_control_characters_in_text_are_named(written: str, code: str) -> None:
    kind = "bidirectional control" if code >= "U+2" else "control"
    assert problems_of(f"a: 1\nv: {written}\n") == [
        f"f.yml:2: v: the text contains the {kind} character {code}: delete it"
    ]


@pytest.mark.usefixtures("parser")
def test_control_characters_in_keys_are_named() -> None:
    assert problems_of('"k\\e[2J": 1\n') == [
        "f.yml:1: 'k\\x1b[2J': the key contains the control character U+001B: delete it"
    ]


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    "written", ['"a\\nb"', "'a\n\n  b'", "a\n\n  b", '"a\n\n  b"', '"a\\\n\n  b"']
)
def test_a_line_break_outside_a_block_is_a_problem(written: str) -> None:
    assert problems_of(f"v: {written}\n") == [
        "f.yml:1: v: the text contains a line break (U+000A): only text written as a block, "
        "after '|' or '>', may run over several lines"
    ]


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("a\n  b", "a b"),
        ("'a\n  b'", "a b"),
        ('"a\n  b"', "a b"),
        ('"a\\tb"', "a\tb"),
        ("|\n  a\n  b\n", "a\nb\n"),
        (">\n  a\n\n  b\n", "a\nb\n"),
        ("|\n  a\r\n  b\r\n", "a\nb\n"),
    ],
)
def test_folded_lines_tabs_and_blocks_are_fine(written: str, expected: str) -> None:
    assert value_of(written) == expected


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(("character", "code"), [("\x1b", "U+001B"), ("\x00", "U+0000")])
def test_a_literal_control_character_keeps_the_reader_problem(character: str, code: str) -> None:
    assert problems_of(f"a: \u00e9\u00e9\u00e9\nv: a{character}b\n") == [
        f"f.yml:2: the file contains the control character {code}, which YAML does not allow: "
        "delete it"
    ]


@pytest.mark.parametrize(
    ("problem", "line"),
    [
        (
            ContentProblem("content/x.yml", 3, "id", "id 'abc\x1b[2J' is not a slug"),
            "content/x.yml:3: id: id 'abc\\x1b[2J' is not a slug",
        ),
        (
            ContentProblem("content/x.yml", 1, "", "unknown exercise 'abc\n'"),
            "content/x.yml:1: unknown exercise 'abc\\n'",
        ),
        (
            ContentProblem("content/exercises/a\x1b]0;owned\x07.yml", 0, "", "file is empty"),
            "content/exercises/a\\x1b]0;owned\\x07.yml: file is empty",
        ),
        (
            ContentProblem("c/\udcff.yml", 2, "k\u202eey\r", "x\u2028y\x85z\u200bw"),
            "c/\\udcff.yml:2: k\\u202eey\\r: x\\u2028y\\x85z\\u200bw",
        ),
        (
            ContentProblem("content/caf\u00e9.yml", 2, "steps[1]", "tab\there and 'quotes' \\ ok"),
            "content/caf\u00e9.yml:2: steps[1]: tab\\there and 'quotes' \\ ok",
        ),
    ],
)
def test_a_problem_is_one_clean_line(problem: ContentProblem, line: str) -> None:
    assert str(problem) == line
    assert str(problem).isprintable()
    assert str(ContentError([problem])).splitlines()[0] == line


@given(file=st.text(), line=st.integers(0, 10**6), key=st.text(), message=st.text(min_size=1))
def test_any_problem_prints_as_one_printable_line(
    file: str, line: int, key: str, message: str
) -> None:
    assert str(ContentProblem(file, line, key, message)).isprintable()


# --- reading files ---------------------------------------------------------------------------


@pytest.fixture
def root(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "exercises").mkdir(parents=True)
    (content / "exercises" / "a.yml").write_bytes(b"id: a\n")
    (tmp_path / "outside.yml").write_bytes(b"id: outside\n")
    return content


def unreadable(path: Path, root: Path | Folder, limit: int = 1024) -> str:
    """Why the file is refused; a read that has not ended within 10 s fails (it would hang)."""
    found: list[BaseException] = []

    def attempt() -> None:
        try:
            read_content_file(path, root, limit)
        except BaseException as error:
            found.append(error)

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(10)
    assert found, f"reading {path.name} did not end with a refusal within 10 s"
    assert isinstance(found[0], UnreadableFile), found[0]
    return found[0].message


def test_a_regular_file_is_read(root: Path) -> None:
    assert read_content_file(root / "exercises" / "a.yml", root, 1024) == b"id: a\n"


def test_a_link_inside_the_content_folder_is_followed(root: Path) -> None:
    link = root / "exercises" / "b.yml"
    link.symlink_to("a.yml")
    assert read_content_file(link, root, 1024) == b"id: a\n"


def test_a_content_folder_reached_through_a_link_is_fine(root: Path, tmp_path: Path) -> None:
    linked = tmp_path / "linked-content"
    linked.symlink_to(root)
    assert read_content_file(linked / "exercises" / "a.yml", linked, 1024) == b"id: a\n"


@pytest.mark.parametrize("target", ["../../outside.yml", "/dev/zero", "/etc/passwd"])
def test_a_link_out_of_the_content_folder_is_refused(root: Path, target: str) -> None:
    link = root / "exercises" / "b.yml"
    link.symlink_to(target)
    assert unreadable(link, root) == (
        "is a link to a file outside the content folder: copy the file in"
    )


@pytest.mark.parametrize("resolved_once", [False, True], ids=["path", "folder"])
def test_a_link_into_a_sibling_folder_whose_name_starts_alike_is_refused(
    root: Path, tmp_path: Path, resolved_once: bool
) -> None:
    """content-old/ begins with the same letters as content/ but is not inside it."""
    (tmp_path / "content-old").mkdir()
    (tmp_path / "content-old" / "a.yml").write_bytes(b"id: old\n")
    link = root / "exercises" / "b.yml"
    link.symlink_to(tmp_path / "content-old" / "a.yml")
    folder = Folder.of(root) if resolved_once else root
    assert unreadable(link, folder) == (
        "is a link to a file outside the content folder: copy the file in"
    )
    assert read_content_file(root / "exercises" / "a.yml", folder, 1024) == b"id: a\n"


def test_a_content_copied_and_pointed_at_another_folder_reads_from_that_folder(
    root: Path, tmp_path: Path
) -> None:
    """layers.py copies a Content and sets its root to the handbook's: the folder it reads
    from, resolved once per load, follows."""
    from generator.source.load import Content

    other = tmp_path / "other"
    other.mkdir()
    (other / "a.yml").write_bytes(b"id: other\n")
    content = Content(root=root)
    assert read_content_file(root / "exercises" / "a.yml", content.folder, 1024) == b"id: a\n"
    moved = copy.copy(content)
    moved.root = other
    assert read_content_file(other / "a.yml", moved.folder, 1024) == b"id: other\n"
    assert unreadable(other / "a.yml", content.folder).startswith("is reached through")


def test_a_file_in_a_linked_folder_outside_is_refused(root: Path, tmp_path: Path) -> None:
    (root / "elsewhere").symlink_to(tmp_path)
    assert unreadable(root / "elsewhere" / "outside.yml", root) == (
        "is reached through a link to a folder outside the content folder"
    )


def test_a_folder_pipe_and_socket_are_refused_without_hanging(root: Path) -> None:
    folder = root / "exercises" / "folder.yml"
    folder.mkdir()
    pipe = root / "exercises" / "pipe.yml"
    os.mkfifo(pipe)
    sock = socket.socket(socket.AF_UNIX)
    sock_path = root / "exercises" / "s.yml"
    sock.bind(str(sock_path))
    try:
        found = {p.name: unreadable(p, root) for p in (folder, pipe, sock_path)}
    finally:
        sock.close()
    rest = "content files must be plain text files"
    assert found == {
        "folder.yml": f"not a regular file (a folder): {rest}",
        "pipe.yml": f"not a regular file (a named pipe): {rest}",
        "s.yml": f"not a regular file (a socket): {rest}",
    }


def test_a_pipe_swapped_in_after_the_check_is_refused_without_hanging(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipe passes the first look (as if swapped in just after it): the open must not
    wait for a writer, and the look at the opened file must refuse it."""
    pipe = root / "exercises" / "pipe.yml"
    os.mkfifo(pipe)
    regular = os.stat(root / "exercises" / "a.yml")
    real_stat = os.stat
    resolved = str(pipe.resolve())

    def stat_as_if_regular(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return regular if os.fspath(path) == resolved else real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_as_if_regular)
    assert unreadable(pipe, root) == (
        "not a regular file (a named pipe): content files must be plain text files"
    )


def test_a_missing_file_is_named(root: Path) -> None:
    link = root / "exercises" / "gone.yml"
    link.symlink_to("nowhere.yml")
    assert unreadable(link, root) == "cannot read the file: No such file or directory"


def test_the_size_limit(root: Path) -> None:
    path = root / "exercises" / "big.yml"
    path.write_bytes(b"x" * 2048)
    assert read_content_file(path, root, 2048) == b"x" * 2048
    assert unreadable(path, root, 2047) == (
        "file is 2 KB; content files may be at most 1 KB: split it or remove what does not belong"
    )


def test_no_more_than_the_limit_and_one_byte_is_read(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that grows after its size was taken is still cut off at limit + 1 bytes."""
    path = root / "exercises" / "a.yml"
    path.write_bytes(b"x" * 10_000)
    real_fstat = os.fstat
    asked: list[int] = []
    real_read = os.read

    def small_fstat(descriptor: int) -> Any:
        info = real_fstat(descriptor)
        return os.stat_result((info.st_mode, *[0] * 5, 10, *[0] * 3))

    def counted_read(descriptor: int, size: int) -> bytes:
        asked.append(size)
        return real_read(descriptor, size)

    monkeypatch.setattr(os, "fstat", small_fstat)
    monkeypatch.setattr(os, "read", counted_read)
    assert unreadable(path, root, 1024) == (
        "file is over 1 KB, the most a content file may be: split it or remove what does not belong"
    )
    assert sum(asked) == 1025


# --- the handbook's date ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "accepted"),
    [
        ("1980-01-01", True),
        ("2099-12-31", True),
        ("2026-01-02", True),
        ("1979-12-31", False),
        ("2100-01-01", False),
        ("1969-12-31", False),
        ("0001-01-01", False),
        ("9999-12-31", False),
    ],
)
def test_updated_is_bounded_by_the_declared_range(written: str, accepted: bool) -> None:
    from generator.source.load import validate_model
    from generator.source.model import FIRST_UPDATED, LAST_UPDATED, Handbook
    from tests.conftest import FIXTURES

    text = (FIXTURES / "minimal" / "handbook.yml").read_text("utf-8")
    source, problems = parse_yaml_text(
        text.replace("updated: 2026-01-02", f"updated: {written}"), "handbook.yml"
    )
    assert source is not None
    loaded, problems = validate_model(source, Handbook)
    assert (loaded is not None) == accepted
    if not accepted:
        assert [str(p) for p in problems] == [
            f"handbook.yml:2: updated: expected a date from {FIRST_UPDATED} to {LAST_UPDATED}, "
            f"got {written}"
        ]


# Common slips of an author editing YAML by hand: (file text, the one problem expected). Each
# names the line where the slip is, not the line where the parser gave up.
SLIPS = {
    "tab": (
        "a: 1\nb:\n\tc: 2\n",
        "f.yml:3: YAML syntax error: this line has a tab character: "
        "YAML needs spaces, not tabs, to indent",
    ),
    "unclosed-bracket": (
        "a: 1\nb: [x, y\nc: 2\n",
        "f.yml:2: YAML syntax error: the '[' on this "
        "line is not closed: end the list with ']' on the same line",
    ),
    "unclosed-brace": (
        "a: 1\nb: {x: 1\nc: 2\n",
        "f.yml:2: YAML syntax error: the '{' on this "
        "line is not closed: end the list with '}' on the same line",
    ),
    "key-dedented-a-level": (
        "a: 1\nd:\n  x: 1\ny: 2\n  z: 3\n",
        "f.yml:4: YAML syntax error: this key is indented less than the lines above and below "
        "it, which ends its block early: line it up with them",
    ),
    "key-dedented-a-space": (
        "a: 1\nd:\n  x: 1\n y: 2\n",
        "f.yml:4: YAML syntax error: this line is indented by a different number of spaces "
        "than the lines around it: line it up with the line above, or with the key it belongs to",
    ),
    "colon-in-text": (
        "a: Hold: ten seconds\n",
        "f.yml:1: YAML syntax error: this text holds ': ', "
        "which YAML reads as the start of a key: put the text in quotes",
    ),
    "list-item-run-in": (
        "steps:\n  - Sit down.\n    - Rest one hand on the chair.\n  - Stand up.\n",
        "f.yml:3: steps[0]: this line starts with '- ' but is indented more than the item above "
        "it, so YAML joined the two into one item: indent its '-' like the others",
    ),
    "colour-read-as-comment": (
        "name: x\naccent: #8a3b12\n",
        "f.yml:2: accent: has no value: YAML reads '#8a3b12' as a comment, because '#' after a "
        "space starts one; put the value in quotes: '#8a3b12'",
    ),
    "key-without-value": (
        "name: x\nphone:\n",
        "f.yml:2: phone: has no value: write the value after the ':', or delete the line",
    ),
}


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("slip", SLIPS)
def test_yaml_slips(slip: str) -> None:
    text, expected = SLIPS[slip]
    assert problems_of(text) == [expected]


@pytest.mark.usefixtures("parser")
def test_a_continued_plain_text_that_is_no_list_item_is_one_value() -> None:
    assert value_of(">-\n  one line\n  - and more") == "one line - and more"
    source, problems = parse_yaml_text("a: one line\n  and - more\n", "f.yml")
    assert problems == [] and source is not None and source.data == {"a": "one line and - more"}
