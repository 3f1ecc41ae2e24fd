"""REF208 exempts video products: a main release with a video ReleaseType, or one that
delivers Videos, needs no SoundRecording. An audio product without one is still an error."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config

BAD = (Path(__file__).parent / "rules" / "cases" / "REF208" / "bad.xml").read_text(
    encoding="utf-8")
ALBUM = "<ReleaseType>Album</ReleaseType>"
LIST = "<ReleaseResourceReferenceList> <!-- expect: REF208 -->"
VIDEO = """<Video>
      <VideoType>ShortFormMusicalWorkVideo</VideoType>
      <VideoId>
        <ISRC>GBAYE2400099</ISRC>
      </VideoId>
      <ResourceReference>A9</ResourceReference>
      <ReferenceTitle>
        <TitleText>Harbour Lights (video)</TitleText>
      </ReferenceTitle>
      <Duration>PT3M12S</Duration>
      <VideoDetailsByTerritory>
        <TerritoryCode>Worldwide</TerritoryCode>
      </VideoDetailsByTerritory>
    </Video>
    <Image>"""


def _ref208(text: str) -> list[tuple[str, str]]:
    report = ddexkit.validate(text.encode(), config=Config(select=("REF208",)))
    return [(i.code, i.severity.value) for i in report.files[0].issues]


def test_an_audio_album_without_recordings_is_reported() -> None:
    assert _ref208(BAD) == [("REF208", "error")]


@pytest.mark.parametrize("release_type", [
    "VideoSingle", "VideoAlbum", "LongFormMusicalWorkVideoRelease",
    "ShortFormMusicalWorkVideoRelease", "ConcertVideo",
])
def test_a_video_release_type_is_exempt(release_type: str) -> None:
    assert ALBUM in BAD
    assert _ref208(BAD.replace(ALBUM, f"<ReleaseType>{release_type}</ReleaseType>")) == []


def test_a_main_release_delivering_videos_is_exempt() -> None:
    assert LIST in BAD
    text = BAD.replace("<Image>", VIDEO, 1).replace(
        LIST, LIST + '\n        <ReleaseResourceReference ReleaseResourceType="PrimaryResource">'
        "A9</ReleaseResourceReference>")
    assert _ref208(text) == []
