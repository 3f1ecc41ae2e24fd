"""The JSON report against docs/report-format.md (version 1), as a JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import ddexkit
from tests.conftest import GOOD_ALBUM, OUR_CORPUS

# These tests run without the XSD (ERN007), as on a machine where none is installed.
pytestmark = pytest.mark.usefixtures("no_schema_installed")

REPORT = ddexkit.report_schema()


def test_report_of_our_corpus_follows_the_contract(tmp_path: Path) -> None:
    report = ddexkit.validate(OUR_CORPUS).to_dict()
    jsonschema.validate(json.loads(json.dumps(report)), REPORT)
    assert report["totals"]["files"] == len(report["files"]) >= 5
    for file in report["files"]:
        errors = sum(1 for i in file["issues"] if i["severity"] == "error")
        assert file["counts"]["error"] == errors
        assert file["status"] == ("needs_fixes" if errors else "ready")


def test_summary_reads_the_album(schema_dir: Path) -> None:
    summary = ddexkit.validate(GOOD_ALBUM, schema_dir=schema_dir).files[0].to_dict()["summary"]
    assert summary["upc"] == "123456789012"
    assert summary["primary_artists"] == ["Aurora Vale"]
    assert [t["isrc"] for t in summary["tracks"]] == ["GBAYE2400001", "GBAYE2400002",
                                                      "GBAYE2400003"]
    assert [t["duration_seconds"] for t in summary["tracks"]] == [192, 245, 331]
    assert summary["artwork"] == {"resource_reference": "A4", "file": "resources/cover.jpg",
                                  "width": 3000, "height": 3000}
    assert summary["deals"][0]["territories"] == ["Worldwide"]
    assert summary["explicit"] is False


def test_unreadable_file_has_null_summary_values(tmp_path: Path) -> None:
    report = ddexkit.validate(b"not xml").to_dict()
    file = report["files"][0]
    assert file["message_kind"] is None and file["path"] is None
    assert file["summary"]["title"] is None and file["summary"]["tracks"] == []
    assert [i["code"] for i in file["issues"]] == ["ERN001"]


def test_the_packaged_schema_is_a_valid_json_schema_and_the_cli_prints_it(
        capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema.Draft202012Validator.check_schema(REPORT)
    from ddexkit import cli

    assert cli.main(["schema", "report"]) == 0
    assert json.loads(capsys.readouterr().out) == REPORT


@pytest.mark.parametrize("profiles", [None, ["apple", "spotify"], ["ddex-audio-album"]])
def test_every_shape_of_report_follows_the_schema(profiles: list[str] | None) -> None:
    """Profiles selected, a declared profile shown apart, unreadable and ZIP inputs, bytes."""
    declared = (OUR_CORPUS / "good" / "album.xml").read_bytes().replace(
        b'MessageSchemaVersionId="ern/382"',
        b'MessageSchemaVersionId="ern/382" '
        b'ReleaseProfileVersionId="CommonReleaseTypes/14/AudioAlbumMusicOnly"', 1)
    for source in (OUR_CORPUS, declared, b"<not xml"):
        report = ddexkit.validate(source, profiles=profiles).to_dict()
        jsonschema.validate(json.loads(json.dumps(report)), REPORT)
    apart = ddexkit.validate(declared).to_dict()["files"][0]["profiles"]
    assert [p["selected"] for p in apart] == [True, False]


def test_the_schema_refuses_what_the_contract_forbids() -> None:
    report = ddexkit.validate(OUR_CORPUS / "broken" / "bad_deal.xml").to_dict()
    report["files"][0]["issues"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, REPORT)
