"""Write the ISO codes ddexkit checks on every message into src/ddexkit/data/iso_codes.json.

pycountry holds them, but importing it and loading its ISO 639-3 table costs more than a
second validation of a small message (about 150 ms at every cold start). The codes a clean
message is checked against are kept here as data, taken from pycountry; pycountry itself is
imported only to name or suggest something in an issue. Run this again after upgrading
pycountry:

    python tools/extract_isocodes.py

tests/test_isocodes_data.py checks the committed JSON against the installed pycountry.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pycountry

TARGET = Path(__file__).resolve().parents[1] / "src" / "ddexkit" / "data" / "iso_codes.json"


def _codes(database: Any, field: str) -> list[str]:
    """The values of one field over a pycountry database, as pycountry matches them."""
    return sorted({getattr(record, field) for record in database if hasattr(record, field)})


def document() -> dict[str, object]:
    return {
        "source": f"pycountry {pycountry.__version__}",
        # ISO 3166-1: alpha-2 code → English short name
        "countries": {c.alpha_2: c.name for c in sorted(pycountry.countries, key=lambda c: c.alpha_2)},
        # ISO 639: two-letter, three-letter and bibliographic (639-2/B) codes
        "language_alpha_2": _codes(pycountry.languages, "alpha_2"),
        "language_alpha_3": _codes(pycountry.languages, "alpha_3"),
        "language_bibliographic": _codes(pycountry.languages, "bibliographic"),
        # ISO 15924 scripts and ISO 4217 currencies
        "script_alpha_4": _codes(pycountry.scripts, "alpha_4"),
        "currency_alpha_3": _codes(pycountry.currencies, "alpha_3"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TARGET, help="the JSON file to write")
    args = parser.parse_args(argv)
    text = json.dumps(document(), indent=0, ensure_ascii=False, sort_keys=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(text):,} characters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
