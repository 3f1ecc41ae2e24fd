"""The same party appears twice with the same role in one list.

Why it matters:
    A doubled credit shows the artist twice on the store page and can double their share
    in credit-based reporting. It is usually a copy-paste slip in the feed. A party is known
    by its PartyId (an ISNI, a DPID, a proprietary id in its Namespace) where it has one, so
    two spellings of one name with the same id are one party, and two ids are two parties;
    without an id on both sides, the names (in any case and spacing) decide.

Bad:
    <FullName>Aurora Vale</FullName>
          </PartyName>
          <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <DisplayArtist SequenceNumber="2">

Good:
    <FullName>Aurora Vale</FullName>
          </PartyName>
          <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <ParentalWarningType>NotExplicit</ParentalWarningType>

Source:
    DDEX ERN 3.8.2 (DisplayArtist, ResourceContributor, IndirectResourceContributor).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Contributor, Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.roles._parties import repeats, roles_of


def _doubles(contributors: Iterable[Contributor]) -> Iterator[tuple[Contributor, str]]:
    """Contributors already listed with the same role, once per role they repeat."""
    for contributor, earlier in repeats(contributors):
        for role in sorted(roles_of(contributor) & earlier):
            yield contributor, role


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for contributors in message.contributor_lists():
        if len(contributors) < 2:
            continue  # one party cannot be listed twice (most lists, one per track)
        for contributor, role in _doubles(contributors):
            yield Finding(
                at=contributor.loc,
                message=f"{contributor.name or 'This party'} is listed twice as {role} in "
                f"one {contributor.kind} list",
                hint=f"Remove this <{contributor.kind}>: the party is already credited "
                f"as {role}",
            )


RULE = Rule(
    code="ROL606",
    severity=Severity.WARNING,
    summary="The same party appears twice with the same role in one list",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
