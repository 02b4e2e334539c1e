"""The cause-and-effect diagram, drawn as inline SVG from content/causes.yml.

Hand-written because the diagram must be static, script-free SVG made at build time with no
external service; the graph is small (tens of nodes), so a layered layout by longest path is
enough. Line styles carry the grade, so it reads in black and white.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from itertools import pairwise

from generator.safety import escape
from generator.source.model import CauseLink, CauseNode, Causes

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 200, 62, 26, 70, 20
DUMMY_W = 28
FONT = 19
#: Stroke styles by position in the grade scale (strongest first): width, dash pattern.
STYLES = [(4.5, ""), (4.5, "14 5 3 5"), (3.0, ""), (3.0, "10 7"), (2.5, "2 6")]
LEGEND_ITEM_W, LEGEND_ROW_H = 250, 30


@dataclass(frozen=True)
class Placed:
    node: CauseNode
    x: float
    y: float


def layers(causes: Causes) -> dict[str, int]:
    """Row of each node: one below the furthest node that leads to it (longest path).

    Nodes that only point at others (treatments, aggravating factors) are then pulled down
    to sit just above the nearest node they point at, so their arrows stay short.
    """
    depth = {node.id: 0 for node in causes.nodes}
    for _ in range(len(causes.nodes)):  # bounded: a cycle cannot loop forever
        changed = False
        for link in causes.links:
            if depth[link.target] < depth[link.source] + 1 <= len(causes.nodes):
                depth[link.target] = depth[link.source] + 1
                changed = True
        if not changed:
            break
    targets = {link.target for link in causes.links}
    for node in causes.nodes:
        if node.id not in targets:
            below = [depth[link.target] for link in causes.links if link.source == node.id]
            if below:
                depth[node.id] = max(depth[node.id], min(below) - 1)
    return depth


def place(
    causes: Causes,
) -> tuple[dict[str, Placed], dict[int, list[tuple[float, float]]], float, float]:
    """Boxes, the bend points of long arrows (by link index), and the drawing's size."""
    depth = layers(causes)
    rows: dict[int, list[str]] = {}
    for node in causes.nodes:
        rows.setdefault(depth[node.id], []).append(node.id)
    # Long arrows pass through a dummy slot in every row they cross.
    chains: dict[int, list[str]] = {}
    for index, link in enumerate(causes.links):
        start, end = depth[link.source], depth[link.target]
        chain = []
        for row in range(start + 1, end):
            dummy = f"~{index}~{row}"
            rows.setdefault(row, []).append(dummy)
            chain.append(dummy)
        chains[index] = chain
    order = _order_rows(causes, rows, chains)
    widths = {
        level: sum(DUMMY_W if n.startswith("~") else BOX_W for n in names)
        + GAP_X * (len(names) - 1)
        for level, names in order.items()
    }
    width = max(max(widths.values()) + 2 * MARGIN, 2 * MARGIN + 2 * LEGEND_ITEM_W)
    nodes = {node.id: node for node in causes.nodes}
    placed: dict[str, Placed] = {}
    centres: dict[str, float] = {}
    tops = {level: MARGIN + level * (BOX_H + GAP_Y) for level in order}
    for level, names in order.items():
        x = (width - widths[level]) / 2
        for name in names:
            size = DUMMY_W if name.startswith("~") else BOX_W
            centres[name] = x + size / 2
            if not name.startswith("~"):
                placed[name] = Placed(nodes[name], x, tops[level])
            x += size + GAP_X
    bends = {
        index: [(centres[d], tops[int(d.split("~")[2])] + BOX_H / 2) for d in chain]
        for index, chain in chains.items()
    }
    legend_rows = -(-len(causes.grades) // _legend_columns(width))
    height = (
        MARGIN
        + (max(order) + 1) * (BOX_H + GAP_Y)
        - GAP_Y
        + 24
        + legend_rows * LEGEND_ROW_H
        + MARGIN
    )
    return placed, bends, width, height


def _order_rows(
    causes: Causes, rows: dict[int, list[str]], chains: dict[int, list[str]]
) -> dict[int, list[str]]:
    """Order each row by the mean position of its neighbours (a few barycentre sweeps)."""
    neighbours: dict[str, list[str]] = {}
    for index, link in enumerate(causes.links):
        chain = [link.source, *chains[index], link.target]
        for upper, lower in pairwise(chain):
            neighbours.setdefault(upper, []).append(lower)
            neighbours.setdefault(lower, []).append(upper)
    order = {level: list(names) for level, names in sorted(rows.items())}
    for sweep in range(6):
        for level in sorted(order, reverse=sweep % 2 == 1):
            position = {name: i for names in order.values() for i, name in enumerate(names)}
            order[level] = sorted(
                order[level],
                key=lambda name: _mean_position(
                    neighbours.get(name, []), position, order[level].index(name)
                ),
            )
    return order


def _mean_position(names: list[str], position: dict[str, int], default: int) -> float:
    return sum(position[name] for name in names) / len(names) if names else default


def _legend_columns(width: float) -> int:
    return max(1, int((width - 2 * MARGIN) // LEGEND_ITEM_W))


def draw(causes: Causes, title: str, description: str, *, lang: str = "en") -> str:
    """The diagram as an <svg> element, with a title, a description and a legend, its text
    in the language `lang` (labels and grades come translated in `causes`)."""
    placed, bends, width, height = place(causes)
    style = {grade.id: STYLES[min(i, len(STYLES) - 1)] for i, grade in enumerate(causes.grades)}
    parts = [
        f'<svg class="hb-diagram" xmlns="http://www.w3.org/2000/svg" role="img" lang="{lang}" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        'aria-labelledby="causes-title causes-desc">',
        f'<title id="causes-title">{_esc(title)}</title>',
        f'<desc id="causes-desc">{_esc(description)}</desc>',
        '<defs><marker id="hb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="16" '
        'markerHeight="16" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0 0L10 5L0 10z" fill="#222"/>'
        "</marker></defs>",
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#fff"/>',
    ]
    ends = _spread_ends(causes, placed, bends)
    parts += [_edge(link, placed, bends[i], ends[i], style) for i, link in enumerate(causes.links)]
    parts += [_box(p) for p in placed.values()]
    parts.append(_legend(causes, style, width, height))
    parts.append("</svg>")
    return "".join(parts)


def _spread_ends(
    causes: Causes, placed: dict[str, Placed], bends: dict[int, list[tuple[float, float]]]
) -> dict[int, float]:
    """Where each arrow meets its target's top edge: spread out, ordered by where it comes from."""
    ends: dict[int, float] = {}
    for node_id, box in placed.items():
        incoming = [i for i, link in enumerate(causes.links) if link.target == node_id]

        def from_x(i: int) -> float:
            if bends[i]:
                return bends[i][-1][0]
            return placed[causes.links[i].source].x + BOX_W / 2

        incoming.sort(key=from_x)
        for rank, index in enumerate(incoming):
            share = (rank + 1) / (len(incoming) + 1)
            ends[index] = box.x + BOX_W * (0.2 + 0.6 * share)
    return ends


def _edge(
    link: CauseLink,
    placed: dict[str, Placed],
    bends: list[tuple[float, float]],
    end_x: float,
    style: dict[str, tuple[float, str]],
) -> str:
    start, end = placed[link.source], placed[link.target]
    points = [(start.x + BOX_W / 2, start.y + BOX_H), *bends, (end_x, end.y - 1)]
    if end.y <= start.y:  # same row: leave from the side
        points = [(start.x + BOX_W, start.y + BOX_H / 2), (end.x, end.y + BOX_H / 2)]
    d = f"M{points[0][0]:.0f} {points[0][1]:.0f}"
    for (x1, y1), (x2, y2) in pairwise(points):
        middle = (y1 + y2) / 2
        d += f"C{x1:.0f} {middle:.0f} {x2:.0f} {middle:.0f} {x2:.0f} {y2:.0f}"
    stroke, dash = style.get(link.grade, STYLES[-1])
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<path d="{d}" fill="none" stroke="#222" stroke-width="{stroke}"{dash_attr} '
        f'marker-end="url(#hb-arrow)"/>'
    )


def _box(p: Placed) -> str:
    lines = textwrap.wrap(p.node.label, 18) or [p.node.label]
    fill = "#f2f2f2" if p.node.kind in ("factor", "related", "treatment") else "#fff"
    text_y = p.y + BOX_H / 2 - (len(lines) - 1) * 11 + 7
    spans = "".join(
        f'<tspan x="{p.x + BOX_W / 2:.0f}" y="{text_y + i * 22:.0f}">{_esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<g><rect x="{p.x:.0f}" y="{p.y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="8" '
        f'fill="{fill}" stroke="#222" stroke-width="2"/>'
        f'<text text-anchor="middle" font-family="sans-serif" font-size="{FONT}" fill="#111">'
        f"{spans}</text></g>"
    )


def _legend(
    causes: Causes, style: dict[str, tuple[float, str]], width: float, height: float
) -> str:
    columns = _legend_columns(width)
    rows = -(-len(causes.grades) // columns)
    top = height - MARGIN - rows * LEGEND_ROW_H + LEGEND_ROW_H / 2
    items = []
    for i, grade in enumerate(causes.grades):
        stroke, dash = style[grade.id]
        x = MARGIN + (i % columns) * LEGEND_ITEM_W
        y = top + (i // columns) * LEGEND_ROW_H
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        items.append(
            f'<line x1="{x:.0f}" y1="{y:.0f}" x2="{x + 44:.0f}" y2="{y:.0f}" stroke="#222" '
            f'stroke-width="{stroke}"{dash_attr}/><text x="{x + 52:.0f}" y="{y + 5:.0f}" '
            f'font-family="sans-serif" font-size="{FONT - 1}" fill="#111">'
            f"{_esc(grade.label)}</text>"
        )
    return f'<g class="hb-legend">{"".join(items)}</g>'


def _esc(text: str) -> str:
    # Entity-encoded so Markdown leaves it alone; numeric references are valid XML too.
    return str(escape.text(text))
