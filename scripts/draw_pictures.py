"""Draw the exercise pictures in content/images/ from pose data, in one filled-shape style.

Every picture is one SVG of two panels side by side (viewBox 0 0 820 300): the start position
at x 0..400, a chevron in the gutter, the end position at x 420..820. `<view id="start">` and
`<view id="end">` let a page show either panel alone; print shows both.

Style: one outline weight (STROKE) everywhere; the body part that moves is filled dark, resting
parts light grey, props mid grey; a bold arrow and/or a dashed ghost of the start position shows
the movement. No words in the pictures: they belong in the page. Figures are posed from joint
positions (limb lengths are kept by solving each knee and elbow from hip/ankle and
shoulder/wrist), so the same person appears at the same scale in both panels. Small movements
are drawn as close-ups of the foot. The output is deterministic.

    python scripts/draw_pictures.py [--out content/images] [--list]
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

Point = tuple[float, float]

PANEL_W, PANEL_H, GUTTER = 400, 300, 20
WIDTH = 2 * PANEL_W + GUTTER
STROKE = 3
INK = "#222"  # outlines and arrows
DARK = "#333"  # the body part that moves
DARK_FAR = "#5c5c5c"  # a moving part on the far side of the body
LIGHT = "#c8c8c8"  # resting body parts
LIGHT_FAR = "#a9a9a9"  # resting parts on the far side
PROP = "#8f8f8f"  # equipment and furniture
HAIR = "#7d7d7d"
PROP_LIGHT = "#dedede"  # large furniture surfaces
GROUND = "#eeeeee"  # the floor seen slightly from above
PAPER = "#fff"
GHOST_DASH = "7 5"
FLOOR = 276  # the floor line of whole-body panels
CLOSE_FLOOR = 246  # the floor line of close-ups
FOOT_LEN = 52.0  # heel to toe of a whole figure's foot


# ---------------------------------------------------------------- geometry


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


# ---------------------------------------------------------------- SVG output


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


# ---------------------------------------------------------------- arrows


ARROW_HALF = 5.0
HEAD_HALF = 13.0
HEAD_LEN = 20.0


def arrow_along(points: Sequence[Point], both: bool = False) -> str:
    """A bold filled arrow following the polyline `points`, its head at the last point."""
    pts = list(points)
    z = _Zoom.factor
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


# ---------------------------------------------------------------- the foot

# A bare foot seen from the inner side, heel at the origin, the sole on y = 0, toes towards +x,
# 100 units from heel to toe tip. Points of the foot without its toes (the toes are drawn
# separately so they can bend at the ball of the foot).
FOOT_BODY: list[Point] = [
    (14, -44),
    (6, -31),
    (1, -17),
    (2, -6),
    (9, -0.5),
    (22, 0),
    (32, -3),
    (44, -7.5),
    (56, -3.5),
    (66, 0),
    (75, -0.5),
    (80.5, -6),
    (77, -12.5),
    (70.5, -18.5),
    (63, -24.5),
    (51, -29),
    (41, -36),
    (37, -46),
    (25, -50),
]
FOOT_ANKLE: Point = (24, -34)  # the ankle joint
FOOT_BALL: Point = (72, 0)  # where the ball of the foot meets the floor
TOE_JOINT: Point = (75, -7)  # the big toe's root joint
# The five toes, little toe first: (root offset from TOE_JOINT, length, root radius, tip
# radius). Seen a little from above, the smaller toes sit behind the big toe, higher in the
# picture, like steps.
TOES: list[tuple[Point, float, float, float]] = [
    ((-17, -17.5), 11, 3.6, 3.3),
    ((-12.5, -13.5), 13.5, 4.0, 3.6),
    ((-8, -9.5), 16, 4.3, 3.9),
    ((-4, -5.5), 19, 4.6, 4.2),
    ((0, 0), 23, 7.0, 5.6),
]


@dataclass(frozen=True)
class FootPose:
    """Where a foot is: the ankle joint, the foot's tilt (degrees, positive lifts the heel of a
    right-facing foot), the toes' angle to the foot (positive bends them down towards the sole,
    negative up), and how far the tips curl (degrees)."""

    ankle: Point
    tilt: float = 0.0
    toes: float = 0.0
    curl: float = 0.0
    facing: int = 1
    size: float = 38.0


def foot_point(pose: FootPose, local: Point) -> Point:
    s = pose.size / 100
    rel = ((local[0] - FOOT_ANKLE[0]) * s * pose.facing, (local[1] - FOOT_ANKLE[1]) * s)
    return add(pose.ankle, rotate(rel, pose.tilt * pose.facing))


def planted_ankle(ball: Point, tilt: float = 0.0, facing: int = 1, size: float = FOOT_LEN) -> Point:
    """The ankle position that puts the ball of the foot on the floor at `ball` (the big toe's
    root joint resting on the floor) with the heel lifted by `tilt` degrees."""
    s = size / 100
    probe = FootPose((0.0, 0.0), tilt, facing=facing, size=size)
    joint = (ball[0] + (TOE_JOINT[0] - FOOT_BALL[0]) * s * facing, ball[1] + TOE_JOINT[1] * s)
    return sub(joint, foot_point(probe, TOE_JOINT))


def heel_ankle(heel: Point, tilt: float = 0.0, facing: int = 1, size: float = FOOT_LEN) -> Point:
    """The ankle position that puts the bottom of the heel at `heel` with the given tilt."""
    probe = FootPose((0.0, 0.0), tilt, facing=facing, size=size)
    return sub(heel, foot_point(probe, (12, 0)))


def toe_chain(pose: FootPose, offset: Point, toe_len: float) -> tuple[Point, Point, Point]:
    """Root, middle joint and tip of one toe. The smaller toes' offsets from the big toe are
    a matter of the point of view (seen a little from above), so they do not turn with the
    foot."""
    s = pose.size / 100
    root = add(foot_point(pose, TOE_JOINT), (offset[0] * s * pose.facing, offset[1] * s))
    base_angle = (pose.tilt + pose.toes) * pose.facing + (0 if pose.facing > 0 else 180)
    mid = reach(root, base_angle, toe_len * 0.58 * s)
    tip = reach(mid, base_angle + pose.curl * pose.facing, toe_len * 0.42 * s)
    return root, mid, tip


def draw_toes(pose: FootPose, paint: Paint, detail: bool) -> list[str]:
    """The five toes, little toe first. A paint with a white edge (TOES_DARK) keeps each toe
    apart from the one behind it: the toe gets a dark outline and a white gap round it."""
    s = pose.size / 100
    out = []
    apart = paint.stroke == PAPER
    if apart:
        paint = replace(paint, stroke=INK)
    gap = Paint(PAPER, "none")
    for i, (offset, toe_len, r0, r1) in enumerate(TOES):
        root, mid, tip = toe_chain(pose, offset, toe_len)
        rm = (r0 + r1) / 2
        pad = STROKE / _Zoom.factor * 1.2 if apart and i else 0.0
        if pose.curl:
            if pad:
                out.append(capsule(mid, rm * s + pad, tip, r1 * s + pad, gap))
                out.append(capsule(root, r0 * s + pad, mid, rm * s + pad, gap))
            out.append(shape(capsule_d(mid, rm * s, tip, r1 * s), paint))
            out.append(capsule(root, r0 * s, mid, rm * s, paint))
        else:
            if pad:
                out.append(capsule(root, r0 * s + pad, tip, r1 * s + pad, gap))
            out.append(capsule(root, r0 * s, tip, r1 * s, paint))
        if detail and toe_len == TOES[-1][1]:
            # a toenail on the upper side of the big toe's tip
            tangent = unit(sub(tip, mid))
            up = mul(normal(tangent), -pose.facing)
            nail_c = add(sub(tip, mul(tangent, r1 * 0.9 * s)), mul(up, r1 * 0.55 * s))
            half = mul(tangent, r1 * 0.75 * s)
            out.append(
                stroke_line(
                    [sub(nail_c, half), add(nail_c, half)], PAPER if paint.fill == DARK else INK
                )
            )
    return out


def draw_foot(
    pose: FootPose, body: Paint, toes: Paint | None = None, detail: bool = False
) -> list[str]:
    """A bare foot: the toes, then the foot over their roots."""
    toes = toes or body
    out = draw_toes(pose, toes, detail)
    points = [foot_point(pose, p) for p in FOOT_BODY]
    out.append(shape(smooth_closed(points), body))
    if detail:
        # the inner ankle bone and the crease at the root of the big toe
        s = pose.size / 100
        bone = foot_point(pose, (22, -33))
        out.append(
            f'<ellipse cx="{f(bone[0])}" cy="{f(bone[1])}" rx="{f(5.5 * s)}" ry="{f(4.5 * s)}"'
            f"{Paint('none').attrs()}/>"
        )
    return out


# ---------------------------------------------------------------- close-ups of the foot

# The lower leg of a close-up, in the foot's units relative to the ankle joint with the shin
# upright: the front of the shin, then the back (Achilles tendon, then the calf).
SHIN_FRONT: list[Point] = [(13, -14), (12.5, -40), (13.5, -75), (16, -115), (18, -160)]
SHIN_BACK: list[Point] = [(-22, -160), (-22, -115), (-15, -75), (-10, -44), (-13, -22)]
CLOSE_SIZE = 240.0


def closeup_outline(pose: FootPose, shin: float = 0.0) -> list[Point]:
    """One outline of the foot (without toes) and the lower leg rising out of the picture.

    `shin` leans the lower leg forwards (degrees) from upright relative to the foot.
    """
    foot = [foot_point(pose, p) for p in FOOT_BODY[1:-2]]

    def leg(p: Point) -> Point:
        upright = foot_point(pose, add(FOOT_ANKLE, p))
        return rotate(upright, shin * pose.facing, pose.ankle)

    return foot + [leg(p) for p in SHIN_FRONT] + [leg(p) for p in SHIN_BACK]


def draw_closeup(
    pose: FootPose, body: Paint, toes: Paint, shin: float = 0.0, ankle_bone: bool = True
) -> list[str]:
    """A large bare foot and lower leg: five toes, the heel, the arch, the inner ankle bone."""
    out = draw_toes(pose, toes, detail=True)
    out.append(shape(smooth_closed(closeup_outline(pose, shin)), body))
    if ankle_bone:
        # the bump of the inner ankle bone
        bump = [foot_point(pose, p) for p in [(17, -30), (22, -37.5), (29, -32)]]
        out.append(stroke_curve(bump))
    return out


def toe_frame(pose: FootPose) -> tuple[Point, Point, Point]:
    """Root of the big toe, unit vector along the big toe, unit vector to its upper side."""
    root, _, tip = toe_chain(pose, TOES[-1][0], TOES[-1][1])
    u = unit(sub(tip, root))
    return root, u, mul(normal(u), -pose.facing)


# A right hand pinching the toes, seen from its thumb side, in pixels: the big toe's tip is at
# the origin, the toe runs off to -x, its upper side is -y. The index finger lies over the top
# of the toes, the thumb wraps round the tips to their underside; the back of the hand rises to
# the wrist at the upper right.
HAND_OUTLINE: list[Point] = [
    (50, -94),  # wrist, upper edge
    (8, -58),  # index knuckle
    (-24, -46),
    (-46, -33),
    (-55, -21),  # index fingertip
    (-49, -14),
    (-28, -18),
    (-4, -22),
    (18, -17),  # web between index finger and thumb
    (25, -2),
    (17, 17),
    (-2, 20),
    (-17, 19),  # thumb tip
    (-17, 30),
    (4, 35),
    (32, 28),
    (56, 8),  # heel of the hand
    (82, -28),
    (92, -64),  # wrist, lower edge
]
# the three other fingers, behind the index finger: only their tops and tips show
HAND_FINGER: list[Point] = [(6, -52), (-24, -44), (-46, -32), (-55, -21), (-48, -12), (8, -22)]
HAND_BEHIND: list[Point] = [(-12, -6), (-23, -11), (-32, -15)]
HAND_CREASES: list[list[Point]] = [
    [(18, -17), (34, -32), (44, -52)],  # the root of the thumb
    [(-46, -29), (-39, -23)],  # index fingernail
    [(-15, 22), (-8, 28)],  # thumbnail
]


def draw_big_hand(tip: Point, u: Point, v: Point, paint: Paint, reach_dir: Point) -> list[str]:
    """The pinching hand at the big toe's tip; (u, v) is the toe frame from `toe_frame`."""

    def at(p: Point) -> Point:
        return add(tip, sub(mul(u, p[0]), mul(v, p[1])))

    wrist = lerp(at(HAND_OUTLINE[0]), at(HAND_OUTLINE[-1]), 0.5)
    arm_end = add(wrist, mul(unit(reach_dir), 240))
    out = [limb(wrist, arm_end, [(0.0, 21, 21), (1.0, 27, 27)], 1, paint)]
    for dx, dy in HAND_BEHIND[::-1]:
        finger = [at((x + dx, y + dy)) for x, y in HAND_FINGER]
        out.append(shape(smooth_closed(finger), paint))
    out.append(shape(smooth_closed([at(p) for p in HAND_OUTLINE]), paint))
    for crease in HAND_CREASES:
        out.append(stroke_curve([at(p) for p in crease]))
    return out


