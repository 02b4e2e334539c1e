"""One picture file: the start panel, a chevron, the end panel, and a view of each panel."""

from __future__ import annotations

from .arrows import chevron
from .style import GUTTER, PANEL_H, PANEL_W, PAPER, WIDTH

Panels = tuple[list[str], list[str]]


def document(name: str, panels: Panels) -> str:
    clip = f"{name}-panel"
    start, end = panels
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {PANEL_H}" '
        f'width="{WIDTH}" height="{PANEL_H}">',
        f'<view id="start" viewBox="0 0 {PANEL_W} {PANEL_H}"/>',
        f'<view id="end" viewBox="{PANEL_W + GUTTER} 0 {PANEL_W} {PANEL_H}"/>',
        f'<defs><clipPath id="{clip}"><rect width="{PANEL_W}" height="{PANEL_H}"/></clipPath>'
        "</defs>",
        f'<rect width="{WIDTH}" height="{PANEL_H}" fill="{PAPER}"/>',
        f'<g clip-path="url(#{clip})">',
        *start,
        "</g>",
        chevron(),
        f'<g transform="translate({PANEL_W + GUTTER} 0)"><g clip-path="url(#{clip})">',
        *end,
        "</g></g>",
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
