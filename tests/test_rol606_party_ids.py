"""ROL606 knows a party by its PartyId (ERN 3.8.2: the id is the PartyId's text, e.g.
``<PartyId IsISNI="true">…``): the same id and role twice is a double whatever the names say,
and two different ids are two parties even under one name. Without ids, names decide."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.issues import Severity
from ddexkit.parser import parse

GOOD = (Path(__file__).parent / "rules" / "cases" / "ROL606" / "good.xml").read_text("utf-8")
# The release's one DisplayArtist (lines 255-260): a second one is added after it, at line 261.
ONE_ARTIST = """        <DisplayArtist SequenceNumber="1">
          <PartyName>
            <FullName>Aurora Vale</FullName>
          </PartyName>
          <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <ParentalWarningType>"""
ISNI_A = '<PartyId IsISNI="true">0000000121032683</PartyId>'
ISNI_B = '<PartyId IsISNI="true">0000000073471564</PartyId>'
DPID = '<PartyId IsDPID="true">PADPIDA2014120301L</PartyId>'


def _artist(number: int, name: str, ids: str) -> str:
    return (f'        <DisplayArtist SequenceNumber="{number}">\n'
            f"          <PartyName>\n            <FullName>{name}</FullName>\n"
            f"          </PartyName>{ids}\n"
            "          <ArtistRole>MainArtist</ArtistRole>\n        </DisplayArtist>\n")


def _two_artists(first: tuple[str, str], second: tuple[str, str]) -> str:
    assert GOOD.count(ONE_ARTIST) == 1
    pair = _artist(1, *first) + _artist(2, *second) + "        <ParentalWarningType>"
    return GOOD.replace(ONE_ARTIST, pair)


def _rol606(text: str) -> list[ddexkit.Issue]:
    report = ddexkit.validate(text.encode("utf-8"), config=Config(select=("ROL606",)))
    return [i for i in report.files[0].issues if i.code == "ROL606"]


def test_the_parser_reads_a_382_party_id() -> None:
    text = _two_artists(("Aurora Vale", ISNI_A), ("Aurora Vale", DPID + ISNI_B))
    artists = parse(text.encode("utf-8")).releases[0].details[0].display_artists
    assert [[p.stripped for p in a.party_ids] for a in artists] == [
        ["0000000121032683"], ["PADPIDA2014120301L", "0000000073471564"]]


@pytest.mark.parametrize(("first", "second"), [
    (("Aurora Vale", ISNI_A), ("A. Vale", ISNI_A)),
    (("Aurora Vale", ISNI_A), ("Aurora Vail", DPID + ISNI_A)),  # one id in common is enough
])
def test_the_same_id_and_role_is_one_party_whatever_the_names(
    first: tuple[str, str], second: tuple[str, str],
) -> None:
    issues = _rol606(_two_artists(first, second))
    assert [(i.code, i.location.line, i.severity) for i in issues] == [
        ("ROL606", 261, Severity.WARNING)]
    assert issues[0].message == (f"{second[0]} is listed twice as MainArtist in one "
                                 "DisplayArtist list")


def test_different_ids_are_different_parties_under_one_name() -> None:
    assert _rol606(_two_artists(("Aurora Vale", ISNI_A), ("Aurora Vale", ISNI_B))) == []


@pytest.mark.parametrize(("first", "second"), [
    (("Aurora Vale", ""), ("aurora  vale", "")),
    (("Aurora Vale", ISNI_A), ("Aurora Vale", "")),  # an id on one side only: names decide
])
def test_without_ids_on_both_sides_names_decide(
    first: tuple[str, str], second: tuple[str, str],
) -> None:
    assert [i.location.line for i in _rol606(_two_artists(first, second))] == [261]
