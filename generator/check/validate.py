"""Stage 2: checks that span files: ids, links, references, pictures and routine limits.

Every check appends to one list, so an author sees all problems of a run together.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from generator.errors import ContentError, ContentProblem
from generator.i18n.languages import SOURCE_LANGUAGE, languages_with_catalogues
from generator.rules.plan import total_seconds
from generator.safety import urls
from generator.source.book import Book, PlannedRoutine, RoutineItem
from generator.source.load import Content, Loaded
from generator.source.model import SLUG_PATTERN, DosageOverride, Exercise, Routine
from generator.source.pictures import read_pictures
from generator.source.yamlsource import Source, key_path


def check(content: Content) -> Book:
    """Run every cross-file check; raise ContentError listing all problems, or return the book."""
    problems = list(content.problems)
    problems += _check_ids(content)
    problems += _check_reserved(content)
    exercise_ids = _known_exercise_ids(content)
    exercises = {item.model.id: item for item in content.exercises}
    for item in content.exercises:
        problems += _check_exercise(item, exercise_ids, content)
    planned = []
    for routine in content.routines:
        plan, found = _plan_routine(routine, exercises, exercise_ids)
        problems += found
        if plan is not None:
            planned.append(plan)
    problems += _check_former_ids(content)
    problems += _check_causes(content)
    images = read_pictures(content, problems)
    if problems or content.handbook is None or content.safety is None:
        raise ContentError(problems)
    return Book(
        handbook=content.handbook.model,
        exercises=tuple(sorted((e.model for e in content.exercises), key=lambda e: e.id)),
        routines=tuple(sorted(planned, key=lambda p: p.routine.id)),
        causes=content.causes.model if content.causes else None,
        references=tuple(content.references.model.references) if content.references else (),
        safety=content.safety.model,
        clinic=content.clinic.model if content.clinic else None,
        images=images,
    )


def _known_exercise_ids(content: Content) -> set[str]:
    """Ids claimed inside exercise files, plus their file names and those of unreadable files:
    a file whose id is wrong is reported once, not again at every place that links to it."""
    stems = {
        (kind, _stem(source))
        for (kind, _), sources in content.claimed_ids.items()
        for source in sources
    }
    return {
        ident
        for kind, ident in (*content.claimed_ids, *content.unreadable, *stems)
        if kind == "exercise"
    }


#: Ids of the handbook's own elements start so (#hb-words, #hb-pause-<exercise>...).
OWN_ID_PREFIX = "hb-"
TEMPLATES = Path(__file__).parent.parent / "templates"
#: An anchor a template writes: `{ #name }` after a heading, or a literal id="name".
_TEMPLATE_ANCHOR = re.compile(r'\{ +#([a-z0-9][a-z0-9-]*)|\bid="([a-z0-9][a-z0-9-]*)"')


@cache
def reserved_ids() -> dict[str, str]:
    """Every id content may not take, with what takes it. An id is part of addresses
    (exercises/<id>/, cards/<routine>/) and an anchor on pages (#<node>, #<reference>), so it
    may be none of the site's own folders (urls.PAGE_FOLDERS), no language's folder, and no
    anchor the templates write: each read from where it is declared, not listed again here."""
    reserved = {name: "a folder of the site's own pages" for name in urls.PAGE_FOLDERS}
    for code in (SOURCE_LANGUAGE, *languages_with_catalogues()):
        reserved[code] = "a language's folder"
    for template in sorted(TEMPLATES.glob("*.j2")):
        for match in _TEMPLATE_ANCHOR.finditer(template.read_text("utf-8")):
            reserved.setdefault(
                match.group(1) or match.group(2),
                f"an anchor the pages already have (in {template.name})",
            )
    return reserved


def reserved_problem(ident: str) -> str | None:
    """Why content may not use `ident` as an id, or None."""
    taken = reserved_ids().get(ident)
    if ident.startswith(OWN_ID_PREFIX):
        taken = f"the handbook's own elements (ids starting '{OWN_ID_PREFIX}')"
    if taken is None:
        return None
    return f"'{ident}' is reserved for {taken}: choose another id"


def _check_reserved(content: Content) -> list[ContentProblem]:
    """Ids, former ids, cause node ids and reference ids against the reserved ids."""
    places: list[tuple[Source, tuple[str | int, ...], str]] = [
        (source, ("id",), claimed)
        for (_, claimed), sources in content.claimed_ids.items()
        for source in sources
    ]
    items: list[Loaded[Exercise] | Loaded[Routine]] = [*content.exercises, *content.routines]
    places += [
        (item.source, ("former_ids", index), old)
        for item in items
        for index, old in enumerate(item.model.former_ids)
    ]
    if content.causes is not None:
        places += [
            (content.causes.source, ("nodes", index, "id"), node.id)
            for index, node in enumerate(content.causes.model.nodes)
        ]
    if content.references is not None:
        places += [
            (content.references.source, ("references", index, "id"), ref.id)
            for index, ref in enumerate(content.references.model.references)
        ]
    problems = []
    for source, loc, ident in places:
        reason = reserved_problem(ident)
        if reason is not None:
            problems.append(_at(source, loc, reason))
    return problems


def _check_ids(content: Content) -> list[ContentProblem]:
    problems = []
    for (kind, claimed), sources in content.claimed_ids.items():
        for source in sources:
            stem = _stem(source)
            if stem != claimed and re.fullmatch(SLUG_PATTERN, claimed):  # else the model says
                problems.append(
                    _at(
                        source,
                        ("id",),
                        f"id '{claimed}' does not match the file name "
                        f"'{stem}.yml': rename the file or change the id",
                    )
                )
        if len(sources) > 1:
            others = ", ".join(s.path for s in sources)
            for source in sources:
                problems.append(
                    _at(
                        source,
                        ("id",),
                        f"{kind} id '{claimed}' is claimed by more than one "
                        f"file ({others}): ids must be unique",
                    )
                )
    return problems


def _check_exercise(
    item: Loaded[Exercise], exercise_ids: set[str], content: Content
) -> list[ContentProblem]:
    exercise, source = item.model, item.source
    problems = []
    for side in ("easier", "harder"):
        for index, variant in enumerate(getattr(exercise, side)):
            if variant.exercise is None:
                continue
            if variant.exercise == exercise.id:
                problems.append(
                    _at(
                        source,
                        (side, index, "exercise"),
                        "an exercise cannot be its own easier or harder option",
                    )
                )
            elif variant.exercise not in exercise_ids:
                problems.append(
                    _unknown(
                        source,
                        (side, index, "exercise"),
                        "exercise",
                        variant.exercise,
                        exercise_ids,
                    )
                )
    if content.causes is not None:
        node_ids = {node.id for node in content.causes.model.nodes}
        for index, address in enumerate(exercise.addresses):
            if address.node not in node_ids:
                problems.append(
                    _unknown(
                        source,
                        ("addresses", index, "node"),
                        "cause node",
                        address.node,
                        node_ids,
                        f"{content.shown_root}/causes.yml",
                    )
                )
    # Without causes.yml, "required file is missing" says it: links to its nodes wait for it.
    return problems


def _check_former_ids(content: Content) -> list[ContentProblem]:
    """A former id leads to one exercise (or routine) only, and is never an id in use."""
    problems = []
    kinds: tuple[list[Loaded[Exercise]] | list[Loaded[Routine]], ...] = (
        content.exercises,
        content.routines,
    )
    for items in kinds:
        current = {item.model.id for item in items}
        owners: dict[str, str] = {}
        for item in items:
            for index, old in enumerate(item.model.former_ids):
                loc = ("former_ids", index)
                if old in current:
                    problems.append(
                        _at(item.source, loc, f"'{old}' is an id in use: remove it from here")
                    )
                elif owners.setdefault(old, item.model.id) != item.model.id:
                    problems.append(
                        _at(item.source, loc, f"'{old}' is also a former id of '{owners[old]}'")
                    )
    return problems


def _plan_routine(
    item: Loaded[Routine], exercises: dict[str, Loaded[Exercise]], exercise_ids: set[str]
) -> tuple[PlannedRoutine | None, list[ContentProblem]]:
    routine, source = item.model, item.source
    problems: list[ContentProblem] = []
    items = []
    for index, entry in enumerate(routine.exercises):
        loc = ("exercises", index)
        if entry.exercise not in exercise_ids:
            problems.append(
                _unknown(source, (*loc, "exercise"), "exercise", entry.exercise, exercise_ids)
            )
            continue
        if entry.exercise not in exercises:
            continue  # that exercise's own file has problems, reported there
        exercise = exercises[entry.exercise].model
        dosage = exercise.dosage
        if entry.dosage is not None:
            contradicted = _contradicted_frequency(routine, entry.dosage)
            if contradicted:
                problems.append(_at(source, (*loc, "dosage", contradicted[0]), contradicted[1]))
                continue
            try:
                dosage = dosage.merged(entry.dosage)
            except ValidationError as error:
                reasons = (str(e.get("ctx", {}).get("error", e["msg"])) for e in error.errors())
                problems.append(_at(source, (*loc, "dosage"), "; ".join(reasons)))
                continue
        # The routine says how often, once for all its exercises.
        frequency = routine.frequency
        dosage = dosage.model_copy(
            update={
                "times_per_day": frequency.times_per_day,
                "days_per_week": frequency.days_per_week,
                "suggested": [f for f in dosage.suggested if f not in FREQUENCY_FIELDS],
            }
        )
        items.append(RoutineItem(exercise, dosage, entry.note))
    repeated = [
        ex for ex, count in Counter(e.exercise for e in routine.exercises).items() if count > 1
    ]
    for exercise_id in repeated:
        problems.append(
            _at(
                source,
                ("exercises",),
                f"exercise '{exercise_id}' appears more "
                "than once: list it once and raise its reps or sets instead",
            )
        )
    if problems:
        return None, problems
    seconds = total_seconds(i.dosage for i in items)
    plan = PlannedRoutine(routine, tuple(items), seconds)
    if routine.max_minutes is not None and plan.minutes > routine.max_minutes:
        problems.append(
            _at(
                source,
                ("max_minutes",),
                f"routine '{routine.id}' takes about "
                f"{plan.minutes} minutes by its dosage, more than its max_minutes "
                f"of {routine.max_minutes}: lower reps or holds, or drop an exercise",
            )
        )
        return None, problems
    return plan, problems


#: The dosage fields a routine sets once for all its exercises (Routine.frequency).
FREQUENCY_FIELDS = ("times_per_day", "days_per_week")


def _contradicted_frequency(routine: Routine, override: DosageOverride) -> tuple[str, str] | None:
    """(field, message) when a routine's entry sets a frequency other than the routine's."""
    for field in FREQUENCY_FIELDS:
        said, routine_said = getattr(override, field), getattr(routine.frequency, field)
        if said is not None and said != routine_said:
            return field, (
                f"{said} contradicts the routine's frequency.{field} of {routine_said}: a "
                "routine is done as one, so set how often once, under frequency, and leave it "
                "out here"
            )
    return None


def _check_causes(content: Content) -> list[ContentProblem]:
    if content.causes is None:
        return []
    causes, source = content.causes.model, content.causes.source
    problems = []
    grade_ids = {grade.id for grade in causes.grades}
    node_ids = [node.id for node in causes.nodes]
    for node_id, count in Counter(node_ids).items():
        if count > 1:
            index = node_ids.index(node_id, node_ids.index(node_id) + 1)
            problems.append(
                _at(
                    source,
                    ("nodes", index, "id"),
                    f"node id '{node_id}' is used twice: node ids must be unique",
                )
            )
    reference_ids = (
        {ref.id for ref in content.references.model.references} if content.references else set()
    )
    # When references.yml itself has problems they are reported there, not at every citation.
    references_readable = (
        content.references is not None or not (content.root / "references.yml").exists()
    )
    cited: set[str] = set()
    for index, link in enumerate(causes.links):
        loc = ("links", index)
        for end, node_id in (("from", link.source), ("to", link.target)):
            if node_id not in node_ids:
                problems.append(_unknown(source, (*loc, end), "node", node_id, set(node_ids)))
        if link.grade not in grade_ids:
            problems.append(_unknown(source, (*loc, "grade"), "grade", link.grade, grade_ids))
        graded = link.grade in grade_ids
        if graded and not link.references and link.grade not in ("expert-opinion", "not-supported"):
            problems.append(
                _at(
                    source,
                    (*loc, "references"),
                    f"a link graded '{link.grade}' needs at least one reference",
                )
            )
        for ref_index, ref_id in enumerate(link.references):
            cited.add(ref_id)
            if ref_id not in reference_ids and references_readable:
                problems.append(
                    _unknown(
                        source,
                        (*loc, "references", ref_index),
                        "reference",
                        ref_id,
                        reference_ids,
                        f"{content.shown_root}/references.yml",
                    )
                )
    linked = {link.source for link in causes.links} | {link.target for link in causes.links}
    for index, node in enumerate(causes.nodes):
        if node.id not in linked:
            problems.append(
                _at(
                    source,
                    ("nodes", index, "id"),
                    f"node '{node.id}' is not joined to any link: link it or remove it",
                )
            )
    if content.references is not None:
        refs = content.references
        seen: set[str] = set()
        for index, ref in enumerate(refs.model.references):
            if ref.id in seen:
                problems.append(
                    _at(
                        refs.source,
                        ("references", index, "id"),
                        f"reference id '{ref.id}' is used twice",
                    )
                )
            seen.add(ref.id)
            if ref.id not in cited:
                problems.append(
                    _at(
                        refs.source,
                        ("references", index, "id"),
                        f"reference '{ref.id}' is not cited by any link in "
                        f"{content.shown_root}/causes.yml: cite it or remove it",
                    )
                )
    return problems


def _stem(source: Source) -> str:
    return source.path.rsplit("/", 1)[-1].removesuffix(".yml")


def _at(source: Source, loc: tuple[str | int, ...], message: str) -> ContentProblem:
    return ContentProblem(source.path, source.line(loc), key_path(loc), message)


def _unknown(
    source: Source,
    loc: tuple[str | int, ...],
    kind: str,
    value: str,
    known: set[str],
    where: str | None = None,
) -> ContentProblem:
    message = f"unknown {kind} id '{value}'"
    if where:
        message += f" (not in {where})"
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    if close:
        message += f"; did you mean '{close[0]}'?"
    elif 0 < len(known) <= 8:
        message += f"; expected one of {', '.join(sorted(known))}"
    return _at(source, loc, message)
