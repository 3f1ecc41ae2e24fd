"""The library's entry points raise the same documented exception for the same mistake, and
never read an unbounded or endless input."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import ddexkit
from tests.conftest import GOOD_ALBUM

ENTRIES: list[Callable[[str | Path], object]] = [ddexkit.parse, ddexkit.validate]


@pytest.mark.parametrize("entry", ENTRIES)
def test_a_missing_file_is_an_input_error_in_parse_and_validate(
    entry: Callable[[str | Path], object], tmp_path: Path
) -> None:
    with pytest.raises(ddexkit.InputError, match=r"nowhere\.xml: no such file"):
        entry(tmp_path / "nowhere.xml")


@pytest.mark.parametrize("entry", ENTRIES)
def test_a_str_holding_xml_is_named_for_what_it_is(
    entry: Callable[[str | Path], object]
) -> None:
    with pytest.raises(ddexkit.InputError, match="pass the message as bytes"):
        entry(GOOD_ALBUM.read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", [*ENTRIES, ddexkit.fix])
@pytest.mark.parametrize(("source", "named"), [
    ([str(GOOD_ALBUM)], "a list: pass one path (a str or Path) (for several files, pass their "
                        "folder"),
    (bytearray(b"<x/>"), "a bytearray: pass one path"),
    (None, "a NoneType: pass one path"),
    (3, "an int: pass one path"),
])
def test_a_source_of_another_type_is_named_for_what_it_is(
    entry: Callable[[object], object], source: object, named: str
) -> None:
    with pytest.raises(TypeError, match=named.replace("(", r"\(").replace(")", r"\)")):
        entry(source)


def test_parse_refuses_a_device_and_a_fifo_before_reading(tmp_path: Path) -> None:
    with pytest.raises(ddexkit.InputError, match="not a regular file"):
        ddexkit.parse("/dev/zero")
    fifo = tmp_path / "release.xml"
    os.mkfifo(fifo)
    with pytest.raises(ddexkit.InputError, match="not a regular file"):
        ddexkit.parse(fifo)  # would block forever if opened for a plain read


def test_parse_reads_no_more_than_the_cap(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as out:
        out.truncate(51_200_000 + 4096)  # sparse: costs no disk
    with pytest.raises(ddexkit.ParseError, match="50,000 KB"):
        ddexkit.parse(huge)


def test_parse_of_the_bytes_and_of_the_path_agree() -> None:
    from_path, from_bytes = ddexkit.parse(GOOD_ALBUM), ddexkit.parse(GOOD_ALBUM.read_bytes())
    assert (from_path.kind, len(from_path.releases), len(from_path.resources)) == (
        from_bytes.kind, len(from_bytes.releases), len(from_bytes.resources))