# ---------------------------------------------------------------- the hand


def draw_hand(
    wrist: Point, angle: float, paint: Paint, kind: str = "flat", thumb_side: int = 1
) -> list[str]:
    """A small hand at figure scale: a palm with fingers and a thumb.

    `angle` points from the wrist to the fingertips; `thumb_side` +1 puts the thumb on the
    clockwise side. kind: flat (resting on a surface), grip (closed round a towel or band).
    """

    def at(x: float, y: float) -> Point:
        return add(wrist, rotate((x * 1.3, y * thumb_side * 1.3), angle))

    if kind == "grip":
        palm = [at(-1, -4), at(6, -5.5), at(11, -4.5), at(13, 0), at(11, 5), at(5, 5.5), at(-1, 4)]
        thumb = capsule(at(4, 4), 2.6, at(10, 7), 2.3, paint)
    else:
        palm = [
            at(-1, -4),
            at(8, -5),
            at(15, -4),
            at(18.5, -1),
            at(17, 3),
            at(8, 4.5),
            at(-1, 4),
        ]
        thumb = capsule(at(4, 3.5), 2.7, at(11, 8), 2.3, paint)
    return [thumb, shape(smooth_closed(palm), paint)]


# ---------------------------------------------------------------- the figure

THIGH, SHIN, UPPER_ARM, FOREARM = 64.0, 62.0, 46.0, 40.0
TRUNK = 82.0  # hip joint to the root of the neck
NECK = 19.0  # root of the neck to the centre of the head
HEAD_R = 16.0

