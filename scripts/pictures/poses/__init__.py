"""Every exercise's poses: each function returns the start and end panels of one picture.

EXERCISES names them in the order they are written.
"""

from __future__ import annotations

from collections.abc import Callable

from ..document import Panels
from .closeups import ball_roll, toe_pencil_grip, toe_pressing, toe_stretching
from .lying import ankle_circles, towel_stretch
from .seated import band_ankle_pull, seated_toe_reach
from .standing import heel_raises, toe_walking, wall_calf_stretch

EXERCISES: dict[str, Callable[[], Panels]] = {
    "toe-walking": toe_walking,
    "toe-pressing": toe_pressing,
    "toe-pencil-grip": toe_pencil_grip,
    "toe-stretching": toe_stretching,
    "ankle-circles": ankle_circles,
    "towel-stretch": towel_stretch,
    "seated-toe-reach": seated_toe_reach,
    "wall-calf-stretch": wall_calf_stretch,
    "ball-roll": ball_roll,
    "band-ankle-pull": band_ankle_pull,
    "heel-raises": heel_raises,
}
