"""Limb lengths and outlines: a limb is a smooth shape along its bone, wider where the
muscle is.
"""

from __future__ import annotations

from .geometry import Point, add, length, mul, normal, rotate, sub, unit
from .svg import Paint, shape, smooth_closed

THIGH, SHIN, UPPER_ARM, FOREARM = 64.0, 62.0, 46.0, 40.0


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
