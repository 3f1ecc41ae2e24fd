"""A track release's ISRC differs from the ISRC of the sound recording it delivers.

Why it matters:
    A TrackRelease sells or streams one recording, and its ReleaseId/ISRC should be that
    recording's ISRC. When they differ, stores cannot tell which is right, and sales of the
    track may be reported against another recording.

Bad:
    <ReleaseId>
            <ISRC>GBAYE2400009</ISRC>

Good:
    <ReleaseId>
            <ISRC>GBAYE2400001</ISRC>

Source:
    DDEX ERN 3.8.2 Release Profiles (track releases); ISO 3901.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import isrc_key
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        if not release.is_track_release:
            continue
        recordings = [t.resource for t in context.tracks(release)
                      if t.isrc]
        if not recordings:
            continue  # nothing to compare with (no recording, or it has no ISRC: ID104)
        theirs = {isrc_key(t.value) for r in recordings for t in r.isrcs if t.stripped}
        for isrc in release.isrcs:
            if not isrc.stripped or isrc_key(isrc.value) in theirs:
                continue
            listed = ", ".join(f"{r.ref} has {r.isrc}" for r in recordings)
            yield Finding(
                at=isrc.loc,
                message=f"Track release {release.ref or '(no reference)'} has the ISRC "
                f"{isrc.stripped}, but the recording it delivers has another ({listed})",
                hint=f"Give the track release the ISRC of its recording: {recordings[0].isrc}"
                if len(recordings) == 1
                else "Give the track release the ISRC of the recording it sells",
            )


RULE = Rule(
    code="ID108",
    severity=Severity.WARNING,
    summary="A track release's ISRC differs from the ISRC of the sound recording it delivers",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
)
