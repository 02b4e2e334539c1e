"""Draw the exercise pictures in content/images/ from pose data, in one filled-shape style.

The drawing itself lives in the package scripts/pictures/; this file is the entry point that
`make pictures` runs, and keeps `from scripts.draw_pictures import EXERCISES` working.

    python scripts/draw_pictures.py [--out content/images] [--list]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, only scripts/ is on the path; the package is imported as scripts.pictures.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.pictures.cli import main  # noqa: E402
from scripts.pictures.poses import EXERCISES  # noqa: E402

__all__ = ["EXERCISES", "main"]

if __name__ == "__main__":
    main()
