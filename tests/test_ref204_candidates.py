"""REF204 and the main release: a lone Release that is not a track release is the main
release; when no main release can be identified, the main-release rules still judge each
candidate, so that REF204 never hides a missing UPC."""

from __future__ import annotations

import ddexkit
from ddexkit.config import Config
from ddexkit.issues import Issue
from tests.conftest import GOOD_ALBUM

ALBUM = GOOD_ALBUM.read_text(encoding="utf-8")
START = ALBUM.index('    <Release IsMainRelease="true">')
END = ALBUM.index("    </Release>") + len("    </Release>\n")
RELEASE = ALBUM[START:END]


def _not_main(release: str) -> str:
    """The album's release without IsMainRelease and without its ReleaseType."""
    return (release.replace(' IsMainRelease="true"', "")
            .replace("      <ReleaseType>Album</ReleaseType>\n", ""))


def _issues(releases: str, *codes: str) -> list[Issue]:
    text = ALBUM[:START] + releases + ALBUM[END:]
    report = ddexkit.validate(text.encode(), config=Config(select=codes))
    return list(report.files[0].issues)


def test_a_lone_release_without_a_product_type_is_the_main_release() -> None:
    issues = _issues(_not_main(RELEASE), "REF204", "ID101", "REF212")
    assert [i.code for i in issues] == ["REF212"]
    assert "Main release R0 has no ReleaseType" in issues[0].message


def test_a_lone_track_release_is_still_no_main_release() -> None:
    release = RELEASE.replace(' IsMainRelease="true"', "").replace(
        "<ReleaseType>Album</ReleaseType>", "<ReleaseType>TrackRelease</ReleaseType>")
    issues = _issues(release, "REF204", "ID101")
    assert [i.code for i in issues] == ["REF204"]
    assert "is a track release" in issues[0].message


def test_a_lone_main_release_without_icpn_is_reported() -> None:
    release = _not_main(RELEASE).replace(
        '<ICPN IsEan="false">123456789012</ICPN>',
        '<ProprietaryId Namespace="DPID:PADPIDA2014120301L">NL-0001</ProprietaryId>')
    issues = _issues(release, "REF204", "ID101")
    assert [(i.code, i.severity.value) for i in issues] == [("ID101", "error")]
    assert "Main release R0 has no ICPN" in issues[0].message


def test_without_a_main_release_each_candidate_is_judged() -> None:
    first = _not_main(RELEASE)
    second = first.replace("<ReleaseReference>R0</ReleaseReference>",
                           "<ReleaseReference>R1</ReleaseReference>").replace(
        '<ICPN IsEan="false">123456789012</ICPN>',
        '<ProprietaryId Namespace="DPID:PADPIDA2014120301L">NL-0002</ProprietaryId>')
    text = ALBUM[:START] + first + second + ALBUM[END:]
    issues = _issues(first + second, "REF204", "ID101")
    assert [(i.code, i.severity.value) for i in issues] == [("REF204", "error"),
                                                            ("ID101", "error")]
    id101 = issues[1]
    assert "R1" in id101.message and "candidate main release" in id101.message
    assert (id101.location.xpath or "").endswith("Release[2]/ReleaseId")
    assert id101.location.line == text[:text.index("NL-0002")].count("\n")


def test_without_a_main_release_the_deal_and_artist_rules_still_run() -> None:
    first = _not_main(RELEASE)
    second = first.replace("<ReleaseReference>R0</ReleaseReference>",
                           "<ReleaseReference>R1</ReleaseReference>").replace(
        "<ArtistRole>MainArtist</ArtistRole>", "<ArtistRole>FeaturedArtist</ArtistRole>")
    issues = _issues(first + second, "REF205", "ROL601")
    assert sorted(i.code for i in issues) == ["REF205", "ROL601"]
    assert all("R1" in i.message for i in issues)
