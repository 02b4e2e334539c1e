"""Points as (x, y) tuples with y pointing down, as in SVG: vector sums, turns, curves, and
the middle joint of a two-bone limb.
"""

from __future__ import annotations

import math

Point = tuple[float, float]


def add(a: Point, b: Point) -> Point:
    return (a[0] + b[0], a[1] + b[1])


def sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def mul(a: Point, k: float) -> Point:
    return (a[0] * k, a[1] * k)


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def length(a: Point) -> float:
    return math.hypot(a[0], a[1])


def unit(a: Point) -> Point:
    n = length(a) or 1.0
    return (a[0] / n, a[1] / n)


def polar(angle_deg: float, r: float = 1.0) -> Point:
    a = math.radians(angle_deg)
    return (math.cos(a) * r, math.sin(a) * r)


def rotate(p: Point, angle_deg: float, about: Point = (0.0, 0.0)) -> Point:
    a = math.radians(angle_deg)
    x, y = p[0] - about[0], p[1] - about[1]
    return (
        about[0] + x * math.cos(a) - y * math.sin(a),
        about[1] + x * math.sin(a) + y * math.cos(a),
    )


def angle_of(v: Point) -> float:
    return math.degrees(math.atan2(v[1], v[0]))


def normal(v: Point) -> Point:
    """`v` turned a quarter turn clockwise on screen (y points down)."""
    return (-v[1], v[0])


def solve_joint(a: Point, c: Point, la: float, lc: float, hint: Point) -> Point:
    """The middle joint (knee, elbow) of a two-bone limb from `a` to `c`, on the side of `hint`.

    If `c` is out of reach the limb is straight, pointing at `c`.
    """
    d = length(sub(c, a))
    if d >= la + lc - 1e-6:
        return add(a, mul(unit(sub(c, a)), la))
    d = max(d, abs(la - lc) + 1e-6)
    x = (la * la - lc * lc + d * d) / (2 * d)
    h = math.sqrt(max(la * la - x * x, 0.0))
    u = unit(sub(c, a))
    base = add(a, mul(u, x))
    one, two = add(base, mul(normal(u), h)), sub(base, mul(normal(u), h))
    return one if length(sub(one, hint)) <= length(sub(two, hint)) else two


def reach(a: Point, angle_deg: float, r: float) -> Point:
    return add(a, polar(angle_deg, r))


def bezier(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 24) -> list[Point]:
    out = []
    for i in range(steps + 1):
        t = i / steps
        m = 1 - t
        out.append(
            (
                m**3 * p0[0] + 3 * m * m * t * p1[0] + 3 * m * t * t * p2[0] + t**3 * p3[0],
                m**3 * p0[1] + 3 * m * m * t * p1[1] + 3 * m * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


def quad(p0: Point, p1: Point, p2: Point, steps: int = 24) -> list[Point]:
    return bezier(p0, lerp(p0, p1, 2 / 3), lerp(p2, p1, 2 / 3), p2, steps)


def arc_points(c: Point, r: float, a0: float, a1: float, steps: int = 40) -> list[Point]:
    return [reach(c, a0 + (a1 - a0) * i / steps, r) for i in range(steps + 1)]
