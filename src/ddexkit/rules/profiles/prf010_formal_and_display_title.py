"""A release's first ReleaseDetailsByTerritory has no FormalTitle or no DisplayTitle.

Why it matters:
    The profiles give every release, the main release and each TrackRelease, both its
    FormalTitle (the title as the label registers it) and its DisplayTitle (as a store
    shows it) in the first ReleaseDetailsByTerritory, the one that holds worldwide or by
    default. Stores that follow the profiles read the title from there.

Bad:
    <ReleaseDetailsByTerritory> <!-- expect: PRF010 -->
        <TerritoryCode>Worldwide</TerritoryCode>
        <DisplayArtistName>Wren Halloway</DisplayArtistName>
        <LabelName>Lantern Field Records</LabelName>
        <Title TitleType="DisplayTitle">

Good:
    <Title TitleType="FormalTitle">
          <TitleText>Copper Kettle</TitleText>
        </Title>
        <Title TitleType="DisplayTitle">

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(4):
    AudioSingle rules 1015-1 and 1016-1, AudioAlbumMusicOnly rules 1088-1 and 1089-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_TYPES = ("FormalTitle", "DisplayTitle")


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        if not release.details:
            continue  # a release without details is the XSD's (ERN006)
        first = release.details[0]
        present = {t.title_type for t in first.titles if t.text is not None and t.text.stripped}
        missing = [kind for kind in _TYPES if kind not in present]
        if not missing:
            continue
        title = release.display_title or "the release's title"
        yield Finding(
            at=first.loc,
            message=f"Release {release.ref or '(no reference)'}: the first "
            f"ReleaseDetailsByTerritory has no {' and no '.join(missing)}",
            hint=" ".join(f'Add <Title TitleType="{kind}"><TitleText>{title}</TitleText></Title>.'
                          for kind in missing),
        )


RULE = Rule(
    code="PRF010",
    severity=Severity.ERROR,
    summary="A release's first ReleaseDetailsByTerritory has no FormalTitle or no DisplayTitle",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
