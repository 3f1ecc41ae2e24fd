"""Our corpus against corpus/index.csv, and the third-party corpus against ../shared's index."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import ddexkit
from tests.conftest import OUR_CORPUS, shared_schema_dir

_OURS = list(csv.DictReader((OUR_CORPUS / "index.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("row", _OURS, ids=lambda r: r["sample"])
def test_our_sample_gives_its_expected_outcome(row: dict[str, str], tmp_path: Path) -> None:
    schema = shared_schema_dir() or tmp_path
    report = ddexkit.validate(OUR_CORPUS / row["sample"], schema_dir=schema,
                              config=ddexkit.Config(ignore=("ERN007",)))
    file = report.files[0]
    codes = {issue.code for issue in file.issues}
    assert file.status == row["status"]
    expected = set(row["codes"].split())
    if expected:
        assert expected <= codes
    else:
        assert file.issues == ()


def _shared_rows(shared_corpus: Path) -> list[dict[str, str]]:
    return list(csv.DictReader((shared_corpus / "index.csv").open(encoding="utf-8")))


def test_third_party_corpus_xsd_verdicts_match_the_official_schema(shared_corpus: Path) -> None:
    rows = _shared_rows(shared_corpus)
    report = ddexkit.validate(shared_corpus, schema_dir=shared_schema_dir())
    by_path = {Path(f.path).resolve(): f for f in report.files if f.path}
    disagreements = []
    for row in rows:
        file = by_path[(shared_corpus / row["file"]).resolve()]
        codes = {i.code for i in file.issues}
        assert not any("internal error" in i.message for i in file.issues), row["file"]
        if row["xsd_valid"] == "not-applicable":
            if not codes & {"ERN004", "ERN005"}:
                disagreements.append(f"not rejected as another version: {row['file']}")
            continue
        want = "valid" if row["xsd_valid"] == "true" else "invalid"
        if file.xsd != want and not (want == "invalid" and codes & {"ERN001", "ERN004"}):
            disagreements.append(f"xsd {file.xsd}, official {want}: {row['file']}")
    assert disagreements == []
