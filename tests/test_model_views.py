"""The model's derived views: one answer each to "what does this release deliver", "which
tracks, in which order", "what is this value as a number, a boolean, a length"."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ddexkit
from ddexkit.lexical import whole_number, xs_boolean
from ddexkit.model import Text

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
NS = "http://ddex.net/xml/ern/382"


def _recording(reference: str, isrc: str, title: str, duration: str, warning: str) -> str:
    return f"""
    <SoundRecording>
      <SoundRecordingType>MusicalWorkSoundRecording</SoundRecordingType>
      <SoundRecordingId><ISRC>{isrc}</ISRC></SoundRecordingId>
      <ResourceReference>{reference}</ResourceReference>
      <ReferenceTitle><TitleText>{title}</TitleText></ReferenceTitle>
      <Duration>{duration}</Duration>
      <SoundRecordingDetailsByTerritory>
        <TerritoryCode>Worldwide</TerritoryCode>
        <DisplayArtist><PartyName><FullName>Main One</FullName></PartyName>
          <ArtistRole>MainArtist</ArtistRole></DisplayArtist>
        <DisplayArtist><PartyName><FullName>Guest</FullName></PartyName>
          <ArtistRole>FeaturedArtist</ArtistRole></DisplayArtist>
        <ParentalWarningType>{warning}</ParentalWarningType>
      </SoundRecordingDetailsByTerritory>
    </SoundRecording>"""


def _item(sequence: str, reference: str) -> str:
    return f"""
          <ResourceGroupContentItem>
            <SequenceNumber>{sequence}</SequenceNumber>
            <ResourceType>SoundRecording</ResourceType>
            <ReleaseResourceReference>{reference}</ReleaseResourceReference>
          </ResourceGroupContentItem>"""


def _message(listed: list[str], items: list[tuple[str, str]]) -> bytes:
    """An album whose list names ``listed`` and whose one group holds ``items``."""
    recordings = "".join([
        _recording("A1", "GBAYE2400001", "First", "PT3M12S", "Explicit"),
        _recording("A2", "GBAYE2400002", "Second", "PT3.5M", "NotExplicit"),
        _recording("A3", "GBAYE2400003", "Third", "PT4M", "Unknown"),
    ])
    references = "".join(
        f"<ReleaseResourceReference>{r}</ReleaseResourceReference>" for r in listed)
    group = "".join(_item(sequence, reference) for sequence, reference in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ern:NewReleaseMessage xmlns:ern="{NS}" MessageSchemaVersionId="ern/382">
  <ResourceList>{recordings}
    <Image><ImageType>FrontCoverImage</ImageType><ResourceReference>A9</ResourceReference>
    </Image>
  </ResourceList>
  <ReleaseList>
    <Release IsMainRelease="true">
      <ReleaseReference>R0</ReleaseReference>
      <ReferenceTitle><TitleText>Album</TitleText></ReferenceTitle>
      <ReleaseResourceReferenceList>{references}</ReleaseResourceReferenceList>
      <ReleaseType>Album</ReleaseType>
      <ReleaseDetailsByTerritory>
        <TerritoryCode>Worldwide</TerritoryCode>
        <ResourceGroup>{group}
        </ResourceGroup>
      </ReleaseDetailsByTerritory>
    </Release>
  </ReleaseList>
</ern:NewReleaseMessage>""".encode()


def test_tracks_follow_the_sequence_numbers_not_the_list() -> None:
    message = ddexkit.parse(_message(["A9", "A1", "A2", "A3"],
                                     [("2", "A2"), ("1", "A1"), ("3", "A3")]))
    tracks = message.tracks()
    assert [t.reference for t in tracks] == ["A1", "A2", "A3"]
    assert [(t.number, t.position) for t in tracks] == [(1, 2), (2, 1), (3, 3)]
    first, second, third = tracks
    assert (first.title, first.isrc, first.duration, first.duration_seconds) == (
        "First", "GBAYE2400001", "PT3M12S", 192.0)
    assert first.display_artists == ("Main One",)  # the MainArtist, not the guest
    assert (first.explicit, second.explicit, third.explicit) == (True, False, None)
    # PT3.5M is not an xs:duration (DUR401): it has no length, here as in every rule
    assert (second.duration, second.duration_seconds) == ("PT3.5M", None)


