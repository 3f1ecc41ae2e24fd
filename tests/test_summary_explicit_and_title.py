"""The summary: ParentalWarningType ExplicitContentEdited (a clean edit) is not explicit, and a
title is the ReferenceTitle before any DisplayTitle."""

from __future__ import annotations

import pytest

import ddexkit
from ddexkit.config import Config
from ddexkit.summary import Summary
from tests.conftest import GOOD_ALBUM

ALBUM = GOOD_ALBUM.read_text("utf-8")
NOT_EXPLICIT = "<ParentalWarningType>NotExplicit</ParentalWarningType>"


def _summary(text: str) -> Summary:
    report = ddexkit.validate(text.encode("utf-8"), config=Config(select=("ROL601",)))
    summary = report.files[0].summary
    assert summary is not None
    return summary


@pytest.mark.parametrize(("warning", "explicit"), [
    ("ExplicitContentEdited", False), ("Explicit", True), ("NotExplicit", False),
    ("Unknown", None),
])
def test_explicit_content_edited_is_not_explicit(warning: str, explicit: bool | None) -> None:
    assert ALBUM.count(NOT_EXPLICIT) == 4  # three tracks, then the release
    text = ALBUM.replace(NOT_EXPLICIT, f"<ParentalWarningType>{warning}</ParentalWarningType>")
    summary = _summary(text)
    assert summary.explicit is explicit
    assert [t.explicit for t in summary.tracks] == [explicit] * 3
    assert summary.to_dict()["explicit"] is explicit


def test_the_reference_title_comes_before_the_display_title() -> None:
    display = '<Title TitleType="DisplayTitle">\n          <TitleText>{}</TitleText>'
    text = ALBUM
    for title in ("Harbour Lights", "Northern Lights"):
        assert text.count(display.format(title)) == 1
        text = text.replace(display.format(title), display.format(f"{title} (Deluxe)"))
    summary = _summary(text)
    assert summary.title == "Harbour Lights"
    assert [t.title for t in summary.tracks] == ["Northern Lights", "Harbour Walls",
                                                 "The Long Field"]


def test_the_display_title_stands_in_for_a_missing_reference_title() -> None:
    reference = ("<ReferenceTitle>\n        <TitleText>Harbour Lights</TitleText>\n"
                 "      </ReferenceTitle>")
    assert ALBUM.count(reference) == 1
    display = '<TitleText>Harbour Lights</TitleText>\n        </Title>'
    text = ALBUM.replace(reference, "").replace(
        display, display.replace("Harbour Lights", "Harbour Lights (Deluxe)"))
    assert _summary(text).title == "Harbour Lights (Deluxe)"
