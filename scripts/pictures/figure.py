"""A person seen from the side, posed from joint positions, drawn from back to front."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .foot import FootPose, draw_foot
from .geometry import Point, add, lerp, mul, normal, polar, reach, rotate, solve_joint, sub, unit
from .hands import draw_hand
from .limbs import (
    FOREARM,
    FOREARM_PROFILE,
    SHIN,
    SHIN_PROFILE,
    THIGH,
    THIGH_PROFILE,
    UPPER_ARM,
    UPPER_ARM_PROFILE,
    Profile,
    limb,
)
from .style import DARK, DARK_FAR, FOOT_LEN, GHOST_DASH, HAIR, INK, LIGHT, LIGHT_FAR, PAPER
from .svg import Paint, shape, smooth_closed

TRUNK = 82.0  # hip joint to the root of the neck
NECK = 19.0  # root of the neck to the centre of the head
HEAD_R = 16.0


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


def far(paint: Paint) -> Paint:
    tone = {DARK: DARK_FAR, LIGHT: LIGHT_FAR}.get(paint.fill, paint.fill)
    return replace(paint, fill=tone)
