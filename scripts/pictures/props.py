"""Scenery and props: floor, wall, mat, kitchen counter, towel, band, chair, tennis ball,
pencil.
"""

from __future__ import annotations

from collections.abc import Sequence

from .geometry import Point, add, mul, normal, reach, sub, unit
from .style import FLOOR, GROUND, INK, LIGHT_FAR, PANEL_H, PANEL_W, PAPER, PROP, PROP_LIGHT
from .svg import (
    Paint,
    capsule,
    circle,
    f,
    polygon_d,
    pt,
    ribbon_d,
    shape,
    stroke_line,
    stroke_width,
)


def floor(y: float = FLOOR) -> list[str]:
    return [
        f'<rect x="0" y="{f(y)}" width="{PANEL_W}" height="{f(PANEL_H - y)}" fill="{GROUND}"/>',
        stroke_line([(0, y), (PANEL_W, y)]),
    ]


def wall(x: float, facing_left: bool = True) -> list[str]:
    """A wall whose face is at `x`; the wall itself lies to the right of it if facing_left."""
    w = PANEL_W - x if facing_left else x
    x0 = x if facing_left else 0
    return [
        f'<rect x="{f(x0)}" y="0" width="{f(w)}" height="{FLOOR}" fill="{PROP_LIGHT}"/>',
        stroke_line([(x, 0), (x, FLOOR)]),
    ]


def mat(x0: float, x1: float) -> list[str]:
    return [
        f'<rect x="{f(x0)}" y="{FLOOR - 8}" width="{f(x1 - x0)}" height="8" rx="4"'
        f"{Paint(PROP_LIGHT).attrs()}/>"
    ]


def counter(x0: float, x1: float, top: float) -> list[str]:
    """A kitchen counter seen from the front: worktop and cupboard doors."""
    out = [
        f'<rect x="{f(x0)}" y="{f(top + 10)}" width="{f(x1 - x0)}" height="{f(FLOOR - top - 10)}"'
        f"{Paint(PROP_LIGHT).attrs()}/>",
    ]
    doors = max(int((x1 - x0) // 100), 1)
    w = (x1 - x0 - 12) / doors
    for i in range(doors):
        dx = x0 + 6 + i * w
        out.append(
            f'<rect x="{f(dx + 3)}" y="{f(top + 20)}" width="{f(w - 6)}" '
            f'height="{f(FLOOR - top - 48)}" rx="2"{Paint("none").attrs()}/>'
        )
        knob_x = dx + (w - 16 if i % 2 == 0 else 16)
        out.append(circle((knob_x, top + 34), 3, Paint(PROP)))
    out.append(
        f'<rect x="{f(x0 - 6)}" y="{f(top)}" width="{f(x1 - x0 + 12)}" height="12" rx="2"'
        f"{Paint(PROP).attrs()}/>"
    )
    return out


TOWEL_HALF = 7.0


def towel_d(points: Sequence[Point]) -> str:
    return ribbon_d(points, TOWEL_HALF)


def draw_towel(points: Sequence[Point]) -> list[str]:
    """A towel as a wide strap, with two stripes across near each end."""
    out = [shape(towel_d(points), Paint(PROP))]
    for i in (1, 2, len(points) - 3, len(points) - 2):
        p = points[i]
        n = normal(unit(sub(points[i + 1], points[i - 1])))
        out.append(stroke_line([add(p, mul(n, TOWEL_HALF)), sub(p, mul(n, TOWEL_HALF))], PAPER))
    return out


def draw_band(points: Sequence[Point]) -> list[str]:
    return [shape(ribbon_d(points, 3.0), Paint(PROP))]


def chair(
    front_x: float, seat_y: float = FLOOR - 100, depth: float = 90, back: float = 110
) -> list[str]:
    """A sturdy kitchen chair seen from the side, its seat facing left, its back on the right."""
    back_x = front_x + depth
    paint = Paint(PROP)
    leg_w = 9.0
    return [
        f'<rect x="{f(back_x - leg_w)}" y="{f(seat_y - back)}" width="{f(leg_w)}" '
        f'height="{f(FLOOR - seat_y + back)}" rx="3"{paint.attrs()}/>',
        f'<rect x="{f(back_x - 14)}" y="{f(seat_y - back - 2)}" width="20" height="30" rx="4"'
        f"{paint.attrs()}/>",
        f'<rect x="{f(front_x)}" y="{f(seat_y)}" width="{f(leg_w)}" height="{f(FLOOR - seat_y)}"'
        f' rx="3"{paint.attrs()}/>',
        f'<rect x="{f(front_x)}" y="{f(FLOOR - 50)}" width="{f(depth - leg_w)}" height="7"'
        f"{paint.attrs()}/>",
        f'<rect x="{f(front_x - 6)}" y="{f(seat_y - 12)}" width="{f(depth + 8)}" height="13"'
        f' rx="4"{paint.attrs()}/>',
    ]


def tennis_ball(c: Point, r: float) -> list[str]:
    out = [circle(c, r, Paint(PROP))]
    for side in (-1, 1):
        a = reach(c, 180 + side * 35 if side < 0 else -35, r * 0.97)
        b = reach(c, 180 - side * 35 if side < 0 else 35, r * 0.97)
        bulge = add(c, (side * r * 0.25, 0.0))
        out.append(
            f'<path d="M{pt(a)}Q{pt(bulge)} {pt(b)}" fill="none" stroke="{PAPER}" '
            f'stroke-width="{stroke_width()}" stroke-linecap="round"/>'
        )
    return out


def pencil(tip: Point, end: Point, r: float = 6.0) -> list[str]:
    """A sharpened pencil from its point to its rubber end."""
    u = unit(sub(end, tip))
    n = normal(u)
    cone = add(tip, mul(u, r * 3.2))
    ferrule = sub(end, mul(u, r * 2.6))
    out = [
        shape(
            polygon_d(
                [
                    add(cone, mul(n, r)),
                    add(ferrule, mul(n, r)),
                    sub(ferrule, mul(n, r)),
                    sub(cone, mul(n, r)),
                ]
            ),
            Paint(PROP),
        ),
        stroke_line([add(cone, mul(n, r * 0.3)), add(ferrule, mul(n, r * 0.3))]),
        shape(polygon_d([tip, add(cone, mul(n, r)), sub(cone, mul(n, r))]), Paint(PROP_LIGHT)),
        shape(
            polygon_d(
                [
                    tip,
                    add(tip, add(mul(u, r * 1.1), mul(n, r * 0.35))),
                    add(tip, sub(mul(u, r * 1.1), mul(n, r * 0.35))),
                ]
            ),
            Paint(INK),
        ),
        shape(
            polygon_d(
                [
                    add(ferrule, mul(n, r)),
                    add(ferrule, add(mul(u, r * 1.2), mul(n, r))),
                    add(ferrule, sub(mul(u, r * 1.2), mul(n, r))),
                    sub(ferrule, mul(n, r)),
                ]
            ),
            Paint(PROP_LIGHT),
        ),
        capsule(add(ferrule, mul(u, r * 1.2)), r, sub(end, mul(u, r * 0.3)), r, Paint(LIGHT_FAR)),
    ]
    return out