# Outlines of the limbs along their bone, (t, behind, in front) as for the torso: the thigh is
# wider than the shin, the calf bulges behind the shin, the upper arm is wider than the forearm.
Profile = list[tuple[float, float, float]]
THIGH_PROFILE: Profile = [(0.0, 13.5, 13.5), (0.4, 12.0, 12.5), (0.8, 9.5, 9.5), (1.0, 8.5, 8.5)]
SHIN_PROFILE: Profile = [
    (0.0, 8.0, 8.0),
    (0.22, 10.5, 7.5),
    (0.5, 8.5, 6.5),
    (0.82, 5.0, 5.0),
    (1.0, 5.0, 5.0),
]
UPPER_ARM_PROFILE: Profile = [(0.0, 8.0, 8.0), (0.5, 6.8, 6.8), (1.0, 5.5, 5.5)]
FOREARM_PROFILE: Profile = [(0.0, 5.3, 5.3), (0.3, 6.0, 5.6), (1.0, 4.0, 4.0)]

# Offsets of the torso outline from the spine, from just below the hip joint (t < 0) to the
# root of the neck (t = 1): (t, behind, in front).
TORSO_PROFILE: Profile = [
    (-0.16, 8.0, 8.0),
    (-0.06, 16.0, 12.0),
    (0.07, 18.5, 14.0),
    (0.3, 14.0, 15.0),
    (0.55, 15.0, 15.0),
    (0.78, 16.5, 18.0),
    (0.93, 12.5, 11.0),
    (1.03, 6.5, 6.5),
]

# A head in profile, facing +x, crown up (-y), in units of HEAD_R, centred on the skull.
HEAD_SHAPE: list[Point] = [
    (-0.97, 0.0),
    (-0.78, -0.64),
    (-0.2, -1.0),
    (0.45, -0.9),
    (0.82, -0.5),
    (0.9, -0.12),
    (1.12, 0.2),  # nose
    (0.92, 0.36),
    (0.9, 0.62),  # chin
    (0.55, 0.88),
    (0.0, 0.86),
    (-0.5, 0.78),
    (-0.88, 0.45),
]
# hair over the crown and the back of the head, in the same units
HAIR_SHAPE: list[Point] = [
    (-1.04, 0.3),
    (-0.86, -0.66),
    (-0.2, -1.08),
    (0.5, -0.98),
    (0.84, -0.5),
    (0.4, -0.58),
    (-0.1, -0.5),
    (-0.42, -0.2),
    (-0.6, 0.4),
]


def limb_points(a: Point, b: Point, profile: Profile, facing: int) -> list[Point]:
    """Outline points of a limb from joint `a` to joint `b` with rounded ends."""
    u = unit(sub(b, a))
    back = mul(normal(u), facing)
    span = length(sub(b, a))
    behind, front = [], []
    for t, bk, fr in profile:
        p = add(a, mul(u, t * span))
        behind.append(add(p, mul(back, bk)))
        front.append(sub(p, mul(back, fr)))
    r0 = (profile[0][1] + profile[0][2]) / 2
    r1 = (profile[-1][1] + profile[-1][2]) / 2
    cap0 = [add(a, rotate(mul(back, r0), k * 45 * facing)) for k in (1, 2, 3)]
    cap1 = [add(b, rotate(mul(back, r1), -k * 45 * facing)) for k in (1, 2, 3)]
    return [*cap0[::-1], *behind, *cap1, *front[::-1]]


def limb(a: Point, b: Point, profile: Profile, facing: int, paint: Paint) -> str:
    return shape(smooth_closed(limb_points(a, b, profile, facing)), paint)


