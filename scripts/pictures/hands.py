"""Hands: the large hand that pinches the toes in a close-up, and a small hand at figure scale."""

from __future__ import annotations

from .geometry import Point, add, lerp, mul, rotate, sub, unit
from .limbs import limb
from .svg import Paint, capsule, shape, smooth_closed, stroke_curve

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
