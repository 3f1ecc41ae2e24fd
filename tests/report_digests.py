"""One SHA-256 per corpus file of its JSON report, so a refactoring can show it changed no report.

Every file of ../shared/corpus/index.csv (the third-party messages, ERN 3.8.2 and the other
versions ddexkit must reject), of corpus/index.csv and every rule case's bad.xml and good.xml
(the only messages where some rules fire) is validated with the official schema, no
configuration file and corpus/catalog.json (so the catalog rules run too); its FILE object of
report-format v1 is written as ddexkit's JSON output writes it, with the path made relative
to its corpus, and hashed. tests/test_report_digests.py recomputes the digests and compares
them with tests/golden/report_digests.txt.

When a change is meant to change reports (a new rule, a reworded message), regenerate the
file in one command and review the lines that changed in the diff:

    DDEXKIT_SCHEMA_DIR=/work/shared/schemas/ern382 python -m tests.report_digests --write
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import ddexkit
from tests.conftest import OUR_CORPUS, SHARED_CORPUS, shared_schema_dir

DIGESTS = Path(__file__).resolve().parent / "golden" / "report_digests.txt"
CATALOG = OUR_CORPUS / "catalog.json"
RULE_CASES = Path(__file__).resolve().parent / "rules" / "cases"


def corpus_files(shared_corpus: Path = SHARED_CORPUS) -> Iterator[tuple[str, Path]]:
    """(name in the digest file, path) of every file: ours in index order, the rule cases by
    code, then the shared corpus in index order."""
    for row in csv.DictReader((OUR_CORPUS / "index.csv").open(encoding="utf-8")):
        yield f"corpus/{row['sample']}", OUR_CORPUS / row["sample"]
    for case in sorted(RULE_CASES.glob("*/*.xml")):
        yield f"cases/{case.parent.name}/{case.name}", case
    for row in csv.DictReader((shared_corpus / "index.csv").open(encoding="utf-8")):
        yield f"shared/{row['file']}", shared_corpus / row["file"]


def report_digest(name: str, path: Path, schema_dir: Path) -> str:
    """SHA-256 of the file's JSON report, with the machine-dependent path replaced by ``name``."""
    report = ddexkit.validate(path, schema_dir=schema_dir, config=ddexkit.Config(),
                              catalog=CATALOG)
    (file,) = report.files
    document = file.to_dict()
    document["path"] = name
    text = json.dumps(document, indent=2, ensure_ascii=False)
    # Messages that quote a path quote the absolute one: keep only what does not depend on
    # where the corpus lies.
    for folder in (path.parent.resolve(), path.parent):
        text = text.replace(str(folder), "<dir>")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digests(schema_dir: Path, shared_corpus: Path = SHARED_CORPUS) -> dict[str, str]:
    return {name: report_digest(name, path, schema_dir)
            for name, path in corpus_files(shared_corpus)}


def read_digests(path: Path = DIGESTS) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        found[name] = digest
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true",
                        help=f"write the digests to {DIGESTS.name} instead of comparing")
    args = parser.parse_args(argv)
    schema_dir = shared_schema_dir()
    if schema_dir is None or not (SHARED_CORPUS / "index.csv").is_file():
        print("needs ../shared (the official XSD and the corpus), or $DDEXKIT_SCHEMA_DIR",
              file=sys.stderr)
        return 2
    computed = digests(schema_dir)
    if args.write:
        DIGESTS.write_text("".join(f"{d}  {n}\n" for n, d in computed.items()), encoding="utf-8")
        print(f"{DIGESTS}: {len(computed)} reports", file=sys.stderr)
        return 0
    changed = [name for name, digest in computed.items() if read_digests().get(name) != digest]
    for name in changed:
        print(f"report changed: {name}", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
