"""A release without any ReleaseType is not a track release: the rules about track releases
(ID108, REF206) leave it alone, as they would a product."""

from __future__ import annotations

from pathlib import Path

import ddexkit
from ddexkit.config import Config
from ddexkit.parser import parse

# R1 (line 302) is a TrackRelease whose ISRC (line 304) is not its recording's.
BAD = (Path(__file__).parent / "rules" / "cases" / "ID108" / "bad.xml").read_text("utf-8")
TRACK_TYPE = "<ReleaseType>TrackRelease</ReleaseType>"


def _codes(text: str, code: str) -> list[tuple[str, int | None]]:
    report = ddexkit.validate(text.encode("utf-8"), config=Config(select=(code,)))
    return [(i.code, i.location.line) for i in report.files[0].issues if i.code == code]


def _untyped() -> str:
    assert BAD.count(TRACK_TYPE) == 1
    return BAD.replace(TRACK_TYPE, "")


def test_a_release_without_release_type_is_not_a_track_release() -> None:
    releases = {r.ref: r for r in parse(_untyped().encode("utf-8")).releases}
    assert releases["R1"].type_names == frozenset()
    assert releases["R1"].is_track_release is False
    assert {r.ref: r.is_track_release for r in parse(BAD.encode("utf-8")).releases} == {
        "R0": False, "R1": True}


def test_id108_checks_a_track_release_but_not_a_release_without_type() -> None:
    assert _codes(BAD, "ID108") == [("ID108", 304)]
    assert _codes(_untyped(), "ID108") == []


def test_ref206_wants_a_deal_for_a_track_release_but_not_for_a_release_without_type() -> None:
    own_deal = "<DealReleaseReference>R1</DealReleaseReference>"
    assert BAD.count(own_deal) == 1
    dealless = BAD.replace(own_deal, "<DealReleaseReference>R0</DealReleaseReference>")
    assert [code for code, _ in _codes(dealless, "REF206")] == ["REF206"]
    assert _codes(dealless.replace(TRACK_TYPE, ""), "REF206") == []
