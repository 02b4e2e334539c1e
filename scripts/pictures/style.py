"""Sizes and tones shared by every picture: the panels, the line weight, the palette, the floors."""

from __future__ import annotations

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
