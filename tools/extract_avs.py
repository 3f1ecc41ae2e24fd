"""Extract DDEX allowed-value sets from the official AVS schema into src/ddexkit/data/.

The XSD is licensed, so it is never committed; the value lists are facts, kept as JSON
(one file per set, ``avs_<SetName>.json``). Run it again when a new AVS file is adopted:

    python tools/extract_avs.py ../shared/schemas/ern382/avs_20161006.xsd

tests/test_avs_data.py checks the committed JSON against the official file when it is there.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lxml import etree

XS = "{http://www.w3.org/2001/XMLSchema}"
DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "ddexkit" / "data"

# The sets ddexkit's rules read. IndirectResourceContributorRole is typed as
# MusicalWorkContributorRole in ERN 3.8.2.
SETS = (
    "ArtistRole",
    "ResourceContributorRole",
    "MusicalWorkContributorRole",
    "UseType",
    "CommercialModelType",
)


def _values(root: etree._Element, name: str) -> list[str]:
    found = root.find(f"{XS}simpleType[@name='{name}']")
    if found is None:
        raise SystemExit(f"no simpleType named {name}")
    values = [e.get("value") for e in found.iter(f"{XS}enumeration")]
    union = found.find(f"{XS}union")
    if union is not None:  # e.g. MusicalWorkContributorRole = Creative + Business roles
        for member in union.get("memberTypes", "").split():
            values.extend(_values(root, member.rpartition(":")[2]))
    return list(dict.fromkeys(values))


def extract(avs_file: Path, name: str) -> list[str]:
    """The enumeration values of the simple type ``name`` (members of a union included),
    in the file's order, without repeats."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return _values(etree.parse(str(avs_file), parser).getroot(), name)


def document(avs_file: Path, name: str) -> dict[str, object]:
    return {"set": name, "source": avs_file.name, "values": extract(avs_file, name)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("avs_file", type=Path, help="the official avs_*.xsd")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in SETS:
        target = args.out / f"avs_{name}.json"
        text = json.dumps(document(args.avs_file, name), indent=1, ensure_ascii=False)
        target.write_text(text + "\n", encoding="utf-8")
        print(f"{target}: {len(extract(args.avs_file, name))} values", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
