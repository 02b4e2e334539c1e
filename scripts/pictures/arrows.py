"""Bold filled arrows that show a movement, and the chevron between the two panels."""

from __future__ import annotations

from collections.abc import Sequence

from .geometry import Point, add, arc_points, length, lerp, mul, normal, sub, unit
from .style import GUTTER, INK, PANEL_H, PANEL_W, PAPER
from .svg import Paint, polygon_d, ribbon_d, shape, zoom_factor

ARROW_HALF = 5.0
HEAD_HALF = 13.0
HEAD_LEN = 20.0


def arrow_along(points: Sequence[Point], both: bool = False) -> str:
    """A bold filled arrow following the polyline `points`, its head at the last point."""
    pts = list(points)
    z = zoom_factor()
    head_len, head_half, half = HEAD_LEN / z, HEAD_HALF / z, ARROW_HALF / z

    def trimmed(seq: list[Point], cut: float) -> tuple[list[Point], Point, Point]:
        tip = seq[-1]
        run = 0.0
        for i in range(len(seq) - 1, 0, -1):
            run += length(sub(seq[i], seq[i - 1]))
            if run >= cut:
                base = lerp(seq[i - 1], seq[i], (run - cut) / length(sub(seq[i], seq[i - 1])))
                return [*seq[:i], base], base, tip
        return [seq[0], seq[0]], seq[0], tip

    body, base, tip = trimmed(pts, head_len * 0.8)
    heads = [(base, tip)]
    if both:
        rev, base2, tip2 = trimmed(body[::-1], head_len * 0.8)
        body = rev[::-1]
        heads.append((base2, tip2))
    outlines = [ribbon_d(body, half)]
    for b, t in heads:
        direction = unit(sub(t, b))
        back = sub(t, mul(direction, head_len))
        n = normal(direction)
        outlines.append(polygon_d([t, add(back, mul(n, head_half)), sub(back, mul(n, head_half))]))
    # a white edge first, so that the arrow stands out where it crosses a figure
    out = [shape(d, Paint(PAPER, PAPER)) for d in outlines]
    out += [shape(d, Paint(INK, "none")) for d in outlines]
    return "".join(out)


def arrow(a: Point, b: Point, both: bool = False) -> str:
    return arrow_along([lerp(a, b, i / 8) for i in range(9)], both)


def arc_arrow(c: Point, r: float, a0: float, a1: float, both: bool = False) -> str:
    return arrow_along(arc_points(c, r, a0, a1), both)


def chevron() -> str:
    x, y = PANEL_W + GUTTER / 2, PANEL_H / 2
    return shape(
        polygon_d([(x - 5, y - 14), (x + 6, y), (x - 5, y + 14), (x - 5, y)]),
        Paint(INK, "none"),
    )