def test_a_reference_written_twice_is_one_track_and_the_group_gives_its_number() -> None:
    message = ddexkit.parse(_message(["A3", "A1", "A1"], [("7", "A1")]))
    tracks = message.tracks()
    # The content item comes first (it has the number); the list adds what no group names,
    # at its place (2); the number orders them.
    assert [(t.reference, t.sequence, t.position, t.number) for t in tracks] == [
        ("A3", None, 2, 2), ("A1", 7, 1, 7)]
    release = message.releases[0]
    assert release.delivered_references() == ("A1", "A3")
    assert [t.stripped for t in release.iter_reference_texts()] == ["A3", "A1", "A1", "A1"]


def test_a_sequence_number_that_is_no_number_leaves_the_position() -> None:
    message = ddexkit.parse(_message(["A1", "A2"], [("²", "A1"), ("1", "A2")]))
    assert [(t.reference, t.sequence, t.number) for t in message.tracks()] == [
        ("A1", None, 1), ("A2", 1, 1)]


def test_delivered_resources_include_the_cover_and_skip_unknown_references() -> None:
    message = ddexkit.parse(_message(["A9", "A404", "A1"], [("1", "A1")]))
    release = message.releases[0]
    resources = message.resources_by_reference()
    assert [r.ref for r in release.delivered(resources)] == ["A1", "A9"]
    assert [t.reference for t in release.tracks(resources)] == ["A1"]


def test_no_main_release_means_no_tracks() -> None:
    raw = _message(["A1"], [("1", "A1")]).replace(b' IsMainRelease="true"', b"").replace(
        b"<ReleaseType>Album</ReleaseType>", b"<ReleaseType>TrackRelease</ReleaseType>")
    message = ddexkit.parse(raw)
    assert message.main_release is None
    assert message.tracks() == ()
    assert [t.reference for t in message.tracks(message.releases[0])] == ["A1"]


def test_the_summary_lists_the_model_tracks() -> None:
    """The summary and a library user get one answer: same tracks, order and values."""
    path = CORPUS / "good" / "album.xml"
    summary = ddexkit.validate(str(path)).files[0].summary
    assert summary is not None
    tracks = ddexkit.parse(path).tracks()
    assert len(tracks) == 3
    assert [(t.sequence, t.title, t.isrc, t.duration_seconds) for t in summary.tracks] == [
        (t.number, t.title, t.isrc, round(t.duration_seconds or 0)) for t in tracks]


@pytest.mark.parametrize(("value", "meant"), [
    ("true", True), (" 1 ", True), ("false", False), ("0", False),
    ("True", None), ("yes", None), ("", None),
])
def test_xs_boolean(value: str, meant: bool | None) -> None:
    assert xs_boolean(value) is meant
    assert Text(value=value, element=None).as_bool() is meant


@pytest.mark.parametrize(("value", "seconds"), [
    ("PT3M12S", 192.0), (" PT225S ", 225.0), ("PT0S", 0.0),
    ("PT3.5M", None), ("P1W", None), ("PT3M12,5S", None), ("PT3M75S", None), ("P1M", None),
])
def test_as_seconds_is_the_one_reading_of_a_duration(value: str, seconds: float | None) -> None:
    assert Text(value=value, element=None).as_seconds() == seconds


@given(st.text(max_size=12))
def test_whole_number_never_raises_and_accepts_only_ascii_digits(value: str) -> None:
    number = whole_number(value)
    stripped = value.strip()
    if stripped and all("0" <= c <= "9" for c in stripped):
        assert number == int(stripped)
    else:
        assert number is None


def test_a_text_reads_as_its_value() -> None:
    message = ddexkit.parse(CORPUS / "good" / "album.xml")
    release = message.main_release
    assert release is not None and release.reference is not None
    assert str(release.reference) == "R0" and f"{release.icpns[0]}" == "123456789012"
    assert str(Text(value="  padded \n", element=None)) == "padded"
