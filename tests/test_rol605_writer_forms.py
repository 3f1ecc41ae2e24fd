"""ROL605 counts a writer however the feed names them (rules.md): a UserDefined contributor
role whose UserDefinedValue is a writer word, in any case, or a DisplayArtist with role
Composer; other UserDefined values and other display roles still leave the track without one."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.issues import Severity

# Track A1's only IndirectResourceContributor is its MusicPublisher (line 36 of the case).
BAD = (Path(__file__).parent / "rules" / "cases" / "ROL605" / "bad.xml").read_text("utf-8")
PUBLISHER = "<IndirectResourceContributorRole>MusicPublisher</IndirectResourceContributorRole>"
PRODUCER = "<ResourceContributorRole>Producer</ResourceContributorRole>"
MAIN_ARTIST = "<ArtistRole>MainArtist</ArtistRole>\n        </DisplayArtist>\n        <Resource"
WORDS = ("Composer", "Lyricist", "Writer", "Songwriter", "Author", "ComposerLyricist",
         "writer", "SONGWRITER", " songWriter ")


def _issues(text: str) -> list[ddexkit.Issue]:
    assert text != BAD
    report = ddexkit.validate(text.encode("utf-8"), config=Config(select=("ROL605",)))
    return list(report.files[0].issues)


def _user_defined(element: str, value: str) -> str:
    return f'<{element} UserDefinedValue="{value}">UserDefined</{element}>'


@pytest.mark.parametrize("word", WORDS)
def test_a_user_defined_indirect_contributor_role_naming_a_writer_counts(word: str) -> None:
    assert BAD.count(PUBLISHER) == 1
    role = _user_defined("IndirectResourceContributorRole", word)
    assert _issues(BAD.replace(PUBLISHER, role)) == []


@pytest.mark.parametrize("word", ("Songwriter", "writer"))
def test_a_user_defined_resource_contributor_role_naming_a_writer_counts(word: str) -> None:
    text = BAD.replace(PRODUCER, _user_defined("ResourceContributorRole", word), 1)
    assert _issues(text) == []


def test_a_display_artist_with_role_composer_counts() -> None:
    assert BAD.count(MAIN_ARTIST) == 3
    text = BAD.replace(MAIN_ARTIST, MAIN_ARTIST.replace("MainArtist", "Composer"), 1)
    assert _issues(text) == []


@pytest.mark.parametrize("role", (
    _user_defined("IndirectResourceContributorRole", "Arranger"),
    _user_defined("IndirectResourceContributorRole", "Writerly"),
    "<IndirectResourceContributorRole>UserDefined</IndirectResourceContributorRole>",
))
def test_other_user_defined_values_are_not_writers(role: str) -> None:
    issues = _issues(BAD.replace(PUBLISHER, role))
    assert [(i.code, i.location.line, i.severity) for i in issues] == [
        ("ROL605", 36, Severity.WARNING)]
    assert issues[0].message == "Sound recording A1 names no writer"


def test_a_display_artist_with_another_role_is_not_a_writer() -> None:
    text = BAD.replace(MAIN_ARTIST, MAIN_ARTIST.replace("MainArtist", "Lyricist"), 1)
    issues = _issues(text)
    assert [(i.code, i.location.line) for i in issues] == [("ROL605", 36)]
