"""Import cbcc_tinh_mau from src/ when it is not installed (the library's own test suite runs these tests so)."""

import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")
if SRC not in sys.path:
    sys.path.insert(0, SRC)
