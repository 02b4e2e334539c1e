"""Exercises lying on the back on a mat: the towel stretch and ankle circles."""

from __future__ import annotations

from collections.abc import Callable

from ..arrows import arc_arrow
from ..document import Panels
from ..figure import Arm, Figure, Leg, draw_figure
from ..foot import FootPose, foot_point, planted_ankle
from ..geometry import add, lerp, mul, polar, quad, reach
from ..limbs import SHIN, THIGH
from ..props import draw_towel, floor, mat
from ..style import DARK, FLOOR, FOOT_LEN, LIGHT, LIGHT_FAR
from ..svg import Paint, zoomed

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
