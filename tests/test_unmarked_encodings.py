"""UTF-16 and UTF-32 without a byte order mark are not UTF-8 (ERN002), never "ready": their
NUL bytes are valid UTF-8, so only the way "<" is encoded gives them away."""

from __future__ import annotations

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.safexml import read_document
from tests.conftest import GOOD_ALBUM


@pytest.mark.parametrize(("codec", "name"), [("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"),
                                             ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16")])
def test_without_a_bom_is_err002_and_not_ready(codec: str, name: str) -> None:
    data = GOOD_ALBUM.read_text(encoding="utf-8").encode(codec)
    assert read_document(data).facts.unmarked_encoding == name
    file = ddexkit.validate(data, config=Config(ignore=("ERN007",))).files[0]
    assert not file.is_ready
    (issue,) = [i for i in file.issues if i.code == "ERN002"]
    assert f"{name} (without a byte order mark)" in issue.message


def test_utf8_is_not_taken_for_an_unmarked_encoding() -> None:
    assert read_document(GOOD_ALBUM.read_bytes()).facts.unmarked_encoding is None