@dataclass(frozen=True)
class Leg:
    ankle: Point
    knee_hint: Point
    tilt: float = 0.0
    toes: float = 0.0
    paint: Paint = field(default_factory=Paint)
    foot_paint: Paint | None = None


@dataclass(frozen=True)
class Arm:
    wrist: Point
    elbow_hint: Point
    hand_angle: float
    hand: str = "flat"
    thumb_side: int = 1
    paint: Paint = field(default_factory=Paint)


@dataclass(frozen=True)
class Figure:
    """A person seen from the side. `facing` +1 faces right (or, lying on the back, looks up).

    The spine runs from `hip` along `lean` degrees (-90 is upright) for TRUNK units, bowed
    backwards by `round_back` (0 straight, 0.15 clearly rounded).
    """

    hip: Point
    lean: float
    near_leg: Leg
    far_leg: Leg
    near_arm: Arm
    far_arm: Arm
    facing: int = 1
    round_back: float = 0.0
    head_tilt: float = 0.0
    torso: Paint = field(default_factory=Paint)
    head: Paint = field(default_factory=Paint)

    def spine(self) -> tuple[Point, Point, Point]:
        top = reach(self.hip, self.lean, TRUNK)
        back = mul(self.front(), -1)
        mid = add(lerp(self.hip, top, 0.5), mul(back, self.round_back * TRUNK * 2))
        return self.hip, mid, top

    def front(self) -> Point:
        return mul(normal(polar(self.lean)), self.facing)

    def spine_at(self, t: float) -> tuple[Point, Point]:
        """Point and unit tangent of the spine at t (may run a little past either end)."""
        a, m, b = self.spine()
        tc = min(max(t, 0.0), 1.0)
        p = add(add(mul(a, (1 - tc) ** 2), mul(m, 2 * tc * (1 - tc))), mul(b, tc * tc))
        tangent = unit(add(mul(sub(m, a), 2 * (1 - tc)), mul(sub(b, m), 2 * tc)))
        return add(p, mul(tangent, (t - tc) * TRUNK)), tangent

    def shoulder(self) -> Point:
        return self.spine_at(0.86)[0]

    def neck(self) -> Point:
        return self.spine_at(1.0)[0]


def torso_points(fig: Figure) -> list[Point]:
    behind, front = [], []
    for t, b, fr in TORSO_PROFILE:
        p, tangent = fig.spine_at(t)
        n = mul(normal(tangent), fig.facing)  # towards the front
        behind.append(sub(p, mul(n, b)))
        front.append(add(p, mul(n, fr)))
    bottom, tangent = fig.spine_at(-0.2)
    return [bottom, *behind, *front[::-1]]


def draw_head(fig: Figure, paint: Paint) -> list[str]:
    neck_p, tangent = fig.spine_at(1.0)
    direction = rotate(tangent, fig.head_tilt * fig.facing)
    centre = add(neck_p, mul(direction, NECK))
    # head axes: x towards the face, y from the crown down
    down = mul(direction, -1)
    face = mul(normal(direction), fig.facing)
    outline = [
        add(centre, add(mul(face, x * HEAD_R), mul(down, y * HEAD_R))) for x, y in HEAD_SHAPE
    ]
    hair = [add(centre, add(mul(face, x * HEAD_R), mul(down, y * HEAD_R))) for x, y in HAIR_SHAPE]
    return [
        limb(neck_p, centre, [(0.0, 6.5, 6.5), (1.0, 6.5, 6.5)], fig.facing, paint),
        shape(smooth_closed(outline), paint),
        shape(smooth_closed(hair), Paint(HAIR) if paint.fill != "none" else paint),
    ]


def draw_leg(hip: Point, leg: Leg, facing: int) -> list[str]:
    knee = solve_joint(hip, leg.ankle, THIGH, SHIN, leg.knee_hint)
    ankle = add(knee, mul(unit(sub(leg.ankle, knee)), SHIN))
    foot = FootPose(ankle, leg.tilt, leg.toes, facing=facing, size=FOOT_LEN)
    out = draw_foot(foot, leg.foot_paint or leg.paint)
    out.append(limb(knee, ankle, SHIN_PROFILE, facing, leg.paint))
    out.append(limb(hip, knee, THIGH_PROFILE, facing, leg.paint))
    return out


def draw_arm(shoulder: Point, arm: Arm, facing: int) -> list[str]:
    elbow = solve_joint(shoulder, arm.wrist, UPPER_ARM, FOREARM, arm.elbow_hint)
    wrist = add(elbow, mul(unit(sub(arm.wrist, elbow)), FOREARM))
    out = draw_hand(wrist, arm.hand_angle, arm.paint, arm.hand, arm.thumb_side)
    out.append(limb(elbow, wrist, FOREARM_PROFILE, facing, arm.paint))
    out.append(limb(shoulder, elbow, UPPER_ARM_PROFILE, facing, arm.paint))
    return out


def draw_figure(fig: Figure, parts: str = "all") -> list[str]:
    """The figure from back to front. parts: all, far (far limbs), near (torso and near)."""
    out: list[str] = []
    if parts in ("all", "far"):
        out += draw_arm(fig.shoulder(), fig.far_arm, fig.facing)
        out += draw_leg(fig.hip, fig.far_leg, fig.facing)
    if parts in ("all", "near"):
        out += draw_head(fig, fig.head)
        out.append(shape(smooth_closed(torso_points(fig)), fig.torso))
        out += draw_leg(fig.hip, fig.near_leg, fig.facing)
        out += draw_arm(fig.shoulder(), fig.near_arm, fig.facing)
    return out


def ghost(elements: list[str]) -> list[str]:
    """Dashed outlines with no fill: where a part was at the start."""
    out = []
    for e in elements:
        e = e.replace(f'fill="{DARK}"', 'fill="none"').replace(f'fill="{LIGHT}"', 'fill="none"')
        for tone in (DARK_FAR, LIGHT_FAR, PAPER):
            e = e.replace(f'fill="{tone}"', 'fill="none"')
        e = e.replace(f'stroke="{PAPER}"', f'stroke="{INK}"')
        if "stroke-dasharray" not in e:
            e = e.replace("/>", f' stroke-dasharray="{GHOST_DASH}"/>', 1)
        out.append(e)
    return out


