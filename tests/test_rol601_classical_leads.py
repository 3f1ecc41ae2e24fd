"""ROL601/ROL602: on a classical release (ReleaseType ClassicalAlbum or a classical release
profile) a Composer, Conductor, Orchestra, Ensemble or Soloist display artist leads it, as
MainArtist leads any other release; elsewhere those roles still do not count (rules.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.issues import Severity

CASES = Path(__file__).parent / "rules" / "cases"
# The main release's only DisplayArtist has role Artist (line 248 of the case).
RELEASE_BAD = (CASES / "ROL601" / "bad.xml").read_text(encoding="utf-8")
# The first recording's only DisplayArtist has role Artist (line 36 of the case).
RECORDING_BAD = (CASES / "ROL602" / "bad.xml").read_text(encoding="utf-8")
LEADS = ("Composer", "Conductor", "Orchestra", "Ensemble", "Soloist")
PROFILE = 'ReleaseProfileVersionId="CommonReleaseTypes/14/ClassicalAudioAlbum"'


def _issues(text: str, code: str) -> list[ddexkit.Issue]:
    report = ddexkit.validate(text.encode("utf-8"), config=Config(select=(code,)))
    return [i for i in report.files[0].issues if i.code == code]


def _release(role: str, *, release_type: str = "Album", profile: str = "") -> str:
    marked = "<ArtistRole>Artist</ArtistRole>\n        </DisplayArtist>\n        <ParentalWarning"
    assert RELEASE_BAD.count(marked) == 1
    text = RELEASE_BAD.replace(
        marked, marked.replace(">Artist<", f">{role}<")
    ).replace("<ReleaseType>Album</ReleaseType>", f"<ReleaseType>{release_type}</ReleaseType>")
    return text.replace('MessageSchemaVersionId="ern/382"',
                        f'MessageSchemaVersionId="ern/382" {profile}'.rstrip())


def _recording(role: str, *, release_type: str = "Album", profile: str = "") -> str:
    text = RECORDING_BAD.replace("<ArtistRole>Artist</ArtistRole>",
                                 f"<ArtistRole>{role}</ArtistRole>")
    text = text.replace("<ReleaseType>Album</ReleaseType>",
                        f"<ReleaseType>{release_type}</ReleaseType>")
    return text.replace('MessageSchemaVersionId="ern/382"',
                        f'MessageSchemaVersionId="ern/382" {profile}'.rstrip())


@pytest.mark.parametrize("role", LEADS)
def test_a_classical_album_is_led_by_its_classical_roles(role: str) -> None:
    assert _issues(_release(role, release_type="ClassicalAlbum"), "ROL601") == []


@pytest.mark.parametrize("role", LEADS)
def test_a_classical_release_profile_counts_too(role: str) -> None:
    assert _issues(_release(role, profile=PROFILE), "ROL601") == []


def test_a_non_classical_release_still_needs_a_main_artist() -> None:
    issues = _issues(_release("Composer"), "ROL601")
    assert [(i.code, i.location.line, i.severity) for i in issues] == [
        ("ROL601", 248, Severity.ERROR)]
    assert issues[0].message.endswith("has no DisplayArtist with ArtistRole MainArtist")


def test_a_classical_release_without_a_lead_says_which_roles_count() -> None:
    issues = _issues(_release("Artist", release_type="ClassicalAlbum"), "ROL601")
    assert [(i.code, i.location.line) for i in issues] == [("ROL601", 248)]
    assert "Composer, Conductor, Ensemble, Orchestra, Soloist" in issues[0].message


@pytest.mark.parametrize("role", LEADS)
def test_a_recording_of_a_classical_main_release_is_led_by_its_classical_roles(
    role: str,
) -> None:
    assert _issues(_recording(role, release_type="ClassicalAlbum"), "ROL602") == []
    assert _issues(_recording(role, profile=PROFILE), "ROL602") == []


def test_a_recording_of_a_non_classical_release_still_needs_a_main_artist() -> None:
    issues = _issues(_recording("Conductor"), "ROL602")
    assert [(i.code, i.location.line, i.severity) for i in issues] == [
        ("ROL602", 36, Severity.ERROR)]
    assert issues[0].message == ("Sound recording A1 has no DisplayArtist with ArtistRole "
                                 "MainArtist")


def test_a_recording_outside_the_classical_main_release_still_needs_a_main_artist() -> None:
    text = _recording("Soloist", release_type="ClassicalAlbum")
    listed = '<ReleaseResourceReference ReleaseResourceType="PrimaryResource">A1'
    item = f"<ResourceType>SoundRecording</ResourceType>\n            {listed}"
    assert text.count(listed) == 2 and text.count(item) == 1
    text = text.replace(f"{listed}</ReleaseResourceReference>\n", "", 1)
    text = text.replace(item, item.replace(">A1", ">A9"))
    issues = _issues(text, "ROL602")
    assert [(i.code, i.location.line) for i in issues] == [("ROL602", 36)]
