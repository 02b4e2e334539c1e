"""Standing exercises, seen from the side: toe walking, heel raises, the calf stretch at a
wall.
"""

from __future__ import annotations

from dataclasses import replace

from ..arrows import arrow
from ..document import Panels
from ..figure import TRUNK, Arm, Figure, Leg, draw_figure, far, ghost, torso_points
from ..foot import FootPose, draw_foot, foot_point, heel_ankle, planted_ankle
from ..geometry import reach
from ..limbs import SHIN, THIGH
from ..props import chair, counter, floor, wall
from ..style import DARK, FLOOR, FOOT_LEN, LIGHT, LIGHT_FAR, PANEL_W
from ..svg import Paint, shape, smooth_closed

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