# ---------------------------------------------------------------- scenery and props


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


# ---------------------------------------------------------------- the figures' poses

STAND_HIP_Y = FLOOR - FOOT_LEN * 0.34 - SHIN - THIGH + 0.5


def standing(
    x: float,
    facing: int = 1,
    torso: Paint | None = None,
    legs: Paint | None = None,
    arms: Paint | None = None,
) -> Figure:
    torso = torso or Paint(LIGHT)
    legs = legs or Paint(LIGHT)
    arms = arms or Paint(LIGHT)
    hip = (x, STAND_HIP_Y)
    near_ball = (x + 16 * facing, FLOOR)
    far_ball = (x + 12 * facing, FLOOR)
    near_ankle = planted_ankle(near_ball, 0, facing)
    far_ankle = planted_ankle(far_ball, 0, facing)
    shoulder_guess = (x, hip[1] - TRUNK * 0.86)
    return Figure(
        hip=hip,
        lean=-90,
        facing=facing,
        near_leg=Leg(near_ankle, (x + 30 * facing, hip[1] + THIGH), paint=legs),
        far_leg=Leg(far_ankle, (x + 30 * facing, hip[1] + THIGH), paint=far(legs)),
        near_arm=Arm(
            (x + 4 * facing, shoulder_guess[1] + 84),
            (x - 10 * facing, shoulder_guess[1] + 40),
            90,
            paint=arms,
        ),
        far_arm=Arm(
            (x + 8 * facing, shoulder_guess[1] + 84),
            (x - 10 * facing, shoulder_guess[1] + 40),
            90,
            paint=far(arms),
        ),
        torso=torso,
    )


def far(paint: Paint) -> Paint:
    tone = {DARK: DARK_FAR, LIGHT: LIGHT_FAR}.get(paint.fill, paint.fill)
    return replace(paint, fill=tone)


# ---------------------------------------------------------------- the exercises

Panels = tuple[list[str], list[str]]


def toe_pressing() -> Panels:
    """Close-up of the foot flat on the floor; the toes press down, long and straight."""
    heel_x = 60.0
    ankle = heel_ankle((heel_x, CLOSE_FLOOR), 0, size=CLOSE_SIZE)
    relaxed = FootPose(ankle, 0, -7, size=CLOSE_SIZE)
    pressed = FootPose(ankle, 0, 1.5, size=CLOSE_SIZE)
    start = [*floor(CLOSE_FLOOR), *draw_closeup(relaxed, Paint(LIGHT), TOES_DARK)]
    end = [*floor(CLOSE_FLOOR)]
    end += draw_closeup(pressed, Paint(LIGHT), TOES_DARK)
    root, u, v = toe_frame(pressed)
    for k in (0.3, 0.95):
        top = add(add(root, mul(u, 23 * CLOSE_SIZE / 100 * k)), mul(v, 22))
        end.append(arrow(add(top, (0, -70)), top))
    # the floor line again, over the white gaps round the toes
    start.append(stroke_line([(0, CLOSE_FLOOR), (PANEL_W, CLOSE_FLOOR)]))
    end.append(stroke_line([(0, CLOSE_FLOOR), (PANEL_W, CLOSE_FLOOR)]))
    return start, end


def toe_pencil_grip() -> Panels:
    """Close-up, seated: a pencil lies across in front of the foot, pointing at the viewer;
    the toes rest over it, then curl round it and lift it."""
    size = CLOSE_SIZE
    ankle = heel_ankle((40.0, CLOSE_FLOOR), 0, size=size)
    resting = FootPose(ankle, 0, -18, size=size)
    gripping = FootPose(ankle, 0, -40, 140, size=size)
    pen_r = 7.0
    s = size / 100

    def pen(centre: Point, tilt: float = 0.0) -> list[str]:
        # lying on the floor along the foot, its point ahead of the toes: drawn across the
        # view it read as a pencil stuck into the floor. `tilt` (degrees) raises the point.
        a = math.radians(tilt)
        ahead = (math.cos(a), -math.sin(a))
        return pencil(add(centre, mul(ahead, 120)), add(centre, mul(ahead, -40)), pen_r)

    _, mid, _ = toe_chain(resting, TOES[-1][0], TOES[-1][1])
    rest_centre = (mid[0] + 2, CLOSE_FLOOR - pen_r)
    _, gmid, gtip = toe_chain(gripping, TOES[-1][0], TOES[-1][1])
    # the pencil sits inside the curl: behind the bent tip, under the toe
    d = unit(sub(gtip, gmid))
    back = (d[1], -d[0]) if d[1] * 1 > 0 else (-d[1], d[0])
    grip_centre = add(lerp(gmid, gtip, 0.45), mul(back, (TOES[-1][3] * s + pen_r) * 0.95))

    start = [*floor(CLOSE_FLOOR), *pen(rest_centre)]
    start += draw_closeup(resting, Paint(LIGHT), TOES_DARK)
    end = [*floor(CLOSE_FLOOR)]
    shadow = (grip_centre[0] + 40, CLOSE_FLOOR - 3)
    end.append(f'<ellipse cx="{f(shadow[0])}" cy="{f(shadow[1])}" rx="80" ry="5" fill="{LIGHT}"/>')
    end += pen(grip_centre, tilt=6)
    end += draw_closeup(gripping, Paint(LIGHT), TOES_DARK)
    end.append(arrow((gtip[0] + 90, 200), (gtip[0] + 90, 120)))
    return start, end


HAND_TURN_DOWN = -38.0


def toe_stretching() -> Panels:
    """Close-up of a foot off the floor; a hand bends the toes up, then down."""
    ankle = (118.0, 150.0)
    size = CLOSE_SIZE * 0.8
    toe_len = TOES[-1][1] * size / 100

    def panel(toes: float, up: bool) -> list[str]:
        pose = FootPose(ankle, -6, toes, size=size)
        out = [*draw_closeup(pose, Paint(LIGHT), TOES_DARK, shin=-4)]
        root, u, v = toe_frame(pose)
        tip = add(root, mul(u, toe_len))
        # bending down, the hand comes more from above: turn it about the toe tip
        turn = 0.0 if up else HAND_TURN_DOWN
        u, v = rotate(u, turn), rotate(v, turn)
        reach_dir = add(unit(add(mul(u, 70), mul(v, 76))), (0.2, -0.9))
        out += draw_big_hand(tip, u, v, Paint(LIGHT), reach_dir)
        if up:
            out.append(arrow_along(arc_points(root, toe_len + 78, 8, -58)))
        else:
            out.append(arrow_along(arc_points(root, toe_len + 86, 0, 62)))
        return out

    return panel(-50, True), panel(44, False)


