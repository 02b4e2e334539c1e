"""Draw the exercise pictures in content/images/ from pose data, in one filled-shape style.

One SVG per entry of EXERCISES, named after the exercise; --list prints the names instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .document import document
from .poses import EXERCISES


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[2] / "content/images"
    )
    parser.add_argument("--list", action="store_true", help="print the picture names and stop")
    args = parser.parse_args()
    if args.list:
        print("\n".join(EXERCISES))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    for name, draw in EXERCISES.items():
        (args.out / f"{name}.svg").write_text(document(name, draw()), "utf-8")


if __name__ == "__main__":
    main()
