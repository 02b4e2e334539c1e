"""Stage 2: checks that span files: ids, links, references, pictures and routine limits.

Every check appends to one list, so an author sees all problems of a run together.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from generator.check.causes import check_causes
from generator.check.problems import at, file_stem, unknown
from generator.errors import ContentError, ContentProblem
from generator.i18n.languages import SOURCE_LANGUAGE, languages_with_catalogues
from generator.rules.plan import total_seconds
from generator.safety import urls
from generator.source.book import Book, PlannedRoutine, RoutineItem
from generator.source.load import Content, Loaded
from generator.source.model import SLUG_PATTERN, DosageOverride, Exercise, Routine
from generator.source.pictures import read_pictures
from generator.source.yamlsource import Source


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
    problems += check_causes(content)
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
        (kind, file_stem(source))
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
            problems.append(at(source, loc, reason))
    return problems


def _check_ids(content: Content) -> list[ContentProblem]:
    problems = []
    for (kind, claimed), sources in content.claimed_ids.items():
        for source in sources:
            stem = file_stem(source)
            if stem != claimed and re.fullmatch(SLUG_PATTERN, claimed):  # else the model says
                problems.append(
                    at(
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
                    at(
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
                    at(
                        source,
                        (side, index, "exercise"),
                        "an exercise cannot be its own easier or harder option",
                    )
                )
            elif variant.exercise not in exercise_ids:
                problems.append(
                    unknown(
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
                    unknown(
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
                        at(item.source, loc, f"'{old}' is an id in use: remove it from here")
                    )
                elif owners.setdefault(old, item.model.id) != item.model.id:
                    problems.append(
                        at(item.source, loc, f"'{old}' is also a former id of '{owners[old]}'")
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
                unknown(source, (*loc, "exercise"), "exercise", entry.exercise, exercise_ids)
            )
            continue
        if entry.exercise not in exercises:
            continue  # that exercise's own file has problems, reported there
        exercise = exercises[entry.exercise].model
        dosage = exercise.dosage
        if entry.dosage is not None:
            contradicted = _contradicted_frequency(routine, entry.dosage)
            if contradicted:
                problems.append(at(source, (*loc, "dosage", contradicted[0]), contradicted[1]))
                continue
            try:
                dosage = dosage.merged(entry.dosage)
            except ValidationError as error:
                reasons = (str(e.get("ctx", {}).get("error", e["msg"])) for e in error.errors())
                problems.append(at(source, (*loc, "dosage"), "; ".join(reasons)))
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
            at(
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
            at(
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
