"""How many examples a property test tries: a tenth by default, so `make test` stays quick,
and all of them in the nightly run (`make test-nightly`, HYPOTHESIS_PROFILE=nightly)."""

from __future__ import annotations

import os

NIGHTLY = os.environ.get("HYPOTHESIS_PROFILE") == "nightly"


def examples(nightly: int) -> int:
    """The examples to try: `nightly` in the nightly run, else a tenth (at least 25)."""
    return nightly if NIGHTLY else max(25, nightly // 10)
