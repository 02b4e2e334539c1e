"""Seated exercises: the toe reach on the floor and the band ankle pull on a chair."""

from __future__ import annotations

from ..arrows import arc_arrow, arrow_along
from ..document import Panels
from ..figure import TRUNK, Arm, Figure, Leg, draw_figure, draw_head, ghost, torso_points
from ..foot import FootPose, draw_foot, foot_point, heel_ankle, planted_ankle
from ..geometry import add, arc_points, lerp, quad, reach
from ..limbs import SHIN, THIGH
from ..props import chair, draw_band, floor
from ..style import DARK, DARK_FAR, FLOOR, FOOT_LEN, LIGHT, LIGHT_FAR, PANEL_W, PROP
from ..svg import Paint, f, shape, smooth_closed, zoomed


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
