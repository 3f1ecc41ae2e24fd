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

_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_INT = {"type": ["integer", "null"]}
ISSUE = {
    "type": "object",
    "required": ["code", "severity", "message", "xpath", "line", "column", "hint"],
    "properties": {
        "code": {"type": "string", "pattern": "^[A-Z]{2,3}[0-9]{3}$"},
        "severity": {"enum": ["error", "warning"]},
        "message": {"type": "string", "minLength": 1},
        "xpath": _NULLABLE_STRING,
        "line": _NULLABLE_INT,
        "column": _NULLABLE_INT,
        "hint": _NULLABLE_STRING,
    },
}
SUMMARY_KEYS = ["title", "label", "upc", "release_date", "release_type", "primary_artists",
                "explicit", "genre", "p_line", "c_line", "tracks", "artwork", "deals"]
FILE = {
    "type": "object",
    "required": ["path", "message_kind", "schema_version", "xsd", "status", "counts", "issues",
                 "summary"],
    "properties": {
        "xsd": {"enum": ["valid", "invalid", "skipped"]},
        "status": {"enum": ["ready", "needs_fixes"]},
        "counts": {"type": "object", "required": ["error", "warning"]},
        "issues": {"type": "array", "items": ISSUE},
        "summary": {"type": "object", "required": SUMMARY_KEYS},
    },
}
REPORT = {
    "type": "object",
    "required": ["report_version", "tool", "files", "totals"],
    "properties": {
        "report_version": {"const": 1},
        "tool": {"type": "object", "required": ["name", "version"]},
        "files": {"type": "array", "items": FILE},
        "totals": {"type": "object",
                   "required": ["files", "ready", "needs_fixes", "errors", "warnings"]},
    },
}


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
