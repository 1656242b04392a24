"""``python -m cbcc_standards``: the command line."""

import sys

from .cli import main

sys.exit(main())
