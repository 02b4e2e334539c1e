"""The close-ups of the foot: toe pressing, the pencil grip, toe stretching, the ball roll."""

from __future__ import annotations

import math

from ..arrows import arrow, arrow_along
from ..document import Panels
from ..foot import (
    CLOSE_SIZE,
    FOOT_BODY,
    TOES,
    FootPose,
    draw_closeup,
    foot_point,
    heel_ankle,
    toe_chain,
    toe_frame,
)
from ..geometry import Point, add, arc_points, lerp, mul, rotate, sub, unit
from ..hands import draw_big_hand
from ..props import floor, pencil, tennis_ball
from ..style import CLOSE_FLOOR, DARK, LIGHT, PANEL_W
from ..svg import TOES_DARK, Paint, f, shape, smooth_closed, stroke_line


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
