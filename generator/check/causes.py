"""The cause chain's checks: its nodes, links, grades and the references they cite."""

from __future__ import annotations

from collections import Counter

from generator.check.problems import at, unknown
from generator.errors import ContentProblem
from generator.source.load import Content


def check_causes(content: Content) -> list[ContentProblem]:
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
                at(
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
                problems.append(unknown(source, (*loc, end), "node", node_id, set(node_ids)))
        if link.grade not in grade_ids:
            problems.append(unknown(source, (*loc, "grade"), "grade", link.grade, grade_ids))
        graded = link.grade in grade_ids
        if graded and not link.references and link.grade not in ("expert-opinion", "not-supported"):
            problems.append(
                at(
                    source,
                    (*loc, "references"),
                    f"a link graded '{link.grade}' needs at least one reference",
                )
            )
        for ref_index, ref_id in enumerate(link.references):
            cited.add(ref_id)
            if ref_id not in reference_ids and references_readable:
                problems.append(
                    unknown(
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
                at(
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
                    at(
                        refs.source,
                        ("references", index, "id"),
                        f"reference id '{ref.id}' is used twice",
                    )
                )
            seen.add(ref.id)
            if ref.id not in cited:
                problems.append(
                    at(
                        refs.source,
                        ("references", index, "id"),
                        f"reference '{ref.id}' is not cited by any link in "
                        f"{content.shown_root}/causes.yml: cite it or remove it",
                    )
                )
    return problems