def ball_roll() -> Panels:
    """Close-up, seated: a tennis ball under the heel, then under the ball of the foot."""
    r = 30.0
    size = CLOSE_SIZE * 0.9

    def panel(ball_x: float, tilt: float, at_heel: bool) -> list[str]:
        ball = (ball_x, CLOSE_FLOOR - r)
        toes = -tilt if at_heel else 6.0
        probe = FootPose((0.0, 0.0), tilt, toes, size=size)
        contact = foot_point(probe, (16, 0) if at_heel else (66, 0))
        ankle = sub((ball_x, CLOSE_FLOOR - 2 * r + 3), contact)
        pose = FootPose(ankle, tilt, toes, size=size)
        out = [*floor(CLOSE_FLOOR), *tennis_ball(ball, r)]
        out += draw_closeup(pose, Paint(LIGHT), Paint(DARK), shin=-tilt * 0.7)
        # the foot itself (the part that moves) dark over the light leg
        out.append(shape(smooth_closed([foot_point(pose, p) for p in FOOT_BODY]), Paint(DARK)))
        return out

    start = panel(128, 10, True)
    end = panel(240, -11, False)
    end.append(arrow((96, CLOSE_FLOOR + 28), (300, CLOSE_FLOOR + 28), both=True))
    return start, end


def toe_walking() -> Panels:
    """Side view, walking to the right beside a kitchen counter that runs behind the figure."""
    top = STAND_HIP_Y + 12
    legs = Paint(DARK)

    def scene() -> list[str]:
        return [*floor(), *counter(-10, 410, top)]

    start_fig = standing(150, legs=legs)
    start_fig = replace(
        start_fig,
        far_arm=Arm((176, top - 2), (144, top - 40), 10, "flat", -1, paint=Paint(LIGHT_FAR)),
    )
    start = scene() + draw_figure(start_fig)

    # up on the balls of both feet, mid-step: the body has risen and moved on
    x, lift = 196.0, 50.0
    rise = planted_ankle((0, FLOOR), 0)[1] - planted_ankle((0, FLOOR), lift)[1] - 6
    hip = (x, STAND_HIP_Y - rise)
    near_ball, far_ball = (x + 44, FLOOR), (x - 22, FLOOR)
    end_fig = Figure(
        hip=hip,
        lean=-88,
        near_leg=Leg(planted_ankle(near_ball, lift), (x + 60, hip[1] + 40), lift, -lift, legs),
        far_leg=Leg(
            planted_ankle(far_ball, lift + 6),
            (x + 30, hip[1] + 40),
            lift + 6,
            -lift - 6,
            far(legs),
        ),
        near_arm=Arm((x - 12, hip[1] + 16), (x - 6, hip[1] - 30), 110, paint=Paint(LIGHT)),
        far_arm=Arm((x + 26, top - 2), (x - 6, top - 40), 10, "flat", -1, paint=Paint(LIGHT_FAR)),
    )
    end = scene() + draw_figure(end_fig)
    end.append(arrow((262, 44), (362, 44)))
    return start, end


def heel_raises() -> Panels:
    """Side view, standing behind a chair with both hands on its back: the heels rise, the
    balls of the feet stay down."""
    x = 140.0
    seat_y, depth, back = FLOOR - 96, 84.0, 64.0
    back_x = x + 66  # the face of the chair back nearest the figure
    hand_y = seat_y - back - 6

    def scene() -> list[str]:
        # the chair drawn with its back on the left, towards the figure (mirrored)
        mirrored = chair(PANEL_W - back_x - depth, seat_y, depth, back)
        return [*floor(), f'<g transform="translate({PANEL_W} 0) scale(-1 1)">', *mirrored, "</g>"]

    def figure(lift: float) -> Figure:
        rise = planted_ankle((0, FLOOR), 0)[1] - planted_ankle((0, FLOOR), lift)[1]
        hip = (x, STAND_HIP_Y - rise)
        legs = Paint(DARK)
        near_ball, far_ball = (x + 16, FLOOR), (x + 12, FLOOR)
        return Figure(
            hip=hip,
            lean=-90,
            near_leg=Leg(
                planted_ankle(near_ball, lift), (x + 30, hip[1] + THIGH), lift, -lift, legs
            ),
            far_leg=Leg(
                planted_ankle(far_ball, lift), (x + 30, hip[1] + THIGH), lift, -lift, far(legs)
            ),
            near_arm=Arm((back_x - 8, hand_y), (x + 8, hip[1] - 10), 0, "grip"),
            far_arm=Arm(
                (back_x - 4, hand_y - 3), (x + 8, hip[1] - 10), 0, "grip", paint=far(Paint(LIGHT))
            ),
        )

    start_fig, end_fig = figure(0), figure(34)
    start = scene() + draw_figure(start_fig)
    end = scene()
    end += ghost(
        draw_foot(FootPose(planted_ankle((x + 16, FLOOR), 0), 0, size=FOOT_LEN), Paint(DARK))[-1:]
    )
    end += draw_figure(end_fig)
    heel = foot_point(FootPose(planted_ankle((x + 16, FLOOR), 34), 34, size=FOOT_LEN), (10, -2))
    end.append(arrow((heel[0] - 36, FLOOR - 6), (heel[0] - 36, FLOOR - 62)))
    return start, end


