"""ERN005 is silent where ERN004 already named another ERN version (rules.md), and reads the
version id without its surrounding whitespace."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from tests.conftest import GOOD_ALBUM

# These tests run without the XSD (ERN007), as on a machine where none is installed.
pytestmark = pytest.mark.usefixtures("no_schema_installed")

ALBUM = GOOD_ALBUM.read_bytes()


def _codes(raw: bytes, tmp_path: Path) -> list[str]:
    report = ddexkit.validate(raw, config=Config(select=("ERN00",),
                                                                       ignore=("ERN007",)))
    return [i.code for i in report.files[0].issues]


def test_another_ern_version_is_named_once(tmp_path: Path) -> None:
    assert b'MessageSchemaVersionId="ern/382"' in ALBUM
    other = ALBUM.replace(b"http://ddex.net/xml/ern/382", b"http://ddex.net/xml/ern/381").replace(
        b'MessageSchemaVersionId="ern/382"', b'MessageSchemaVersionId="ern/381"')
    assert _codes(other, tmp_path) == ["ERN004"]


def test_a_wrong_version_id_under_the_382_namespace_is_still_reported(tmp_path: Path) -> None:
    wrong = ALBUM.replace(b'MessageSchemaVersionId="ern/382"', b'MessageSchemaVersionId="ern/381"')
    assert _codes(wrong, tmp_path) == ["ERN005"]


def test_surrounding_whitespace_is_accepted(tmp_path: Path) -> None:
    spaced = ALBUM.replace(b'MessageSchemaVersionId="ern/382"',
                           b'MessageSchemaVersionId=" ern/382 "')
    assert spaced != ALBUM
    assert _codes(spaced, tmp_path) == []
