"""A release or sound recording has no title.

Why it matters:
    The distributor's API rejects a release or track without a title: there is nothing to
    show in the store. A title counts when ReferenceTitle/TitleText or any Title/TitleText
    has text; an element that is there but empty or blank counts as missing. For a track
    release the hint offers the title of the recording it delivers.

Bad:
    <ReferenceTitle>
        <TitleText> </TitleText>

Good:
    <ReferenceTitle>
        <TitleText>The Long Field</TitleText>

Source:
    Distributor API (title required); DDEX ERN 3.8.2 ReferenceTitle, Title.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Location, Severity
from ddexkit.model import Message, Release, Resource, Title
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import MISSING


def _has_text(title: Title | None) -> bool:
    return title is not None and title.text is not None and bool(title.text.stripped)


def _titled(reference: Title | None, titles: list[Title]) -> bool:
    return _has_text(reference) or any(_has_text(t) for t in titles)


# What its findings say is missing: an ERN006 expecting one of them there is the same fault.
_TITLE_ELEMENTS = ("ReferenceTitle", "TitleText", "Title")


def _where(owner: Release | Resource, titles: list[Title]) -> Location:
    """The empty ReferenceTitle/TitleText, else the ReferenceTitle, else an empty Title."""
    reference = owner.reference_title
    if reference is not None:
        return reference.text.loc if reference.text is not None else reference.loc
    for title in titles:
        return title.text.loc if title.text is not None else title.loc
    return owner.loc


def _recording_title(release: Release, context: RuleContext) -> str | None:
    """The title of the one recording a track release delivers, to offer in the hint."""
    if not release.is_track_release:
        return None
    tracks = context.tracks(release)
    return tracks[0].title if len(tracks) == 1 else None


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        titles = [t for d in release.details for t in d.titles]
        if _titled(release.reference_title, titles):
            continue
        offered = _recording_title(release, context)
        yield Finding(
            at=_where(release, titles),
            message=f"Release {release.ref or '(no reference)'} has no title: "
            "ReferenceTitle/TitleText and every Title/TitleText are missing or empty",
            missing=_TITLE_ELEMENTS,
            hint=f"Write <ReferenceTitle><TitleText>{offered}</TitleText></ReferenceTitle>, "
            "the title of the recording it delivers"
            if offered
            else "Write the release's title in <ReferenceTitle><TitleText>",
        )
    for recording in message.sound_recordings:
        titles = [t for d in recording.details for t in d.titles]
        if _titled(recording.reference_title, titles):
            continue
        yield Finding(
            at=_where(recording, titles),
            message=f"Sound recording {recording.ref or '(no reference)'} has no title: "
            "ReferenceTitle/TitleText and every Title/TitleText are missing or empty",
            missing=_TITLE_ELEMENTS,
            hint="Write the track's title in <ReferenceTitle><TitleText> (and in "
            "Title/TitleText of SoundRecordingDetailsByTerritory)",
        )


RULE = Rule(
    code="TXT301",
    severity=Severity.ERROR,
    summary="A release or sound recording has an empty or missing title",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({MISSING}),
    doc=__doc__ or "",
)