def wall_calf_stretch() -> Panels:
    """Facing a wall: front knee bends, the back leg stays straight with its heel down."""
    wall_x = 330.0
    back_ankle = heel_ankle((112.0, FLOOR), 0)
    front_ball = (268.0, FLOOR)
    hand_y = 108.0

    def pose(back_leg_angle: float, lean: float) -> Figure:
        hip = reach(back_ankle, back_leg_angle, THIGH + SHIN - 0.5)
        return Figure(
            hip=hip,
            lean=lean,
            torso=Paint(DARK),
            near_leg=Leg(planted_ankle(front_ball, 0), (hip[0] + 60, hip[1] + 40)),
            far_leg=Leg(back_ankle, (hip[0] - 40, hip[1] + 40), paint=Paint(LIGHT_FAR)),
            near_arm=Arm((wall_x - 20, hand_y), (hip[0] + 10, hand_y + 40), -80),
            far_arm=Arm(
                (wall_x - 18, hand_y - 8),
                (hip[0] + 10, hand_y + 30),
                -80,
                paint=Paint(LIGHT_FAR),
            ),
        )

    start_fig = pose(-63, -80)
    end_fig = pose(-54, -68)
    scene = [*floor(), *wall(wall_x)]
    start = scene + draw_figure(start_fig)
    end = [*scene, *ghost([shape(smooth_closed(torso_points(start_fig)), Paint(DARK))])]
    end += draw_figure(end_fig)
    bottom = torso_points(start_fig)[2]
    end.append(arrow((bottom[0] - 58, bottom[1] - 8), (bottom[0] - 8, bottom[1] - 8)))
    return start, end


LYING_ZOOM = 1.3
LYING_HIP = (150.0, FLOOR - 8 - 15)


def lying_figure(near: Leg, far_leg: Leg, near_arm: Arm, far_arm: Arm) -> Figure:
    return Figure(
        hip=LYING_HIP,
        lean=180,
        head_tilt=-8,
        near_leg=near,
        far_leg=far_leg,
        near_arm=near_arm,
        far_arm=far_arm,
    )


def lying_panel(draw: Callable[[], list[str]]) -> list[str]:
    """Floor, then a mat and a figure lying on it drawn by `draw`, magnified."""
    return [*floor(), zoomed(LYING_ZOOM, (24, FLOOR), lambda: [*mat(20, 330), *draw()])]


def towel_stretch() -> Panels:
    hip = LYING_HIP
    y = FLOOR - 8
    probe = lying_figure(Leg(hip, hip), Leg(hip, hip), Arm(hip, hip, 0), Arm(hip, hip, 0))
    shoulder = probe.shoulder()

    def lying(leg_angle: float) -> list[str]:
        leg_dir = polar(leg_angle)
        ankle = add(hip, mul(leg_dir, THIGH + SHIN - 1))
        tilt = leg_angle - 90
        hand = add(shoulder, (40, -58))
        fig = lying_figure(
            Leg(ankle, add(hip, mul(leg_dir, THIGH)), tilt, 0, Paint(DARK)),
            Leg(
                planted_ankle((hip[0] + 76, y), 0),
                (hip[0] + 40, hip[1] - 60),
                paint=Paint(LIGHT_FAR),
            ),
            Arm(hand, (shoulder[0] + 20, y - 6), leg_angle - 20, "grip"),
            Arm(
                add(hand, (4, -4)),
                (shoulder[0] + 20, y - 6),
                leg_angle - 20,
                "grip",
                paint=Paint(LIGHT_FAR),
            ),
        )
        ball = foot_point(FootPose(ankle, tilt, size=FOOT_LEN), (70, -2))
        towel = draw_towel(quad(add(hand, (8, 0)), lerp(hand, ball, 0.5), ball, 12))
        return draw_figure(fig, "far") + towel + draw_figure(fig, "near")

    start = lying_panel(lambda: lying(-6))

    def end_draw() -> list[str]:
        return [*lying(-74), arc_arrow(hip, THIGH + SHIN + 34, -14, -64)]

    end = lying_panel(end_draw)
    return start, end


def ankle_circles() -> Panels:
    hip = LYING_HIP
    y = FLOOR - 8
    probe = lying_figure(Leg(hip, hip), Leg(hip, hip), Arm(hip, hip, 0), Arm(hip, hip, 0))
    shoulder = probe.shoulder()
    far_leg = Leg(
        planted_ankle((hip[0] + 92, y), 0), (hip[0] + 44, hip[1] - 60), paint=Paint(LIGHT_FAR)
    )

    def start_draw() -> list[str]:
        fig = lying_figure(
            Leg(
                planted_ankle((hip[0] + 96, y), 0),
                (hip[0] + 40, hip[1] - 60),
                0,
                0,
                Paint(LIGHT),
                Paint(DARK),
            ),
            far_leg,
            Arm((shoulder[0] + 84, y - 7), (shoulder[0] + 40, y - 20), 0),
            Arm((shoulder[0] + 80, y - 9), (shoulder[0] + 40, y - 20), 0, paint=Paint(LIGHT_FAR)),
        )
        return draw_figure(fig)

    def end_draw() -> list[str]:
        knee = reach(hip, -106, THIGH)
        ankle = reach(knee, -8, SHIN)
        tilt = -8 - 90 + 25
        grip = add(lerp(hip, knee, 0.7), (12, 0))
        fig = lying_figure(
            Leg(ankle, add(knee, (0, -5)), tilt, 0, Paint(LIGHT), Paint(DARK)),
            far_leg,
            Arm(grip, add(shoulder, (30, -30)), -70, "grip"),
            Arm(
                add(grip, (-2, -12)), add(shoulder, (30, -40)), -70, "grip", paint=Paint(LIGHT_FAR)
            ),
        )
        centre = foot_point(FootPose(ankle, tilt, size=FOOT_LEN), (48, -22))
        return [arc_arrow(centre, 40, 170, 440), *draw_figure(fig)]

    return lying_panel(start_draw), lying_panel(end_draw)


