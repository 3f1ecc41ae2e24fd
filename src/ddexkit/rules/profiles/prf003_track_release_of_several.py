"""A TrackRelease names more than one resource.

Why it matters:
    In DDEX's audio Release Profiles a TrackRelease is one track sold on its own: its
    ReleaseResourceReferenceList names that one sound recording and nothing else (no cover,
    no second track). A TrackRelease of several resources is a product in disguise, and the
    store cannot tell which track it sells.

Bad:
    <ReleaseResourceReference ReleaseResourceType="SecondaryResource">A3</ReleaseResourceReference> <!-- expect: PRF003 -->

Good:
    <ReleaseResourceReferenceList>
        <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A1</ReleaseResourceReference>
      </ReleaseResourceReferenceList>
      <ReleaseType>TrackRelease</ReleaseType>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.1:
    AudioSingle rule 1064-1, AudioAlbumMusicOnly rule 1138-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        if not release.is_track_release:
            continue
        references = [r for r in release.resource_references if r.stripped]
        if len(references) < 2:
            continue
        first = references[0].stripped
        for extra in references[1:]:
            yield Finding(
                at=extra.loc,
                message=f"TrackRelease {release.ref or '(no reference)'} names "
                f"{extra.stripped} besides its track {first}",
                hint=f"Keep only {first} in this TrackRelease's ReleaseResourceReferenceList "
                "(the main release delivers the cover)",
            )


RULE = Rule(
    code="PRF003",
    severity=Severity.ERROR,
    summary="A TrackRelease names more than one resource",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
