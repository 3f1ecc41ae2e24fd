"""The same party appears twice with the same role in one list.

Why it matters:
    A doubled credit shows the artist twice on the store page and can double their share
    in credit-based reporting. It is usually a copy-paste slip in the feed.

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


def _lists(message: Message) -> Iterator[tuple[Contributor, ...]]:
    for release in message.releases:
        for details in release.details:
            yield details.display_artists
    for resource in message.resources:
        for resource_details in resource.details:
            yield resource_details.display_artists
            yield resource_details.contributors
            yield resource_details.indirect_contributors


def _identity(contributor: Contributor) -> str | None:
    """The party's identifier if it has one, else its name, case-folded."""
    ids = sorted(p.stripped for p in contributor.party_ids if p.stripped)
    if ids:
        return "id:" + ",".join(ids)
    return "name:" + " ".join(contributor.name.casefold().split()) if contributor.name else None


def _doubles(contributors: Iterable[Contributor]) -> Iterator[tuple[Contributor, str]]:
    seen: set[tuple[str, str]] = set()
    for contributor in contributors:
        identity = _identity(contributor)
        if identity is None:
            continue
        for role in {r.stripped for r in contributor.roles if r.stripped}:
            if (identity, role) in seen:
                yield contributor, role
            seen.add((identity, role))


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for contributors in _lists(message):
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
