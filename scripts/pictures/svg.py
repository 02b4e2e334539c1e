"""SVG elements as strings: numbers, paints, filled shapes, lines and smooth outlines.

Every stroke has one weight on the page, also inside a magnified group (`zoomed`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .geometry import Point, add, angle_of, length, mul, normal, reach, sub, unit
from .style import DARK, GHOST_DASH, INK, LIGHT, PAPER, STROKE


def f(v: float) -> str:
    s = f"{v:.1f}"
    return "0" if s in ("-0.0", "0.0") else s.removesuffix(".0")


def pt(p: Point) -> str:
    return f"{f(p[0])} {f(p[1])}"


@dataclass(frozen=True)
class Paint:
    fill: str = LIGHT
    stroke: str = INK
    dash: str = ""

    def attrs(self) -> str:
        out = f' fill="{self.fill}"'
        if self.stroke != "none":
            out += f' stroke="{self.stroke}" stroke-width="{stroke_width()}"'
            out += ' stroke-linejoin="round"'
            out += ' stroke-linecap="round"'
        if self.dash:
            out += f' stroke-dasharray="{self.dash}"'
        return out


GHOST = Paint("none", INK, GHOST_DASH)
# Dark toes in a close-up get a white edge, so that each toe stays apart from the next.
TOES_DARK = Paint(DARK, PAPER)


class _Zoom:
    """The scale of the group being drawn: strokes and arrows are drawn thinner inside a
    magnified group so that they keep one weight on the page."""

    factor = 1.0


def zoom_factor() -> float:
    return _Zoom.factor


def stroke_width() -> str:
    return f(STROKE / _Zoom.factor)


def zoomed(factor: float, anchor: Point, draw: Callable[[], list[str]]) -> str:
    """The elements that `draw` makes, magnified by `factor` about `anchor`."""
    _Zoom.factor = factor
    try:
        inner = draw()
    finally:
        _Zoom.factor = 1.0
    ax, ay = anchor
    return (
        f'<g transform="translate({f(ax)} {f(ay)}) scale({factor}) translate({f(-ax)} {f(-ay)})">'
        + "".join(inner)
        + "</g>"
    )


def shape(d: str, paint: Paint) -> str:
    return f'<path d="{d}"{paint.attrs()}/>'


def smooth_closed(points: Sequence[Point], tension: float = 1.0) -> str:
    """A closed Catmull-Rom curve through `points`, as path data of cubic Béziers."""
    n = len(points)
    d = f"M{pt(points[0])}"
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = add(p1, mul(sub(p2, p0), tension / 6))
        c2 = sub(p2, mul(sub(p3, p1), tension / 6))
        d += f"C{pt(c1)} {pt(c2)} {pt(p2)}"
    return d + "Z"


def smooth_open(points: Sequence[Point], tension: float = 1.0) -> str:
    n = len(points)
    d = f"M{pt(points[0])}"
    for i in range(n - 1):
        p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
        p3 = points[min(i + 2, n - 1)]
        c1 = add(p1, mul(sub(p2, p0), tension / 6))
        c2 = sub(p2, mul(sub(p3, p1), tension / 6))
        d += f"C{pt(c1)} {pt(c2)} {pt(p2)}"
    return d


def polygon_d(points: Sequence[Point]) -> str:
    return "M" + "L".join(pt(p) for p in points) + "Z"


def polyline_d(points: Sequence[Point]) -> str:
    return "M" + "L".join(pt(p) for p in points)


def capsule_d(a: Point, ra: float, b: Point, rb: float) -> str:
    """Two circles joined by their outer tangents: a tapered limb with rounded ends."""
    d = length(sub(b, a))
    if d <= abs(ra - rb) + 0.01:
        big, r = (a, ra) if ra >= rb else (b, rb)
        return circle_d(big, r)
    theta = angle_of(sub(b, a))
    alpha = math.degrees(math.acos((ra - rb) / d))
    a1, b1 = reach(a, theta + alpha, ra), reach(b, theta + alpha, rb)
    b2, a2 = reach(b, theta - alpha, rb), reach(a, theta - alpha, ra)
    large_b = 1 if alpha > 90 else 0
    return (
        f"M{pt(a1)}L{pt(b1)}A{f(rb)} {f(rb)} 0 {large_b} 0 {pt(b2)}"
        f"L{pt(a2)}A{f(ra)} {f(ra)} 0 {1 - large_b} 0 {pt(a1)}Z"
    )


def circle_d(c: Point, r: float) -> str:
    return (
        f"M{pt((c[0] - r, c[1]))}A{f(r)} {f(r)} 0 1 0 {pt((c[0] + r, c[1]))}"
        f"A{f(r)} {f(r)} 0 1 0 {pt((c[0] - r, c[1]))}Z"
    )


def capsule(a: Point, ra: float, b: Point, rb: float, paint: Paint) -> str:
    return shape(capsule_d(a, ra, b, rb), paint)


def circle(c: Point, r: float, paint: Paint) -> str:
    return f'<circle cx="{f(c[0])}" cy="{f(c[1])}" r="{f(r)}"{paint.attrs()}/>'


def stroke_line(points: Sequence[Point], color: str = INK, dash: str = "") -> str:
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<path d="{polyline_d(points)}" fill="none" stroke="{color}" '
        f'stroke-width="{stroke_width()}" stroke-linecap="round" stroke-linejoin="round"{extra}/>'
    )


def stroke_curve(points: Sequence[Point], color: str = INK) -> str:
    return (
        f'<path d="{smooth_open(points)}" fill="none" stroke="{color}" '
        f'stroke-width="{stroke_width()}" stroke-linecap="round" stroke-linejoin="round"/>'
    )


def ribbon_d(points: Sequence[Point], half_width: float | Sequence[float]) -> str:
    """A closed outline of a band of the given half width along the polyline `points`."""
    widths = (
        [float(half_width)] * len(points)
        if isinstance(half_width, int | float)
        else list(half_width)
    )
    left, right = [], []
    for i, p in enumerate(points):
        prev, nxt = points[max(i - 1, 0)], points[min(i + 1, len(points) - 1)]
        n = normal(unit(sub(nxt, prev)))
        left.append(add(p, mul(n, widths[i])))
        right.append(sub(p, mul(n, widths[i])))
    return polygon_d(left + right[::-1])
