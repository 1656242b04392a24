"""Suite-wide test settings: under CI (``CI`` set), hypothesis runs derandomized, so a run is reproducible and a
green build stays green; locally it explores new examples each run."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
