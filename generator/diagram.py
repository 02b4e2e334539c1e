"""The cause-and-effect diagram, drawn as inline SVG from content/causes.yml.

Hand-written because the diagram must be static, script-free SVG made at build time with no
external service; the graph is small (tens of nodes), so a layered layout by longest path is
enough. Line styles carry the grade, so it reads in black and white.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from . import escape
from .model import CauseLink, CauseNode, Causes

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 190, 54, 30, 62, 20
#: Stroke styles by position in the grade scale (strongest first): width, dash pattern.
STYLES = [(4.0, ""), (2.5, ""), (2.5, "9 6"), (2.0, "2 5")]


@dataclass(frozen=True)
class Placed:
    node: CauseNode
    x: float
    y: float


def layers(causes: Causes) -> list[list[CauseNode]]:
    """Nodes in rows: each node one row below the furthest node that leads to it."""
    depth = {node.id: 0 for node in causes.nodes}
    for _ in range(len(causes.nodes)):  # bounded: a cycle cannot loop forever
        changed = False
        for link in causes.links:
            if depth[link.target] < depth[link.source] + 1 <= len(causes.nodes):
                depth[link.target] = depth[link.source] + 1
                changed = True
        if not changed:
            break
    rows: list[list[CauseNode]] = [[] for _ in range(max(depth.values()) + 1)]
    for node in causes.nodes:
        rows[depth[node.id]].append(node)
    return [row for row in rows if row]


LEGEND_ITEM_W, LEGEND_ROW_H = 230, 26


def place(causes: Causes) -> tuple[dict[str, Placed], float, float]:
    rows = layers(causes)
    widest = max(len(row) for row in rows)
    width = max(2 * MARGIN + widest * BOX_W + (widest - 1) * GAP_X, 2 * MARGIN + 2 * LEGEND_ITEM_W)
    placed = {}
    for r, row in enumerate(rows):
        row_width = len(row) * BOX_W + (len(row) - 1) * GAP_X
        left = (width - row_width) / 2
        for c, node in enumerate(row):
            x = left + c * (BOX_W + GAP_X)
            placed[node.id] = Placed(node, x, MARGIN + 34 + r * (BOX_H + GAP_Y))
    per_row = _legend_columns(width)
    legend_rows = -(-len(causes.grades) // per_row)
    height = MARGIN + 34 + len(rows) * (BOX_H + GAP_Y) - GAP_Y + MARGIN + legend_rows * LEGEND_ROW_H
    return placed, width, height


def _legend_columns(width: float) -> int:
    return max(1, int((width - 2 * MARGIN) // LEGEND_ITEM_W))


def draw(causes: Causes, title: str, description: str) -> str:
    """The diagram as an <svg> element, with a title, a description and a legend."""
    placed, width, height = place(causes)
    style = {grade.id: STYLES[min(i, len(STYLES) - 1)] for i, grade in enumerate(causes.grades)}
    parts = [
        f'<svg class="hb-diagram" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        'aria-labelledby="causes-title causes-desc">',
        f'<title id="causes-title">{_esc(title)}</title>',
        f'<desc id="causes-desc">{_esc(description)}</desc>',
        '<defs><marker id="hb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#222"/>'
        "</marker></defs>",
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#fff"/>',
    ]
    parts += [_edge(link, placed, style) for link in causes.links]
    parts += [_box(p) for p in placed.values()]
    parts.append(_legend(causes, style, width, height))
    parts.append("</svg>")
    return "".join(parts)


def _edge(link: CauseLink, placed: dict[str, Placed], style: dict[str, tuple[float, str]]) -> str:
    start, end = placed[link.source], placed[link.target]
    x1, y1 = start.x + BOX_W / 2, start.y + BOX_H
    x2, y2 = end.x + BOX_W / 2, end.y
    if end.y <= start.y:  # same row or upwards: leave from the side
        x1, y1 = start.x + BOX_W, start.y + BOX_H / 2
        x2, y2 = end.x, end.y + BOX_H / 2
    stroke, dash = style.get(link.grade, STYLES[-1])
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<path d="M{x1:.0f} {y1:.0f}C{x1:.0f} {(y1 + y2) / 2:.0f} {x2:.0f} {(y1 + y2) / 2:.0f} '
        f'{x2:.0f} {y2 - 2:.0f}" fill="none" stroke="#222" stroke-width="{stroke}"{dash_attr} '
        f'marker-end="url(#hb-arrow)"/>'
    )


def _box(p: Placed) -> str:
    lines = textwrap.wrap(p.node.label, 20) or [p.node.label]
    fill = "#f2f2f2" if p.node.kind in ("factor", "related", "treatment") else "#fff"
    text_y = p.y + BOX_H / 2 - (len(lines) - 1) * 9 + 5
    spans = "".join(
        f'<tspan x="{p.x + BOX_W / 2:.0f}" y="{text_y + i * 18:.0f}">{_esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<g><rect x="{p.x:.0f}" y="{p.y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="8" '
        f'fill="{fill}" stroke="#222" stroke-width="2"/>'
        f'<text text-anchor="middle" font-family="sans-serif" font-size="15" fill="#111">'
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
            f'font-family="sans-serif" font-size="14" fill="#111">{_esc(grade.label)}</text>'
        )
    return f'<g class="hb-legend">{"".join(items)}</g>'


def _esc(text: str) -> str:
    # Entity-encoded so Markdown leaves it alone; numeric references are valid XML too.
    return str(escape.text(text))
