"""The bare foot: its outline, the five toes, and the large close-up with the lower leg."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .geometry import Point, add, mul, normal, reach, rotate, sub, unit
from .style import DARK, FOOT_LEN, INK, PAPER, STROKE
from .svg import (
    Paint,
    capsule,
    capsule_d,
    f,
    shape,
    smooth_closed,
    stroke_curve,
    stroke_line,
    zoom_factor,
)

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
        pad = STROKE / zoom_factor() * 1.2 if apart and i else 0.0
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