def seated_toe_reach() -> Panels:
    hip = (70.0, FLOOR - 14)
    straight = (hip[0] + THIGH + SHIN, FLOOR - 11)
    zoom, anchor = 1.5, (30.0, FLOOR)

    def pose(lean: float, reach_toes: bool, foot_tilt: float) -> Figure:
        shoulder = reach(hip, lean, TRUNK * 0.86)
        if reach_toes:
            hand = foot_point(FootPose(straight, foot_tilt, size=FOOT_LEN), (70, -10))
            wrist = add(hand, (-14, 4))
            arm_n = Arm(wrist, add(shoulder, (20, 40)), -30, "grip", paint=Paint(DARK))
            arm_f = Arm(
                add(wrist, (4, -6)), add(shoulder, (20, 40)), -30, "grip", paint=Paint(DARK_FAR)
            )
        else:
            knee = add(hip, (THIGH, 0))
            arm_n = Arm(add(knee, (-16, -14)), add(shoulder, (-10, 40)), 0, paint=Paint(DARK))
            arm_f = Arm(add(knee, (-20, -16)), add(shoulder, (-10, 40)), 0, paint=Paint(DARK_FAR))
        return Figure(
            hip=hip,
            lean=lean,
            torso=Paint(DARK),
            near_leg=Leg(straight, add(hip, (60, -5)), foot_tilt, 0),
            far_leg=Leg((hip[0] + 56, FLOOR - 12), add(hip, (66, -50)), -10, 0, Paint(LIGHT_FAR)),
            near_arm=arm_n,
            far_arm=arm_f,
        )

    start_fig = pose(-88, False, -76)
    end_fig = pose(-42, True, -104)

    def end_draw() -> list[str]:
        out = ghost(
            [
                *draw_head(start_fig, Paint(LIGHT)),
                shape(smooth_closed(torso_points(start_fig)), Paint(DARK)),
            ]
        )
        return [*out, *draw_figure(end_fig), arc_arrow(hip, TRUNK + 46, -84, -52)]

    start = [*floor(), zoomed(zoom, anchor, lambda: draw_figure(start_fig))]
    end = [*floor(), zoomed(zoom, anchor, end_draw)]
    return start, end


def band_ankle_pull() -> Panels:
    """Sitting on a chair, knee bent, heel down; a band from a table leg in front over the top
    of the foot: the front of the foot lifts towards the shin against it."""
    seat_y, depth, back = FLOOR - 62, 74.0, 118.0
    back_x = 60.0  # the chair back, on the left (the chair is drawn mirrored)
    hip = (back_x + 30, seat_y - 24)
    ball = (196.0, FLOOR)
    flat_ankle = planted_ankle(ball, 0)
    heel = foot_point(FootPose(flat_ankle, 0, size=FOOT_LEN), (12, 0))
    lift = -30.0
    table_x, table_top = 290.0, 130.0
    zoom, zoom_anchor = 1.25, (10.0, FLOOR)
    anchor = (table_x + 2, FLOOR - 14)

    def scene() -> list[str]:
        mirrored = chair(PANEL_W - back_x - depth, seat_y, depth, back)
        return [
            f'<rect x="{f(table_x - 4)}" y="{f(table_top)}" width="12" '
            f'height="{f(FLOOR - table_top)}" rx="3"{Paint(PROP).attrs()}/>',
            f'<rect x="{f(table_x - 40)}" y="{f(table_top - 12)}" '
            f'width="{f(PANEL_W - table_x + 50)}" height="13" rx="4"{Paint(PROP).attrs()}/>',
            f'<g transform="translate({PANEL_W} 0) scale(-1 1)">',
            *mirrored,
            "</g>",
        ]

    def inside(tilt: float) -> list[str]:
        ankle = heel_ankle(heel, tilt) if tilt else flat_ankle
        knee_hint = (hip[0] + THIGH, hip[1] - 10)
        thigh_mid = lerp(hip, (hip[0] + THIGH, hip[1]), 0.62)
        fig = Figure(
            hip=hip,
            lean=-95,
            near_leg=Leg(ankle, knee_hint, tilt, 0, Paint(LIGHT), Paint(DARK)),
            far_leg=Leg(add(flat_ankle, (-22, -2)), knee_hint, 0, 0, Paint(LIGHT_FAR)),
            near_arm=Arm(add(thigh_mid, (0, -14)), add(hip, (-4, -30)), 10),
            far_arm=Arm(add(thigh_mid, (-4, -16)), add(hip, (-4, -30)), 10, paint=Paint(LIGHT_FAR)),
        )
        foot = FootPose(ankle, tilt, size=FOOT_LEN)
        loop = foot_point(foot, (58, -22))
        out = scene()
        if tilt:
            out += ghost(draw_foot(FootPose(flat_ankle, 0, size=FOOT_LEN), Paint(DARK))[-1:])
        # the band first, so that the foot it holds stays in view over it
        out += draw_band([loop, lerp(loop, anchor, 0.5), anchor])
        out += draw_figure(fig)
        # the loop round the foot, seen edge on: a strap across the instep to the sole
        out += draw_band(
            quad(
                foot_point(foot, (57, -24)), foot_point(foot, (64, -10)), foot_point(foot, (58, 1))
            )
        )
        # tied round the table leg
        out.append(
            f'<rect x="{f(anchor[0] - 10)}" y="{f(anchor[1] - 5)}" width="19" height="10" rx="3"'
            f"{Paint(PROP).attrs()}/>"
        )
        if tilt:
            out.append(arrow_along(arc_points(heel, 70, -22, -64)))
        return out

    def panel(tilt: float) -> list[str]:
        return [*floor(), zoomed(zoom, zoom_anchor, lambda: inside(tilt))]

    return panel(0), panel(lift)


# ---------------------------------------------------------------- assembling a file

EXERCISES: dict[str, Callable[[], Panels]] = {
    "toe-walking": toe_walking,
    "toe-pressing": toe_pressing,
    "toe-pencil-grip": toe_pencil_grip,
    "toe-stretching": toe_stretching,
    "ankle-circles": ankle_circles,
    "towel-stretch": towel_stretch,
    "seated-toe-reach": seated_toe_reach,
    "wall-calf-stretch": wall_calf_stretch,
    "ball-roll": ball_roll,
    "band-ankle-pull": band_ankle_pull,
    "heel-raises": heel_raises,
}


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


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "content/images"
    )
    parser.add_argument("--list", action="store_true", help="print the picture names and stop")
    args = parser.parse_args()
    if args.list:
        print("\n".join(EXERCISES))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    for name, draw in EXERCISES.items():
        (args.out / f"{name}.svg").write_text(document(name, draw()), "utf-8")


if __name__ == "__main__":
    main()
