"""Draw the exercise pictures in content/images/ from pose data, in one line-art style.

Each picture is a side view: a figure of thick rounded strokes posed by joint coordinates,
the equipment, and grey arrows for the movement. Close-ups of the foot are drawn where the
toes do the work. Run it again after changing a pose; the output is deterministic.

    python scripts/draw_pictures.py [--out content/images]
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

W, H = 480, 320
INK, NEAR, FAR, ARROW, PROP = "#222", "#222", "#8a8a8a", "#4d4d4d", "#555"
FLOOR_Y = 290

Point = tuple[float, float]


def svg(title: str, desc: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" '
        f'height="{H}" role="img"><title>{title}</title><desc>{desc}</desc>'
        f'<rect width="{W}" height="{H}" fill="#fff"/>' + "".join(body) + "</svg>\n"
    )


def line(a: Point, b: Point, width: float = 10, color: str = NEAR, dash: str = "") -> str:
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" '
        f'stroke="{color}" stroke-width="{width}" stroke-linecap="round"{extra}/>'
    )


def poly(
    points: list[Point], width: float = 10, color: str = NEAR, dash: str = "", fill: str = "none"
) -> str:
    d = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<polyline points="{d}" fill="{fill}" stroke="{color}" stroke-width="{width}" '
        f'stroke-linecap="round" stroke-linejoin="round"{extra}/>'
    )


def path(d: str, width: float = 4, color: str = INK, fill: str = "none", dash: str = "") -> str:
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<path d="{d}" fill="{fill}" stroke="{color}" stroke-width="{width}" '
        f'stroke-linecap="round" stroke-linejoin="round"{extra}/>'
    )


def circle(c: Point, r: float, fill: str = INK, stroke: str = "none", width: float = 0) -> str:
    return (
        f'<circle cx="{c[0]:.1f}" cy="{c[1]:.1f}" r="{r}" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{width}"/>'
    )


def head(neck: Point, toward: Point, r: float = 17) -> str:
    """A head beyond the neck, in the direction from `toward` to `neck`."""
    dx, dy = neck[0] - toward[0], neck[1] - toward[1]
    length = math.hypot(dx, dy) or 1
    return circle((neck[0] + dx / length * (r + 4), neck[1] + dy / length * (r + 4)), r)


def arrowhead(tip: Point, back: Point, size: float = 14, color: str = ARROW) -> str:
    angle = math.atan2(tip[1] - back[1], tip[0] - back[0])
    left = (tip[0] - size * math.cos(angle - 0.45), tip[1] - size * math.sin(angle - 0.45))
    right = (tip[0] - size * math.cos(angle + 0.45), tip[1] - size * math.sin(angle + 0.45))
    return (
        f'<polygon points="{tip[0]:.1f},{tip[1]:.1f} {left[0]:.1f},{left[1]:.1f} '
        f'{right[0]:.1f},{right[1]:.1f}" fill="{color}"/>'
    )


def arrow(a: Point, b: Point, width: float = 4) -> str:
    angle = math.atan2(b[1] - a[1], b[0] - a[0])
    end = (b[0] - 8 * math.cos(angle), b[1] - 8 * math.sin(angle))
    return line(a, end, width, ARROW) + arrowhead(b, a)


def curved_arrow(a: Point, control: Point, b: Point, both: bool = False) -> str:
    body = path(
        f"M{a[0]:.1f} {a[1]:.1f} Q{control[0]:.1f} {control[1]:.1f} {b[0]:.1f} {b[1]:.1f}", 4, ARROW
    )
    heads = arrowhead(b, control)
    if both:
        heads += arrowhead(a, control)
    return body + heads


def floor(x1: float = 20, x2: float = 460, y: float = FLOOR_Y) -> str:
    return line((x1, y), (x2, y), 3, INK)


def wall(x: float, top: float = 30, bottom: float = FLOOR_Y) -> str:
    hatch = "".join(
        line((x, y), (x + 14, y - 14), 2, PROP) for y in range(int(top) + 14, int(bottom), 16)
    )
    return (
        f'<rect x="{x}" y="{top}" width="14" height="{bottom - top}" fill="#eee"/>'
        + hatch
        + line((x, top), (x, bottom), 3, INK)
    )


def chair(x: float, seat_y: float = 200, facing: int = 1, depth: float = 70) -> str:
    """A simple side-view chair; the back is on the side opposite to `facing`."""
    back_x = x if facing > 0 else x + depth
    front_x = x + depth if facing > 0 else x
    return (
        line((x, seat_y), (x + depth, seat_y), 7, PROP)
        + line((back_x, seat_y), (back_x, seat_y - 85), 7, PROP)
        + line((back_x, seat_y), (back_x, FLOOR_Y), 6, PROP)
        + line((front_x, seat_y), (front_x, FLOOR_Y), 6, PROP)
    )


def figure(j: dict[str, Point], far: set[str] | None = None) -> list[str]:
    """A posed figure. Keys: neck, hip, and for each side (l near, r far) knee, ankle, toe;
    shoulder, elbow, wrist for the arms (a near, b far)."""
    far = far if far is not None else {"r", "b"}
    parts = []
    for side in ("r", "l"):
        color = FAR if side in far else NEAR
        if f"knee_{side}" in j:
            parts.append(poly([j["hip"], j[f"knee_{side}"], j[f"ankle_{side}"]], 11, color))
            parts.append(
                poly(
                    [
                        j[f"heel_{side}"] if f"heel_{side}" in j else j[f"ankle_{side}"],
                        j[f"toe_{side}"],
                    ],
                    8,
                    color,
                )
            )
    parts.append(line(j["hip"], j["neck"], 14, NEAR))
    parts.append(head(j["neck"], j["hip"]))
    for side in ("b", "a"):
        color = FAR if side in far else NEAR
        if f"elbow_{side}" in j:
            parts.append(poly([j["shoulder"], j[f"elbow_{side}"], j[f"wrist_{side}"]], 8, color))
    return parts


def foot_closeup(heel: Point, scale: float = 1.0, toes: str = "flat") -> list[str]:
    """A large side view of a bare foot and lower leg. `toes`: flat, pressed or curled."""
    x, y = heel
    s = scale

    def p(dx: float, dy: float) -> str:
        return f"{x + dx * s:.1f} {y + dy * s:.1f}"

    shin = path(f"M{p(20, -190)} L{p(28, -70)} M{p(78, -190)} L{p(70, -78)}", 6)
    if toes == "none":
        toe_d = f"L{p(205, -20)} Q{p(214, -14)} {p(212, -2)} L{p(190, -2)}"
    elif toes == "curled":
        toe_d = f"L{p(205, -18)} Q{p(232, -22)} {p(236, -2)} Q{p(234, 14)} {p(214, 12)}"
    else:
        toe_d = f"L{p(205, -20)} Q{p(250, -18)} {p(252, -4)} Q{p(252, 0)} {p(240, 0)}"
    outline = path(
        f"M{p(28, -70)} Q{p(8, -40)} {p(4, -18)} Q{p(0, 0)} {p(22, 0)} "
        f"Q{p(60, -10)} {p(100, -6)} Q{p(150, 2)} {p(190, -2)} "
        f"{toe_d} "
        f"M{p(70, -78)} Q{p(120, -60)} {p(205, -20)}",
        6,
        INK,
        "#fafafa",
    )
    return [shin, outline]


def draw_toe_pressing() -> str:
    body = [floor()]
    body += foot_closeup((60, FLOOR_Y), 1.25, "flat")
    # arrows pressing the toes down
    for x in (300, 335):
        body.append(arrow((x, 150), (x, 255)))
    # small inset: standing figure with soft knees
    inset = [
        f'<rect x="360" y="24" width="104" height="150" rx="10" fill="#fff" '
        f'stroke="{PROP}" stroke-width="2"/>'
    ]
    j = {
        "neck": (412, 66),
        "hip": (410, 112),
        "knee_l": (418, 138),
        "ankle_l": (410, 162),
        "toe_l": (426, 163),
        "knee_r": (414, 138),
        "ankle_r": (406, 162),
        "toe_r": (420, 163),
        "shoulder": (412, 70),
        "elbow_a": (420, 92),
        "wrist_a": (424, 112),
    }
    fig = figure(j)
    inset += [
        f.replace('stroke-width="11"', 'stroke-width="6"')
        .replace('stroke-width="14"', 'stroke-width="8"')
        .replace('stroke-width="8"', 'stroke-width="5"')
        .replace('r="17"', 'r="9"')
        for f in fig
    ]
    inset.append(line((370, 164), (454, 164), 2, INK))
    return svg("Toe pressing", "Toes pressed flat into the floor, knees softly bent.", body + inset)


def draw_toe_walking() -> str:
    j = {
        "neck": (230, 76),
        "hip": (232, 166),
        "knee_l": (258, 214),
        "ankle_l": (262, 250),
        "heel_l": (262, 250),
        "toe_l": (276, 287),
        "knee_r": (216, 216),
        "ankle_r": (204, 252),
        "heel_r": (204, 252),
        "toe_r": (214, 287),
        "shoulder": (230, 84),
        "elbow_a": (252, 124),
        "wrist_a": (262, 156),
        "elbow_b": (212, 124),
        "wrist_b": (206, 156),
    }
    body = [floor(), wall(430), *figure(j)]
    body.append(arrow((300, 110), (390, 110)))
    # heels high: up-arrows under both heels, with the gap to the floor marked
    for x in (262, 204):
        body.append(line((x, 286), (x, 262), 3, ARROW, "3 4"))
    body.append(arrow((300, 284), (300, 252)))
    return svg("Toe walking", "Walking forwards on tiptoe with the heels lifted high.", body)


def draw_toe_stretching() -> str:
    body = [floor(), chair(20, 210, 1, 80)]
    # small seated figure on the left, one ankle resting on the other knee
    j = {
        "neck": (58, 110),
        "hip": (62, 202),
        "knee_l": (122, 196),
        "ankle_l": (124, 288),
        "toe_l": (146, 289),
        "shoulder": (60, 118),
        "elbow_a": (92, 160),
        "wrist_a": (124, 176),
    }
    body += figure(j)
    body.append(poly([(62, 202), (118, 180), (150, 176)], 11, FAR))
    # close-up panel: the foot, toes bent up by the hand (solid) and down (dashed)
    body.append(
        f'<rect x="170" y="14" width="296" height="262" rx="12" fill="#fff" '
        f'stroke="{PROP}" stroke-width="2"/>'
    )
    body += foot_closeup((186, 214), 0.9, "none")
    # toes bent up (solid) and the same toes bent down (dashed, the second half)
    body.append(path("M364 190 L392 160 Q404 150 412 162 L378 204 Z", 5, INK, "#fafafa"))
    body.append(path("M374 206 L402 234 Q406 246 392 246 L364 212", 4, FAR, dash="6 5"))
    # a mitten-shaped hand over the toe tips, thumb underneath, forearm going up
    body.append(
        path(
            "M388 150 Q394 120 424 120 Q452 124 452 150 Q450 174 422 178 Q400 180 392 168 Z",
            4,
            INK,
            "#e6e6e6",
        )
    )
    body.append(path("M400 174 Q412 190 428 178", 4, INK))
    body.append(line((446, 128), (462, 60), 12, INK))
    body.append(curved_arrow((440, 206), (470, 190), (462, 160)))
    body.append(curved_arrow((420, 222), (440, 256), (404, 262)))
    return svg(
        "Toe stretching",
        "A hand bends the toes gently up towards the shin, then down towards the sole.",
        body,
    )


def draw_toe_pencil_grip() -> str:
    body = [floor()]
    # shin and foot, heel on the floor, toes reaching forward and down round the pencil
    body.append(path("M90 40 L96 200 M150 40 L146 196", 6))
    body.append(
        path(
            "M96 200 Q70 240 72 270 Q74 290 100 290 Q150 282 200 284 Q250 286 290 272 "
            "Q318 262 330 246 M146 196 Q220 214 300 226 Q330 232 338 242",
            6,
            INK,
            "#fafafa",
        )
    )
    # toes curled over and under the pencil
    body.append(path("M330 246 Q352 236 358 252 Q360 268 344 272", 6, INK, "#fafafa"))
    body.append(
        f'<rect x="318" y="252" width="130" height="12" rx="3" fill="#f0c419" '
        f'stroke="{INK}" stroke-width="3" transform="rotate(-4 383 258)"/>'
    )
    body.append(path("M447 249 L466 254 L448 262 Z", 3, INK, "#f4e2b0"))
    body.append(arrow((400, 236), (400, 160)))
    body.append(path("M300 286 L330 286", 2, PROP, dash="4 4"))
    return svg(
        "Toe pencil grip",
        "Seated, the heel stays down while the toes curl round a pencil and lift it.",
        body,
    )


def draw_heel_tendon_stretch() -> str:
    j = {
        "neck": (340, 92),
        "hip": (262, 170),
        "knee_l": (312, 214),
        "ankle_l": (318, 268),
        "heel_l": (308, 286),
        "toe_l": (340, 288),
        "knee_r": (200, 226),
        "ankle_r": (150, 280),
        "heel_r": (140, 288),
        "toe_r": (176, 288),
        "shoulder": (336, 98),
        "elbow_a": (380, 104),
        "wrist_a": (414, 98),
    }
    body = [floor(), wall(418), *figure(j, far=set())]
    body.append(path("M168 236 l10 -8 l4 12 l10 -8 l4 12", 3, ARROW))
    body.append(arrow((250, 120), (300, 96)))
    return svg("Wall calf stretch", "Leaning towards a wall with the back heel down.", body)


def draw_towel_stretch() -> str:
    body = [floor()]
    j = {
        "neck": (110, 266),
        "hip": (230, 270),
        "knee_l": (248, 180),
        "ankle_l": (262, 96),
        "heel_l": (262, 96),
        "toe_l": (282, 82),
        "knee_r": (300, 274),
        "ankle_r": (380, 276),
        "toe_r": (392, 258),
        "shoulder": (118, 262),
        "elbow_a": (170, 230),
        "wrist_a": (214, 190),
    }
    body += figure(j, far={"r"})
    body.append(path("M214 190 Q240 120 272 88 Q284 80 278 98 Q256 140 222 196", 7, "#6b6b6b"))
    body.append(curved_arrow((340, 240), (340, 150), (284, 120)))
    body.append(poly([(262, 96), (262, 96)], 1))
    return svg(
        "Towel leg raise stretch",
        "Lying on the back, a towel round one foot raises the straight leg.",
        body,
    )


def draw_ankle_circles() -> str:
    j = {
        "neck": (100, 266),
        "hip": (222, 270),
        "knee_l": (278, 196),
        "ankle_l": (350, 160),
        "heel_l": (350, 160),
        "toe_l": (372, 142),
        "knee_r": (300, 274),
        "ankle_r": (376, 276),
        "toe_r": (388, 258),
        "shoulder": (108, 262),
        "elbow_a": (190, 236),
        "wrist_a": (252, 214),
    }
    body = [floor(), *figure(j)]
    body.append(path("M396 150 A34 34 0 1 1 390 118", 4, ARROW))
    body.append(arrowhead((396, 150), (404, 128)))
    return svg("Ankle circles", "Circling the foot at the ankle with the leg raised.", body)


def draw_heel_stretch() -> str:
    j = {
        "neck": (196, 180),
        "hip": (130, 266),
        "knee_l": (250, 272),
        "ankle_l": (360, 274),
        "heel_l": (360, 278),
        "toe_l": (372, 252),
        "knee_r": (200, 236),
        "ankle_r": (190, 276),
        "toe_r": (214, 280),
        "shoulder": (200, 186),
        "elbow_a": (270, 220),
        "wrist_a": (340, 242),
    }
    body = [floor(), *figure(j)]
    body.append(arrow((220, 150), (330, 200)))
    return svg(
        "Seated toe-reach stretch",
        "Sitting with one leg straight, leaning forward to reach the toes.",
        body,
    )


def draw_resistance_band() -> str:
    j = {
        "neck": (92, 176),
        "hip": (96, 266),
        "knee_l": (210, 270),
        "ankle_l": (300, 274),
        "heel_l": (300, 280),
        "toe_l": (300, 246),
        "shoulder": (94, 184),
        "elbow_a": (140, 224),
        "wrist_a": (180, 246),
    }
    body = [floor(), chair(380, 200, -1, 70), *figure(j)]
    body.append(path("M302 250 Q340 250 386 262", 4, "#3a6ea5"))
    body.append(path("M300 246 Q316 236 306 256", 4, "#3a6ea5"))
    body.append(curved_arrow((330, 236), (316, 200), (290, 214)))
    return svg(
        "Resistance band ankle pull",
        "Pulling the foot back towards the shin against a band tied to a chair.",
        body,
    )


def draw_foot_massage() -> str:
    j = {
        "neck": (100, 104),
        "hip": (104, 196),
        "knee_l": (196, 196),
        "ankle_l": (206, 262),
        "heel_l": (200, 266),
        "toe_l": (238, 268),
        "knee_r": (188, 200),
        "ankle_r": (180, 284),
        "toe_r": (204, 286),
        "shoulder": (102, 112),
        "elbow_a": (124, 152),
        "wrist_a": (158, 176),
    }
    body = [floor(), chair(60, 200, 1, 80), *figure(j)]
    body.append(circle((220, 278), 12, "#d9e86c", INK, 3))
    body.append(path("M210 270 Q220 280 230 270", 2, INK))
    body.append(
        line((176, 236), (262, 236), 4, ARROW)
        + arrowhead((270, 236), (176, 236))
        + arrowhead((168, 236), (262, 236))
    )
    return svg(
        "Ball roll under the foot", "Rolling a tennis ball under the arch while seated.", body
    )


DRAWINGS = {
    "toe-pressing": draw_toe_pressing,
    "toe-walking": draw_toe_walking,
    "toe-stretching": draw_toe_stretching,
    "toe-pencil-grip": draw_toe_pencil_grip,
    "heel-tendon-stretch": draw_heel_tendon_stretch,
    "towel-stretch": draw_towel_stretch,
    "ankle-circles": draw_ankle_circles,
    "heel-stretch": draw_heel_stretch,
    "resistance-band-stretch": draw_resistance_band,
    "foot-massage": draw_foot_massage,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("content/images"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, draw in DRAWINGS.items():
        (args.out / f"{name}.svg").write_text(draw(), "utf-8")


if __name__ == "__main__":
    main()
