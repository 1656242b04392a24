"""Regenerate the generated documentation: ``python docs/generate.py`` writes docs/rules.md.

docs/rules.md is the rule catalogue of the built-in plugins (entry-point plugins are not loaded, so the file does
not depend on what else is installed). ``tests/test_docs.py`` fails when the file is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
RULES_MD = DOCS / "rules.md"
_SRC = DOCS.parent / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))  # render the working tree's rules even when the project is not installed

from cbcc_standards.catalogue import render_rule_catalogue  # noqa: E402
from cbcc_standards.plugins import load_registry  # noqa: E402


def render() -> str:
    """The expected content of docs/rules.md: the catalogue of the built-in rules, in English."""
    return render_rule_catalogue(load_registry(load_entry_points=False, strict=True), lang="en")


def main(argv: list[str] | None = None) -> int:
    """Write docs/rules.md (or, with ``--check``, exit 1 when it is stale)."""
    parser = argparse.ArgumentParser(description="Regenerate docs/rules.md from the registered rules.")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 when docs/rules.md is stale")
    args = parser.parse_args(argv)
    text = render()
    current = RULES_MD.read_text(encoding="utf-8") if RULES_MD.exists() else None
    if args.check:
        if current != text:
            print(f"{RULES_MD} is stale: run `python docs/generate.py`", file=sys.stderr)
            return 1
        print(f"{RULES_MD} is up to date")
        return 0
    if current == text:
        print(f"{RULES_MD} is up to date")
    else:
        RULES_MD.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {RULES_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
