"""IsMainRelease and TakeDown are xs:boolean: "1" is true as much as "true", "0" is false.

Each test fails if "1" were read as false (or "0" as true)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.parser import parse

CASES = Path(__file__).parent / "rules" / "cases"
# R0 (line 233) is the flagged Album; R1 (line 302, its ReleaseType on line 313) a TrackRelease.
TWO_RELEASES = (CASES / "ID108" / "bad.xml").read_text("utf-8")
# The main release's only deal is a TakeDown (line 337).
TAKEDOWN = (CASES / "DEA706" / "bad.xml").read_text("utf-8")


def _flags(album: str, track: str) -> str:
    assert TWO_RELEASES.count('<Release IsMainRelease="true">') == 1
    assert TWO_RELEASES.count("    <Release>\n") == 1
    text = TWO_RELEASES.replace('<Release IsMainRelease="true">', f"<Release{album}>")
    head, _, tail = text.rpartition("    <Release>\n")  # R1 comes last
    return f"{head}    <Release{track}>\n{tail}"


def _codes(text: str, code: str) -> list[tuple[str, int | None]]:
    report = ddexkit.validate(text.encode("utf-8"), config=Config(select=(code,)))
    return [(i.code, i.location.line) for i in report.files[0].issues if i.code == code]


@pytest.mark.parametrize("flag", ("1", "true", " 1 "))
def test_is_main_release_1_is_true(flag: str) -> None:
    text = _flags("", f' IsMainRelease="{flag}"')
    main = parse(text.encode("utf-8")).main_release
    assert main is not None and main.ref == "R1" and main.says_main
    # The flagged TrackRelease is the main release, so REF212 says it is not a product.
    assert _codes(text, "REF212") == [("REF212", 313)]


@pytest.mark.parametrize("flag", ("0", "false"))
def test_is_main_release_0_is_false(flag: str) -> None:
    text = _flags(f' IsMainRelease="{flag}"', f' IsMainRelease="{flag}"')
    message = parse(text.encode("utf-8"))
    assert not any(r.says_main for r in message.releases)
    assert message.main_release is not None and message.main_release.ref == "R0"
    assert _codes(text, "REF212") == []


@pytest.mark.parametrize("flag", ("1", "true", " 1 "))
def test_takedown_1_is_true(flag: str) -> None:
    assert TAKEDOWN.count("<TakeDown>true</TakeDown>") == 1
    text = TAKEDOWN.replace("<TakeDown>true</TakeDown>", f"<TakeDown>{flag}</TakeDown>")
    assert _codes(text, "DEA706") == [("DEA706", 337)]


@pytest.mark.parametrize("flag", ("0", "false"))
def test_takedown_0_is_false(flag: str) -> None:
    text = TAKEDOWN.replace("<TakeDown>true</TakeDown>", f"<TakeDown>{flag}</TakeDown>")
    assert text != TAKEDOWN
    assert _codes(text, "DEA706") == []
