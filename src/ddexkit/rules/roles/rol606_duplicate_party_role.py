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


def _id_keys(contributor: Contributor) -> frozenset[str]:
    """The party's identifiers, each with the Namespace it is in (a proprietary id is only
    unique there), without spaces and in capitals (``0000 0001…`` is ``00000001…``)."""
    keys = set()
    for party_id in contributor.party_ids:
        value = "".join(party_id.stripped.split()).upper()
        if value:
            keys.add(f"{party_id.attrs.get('Namespace', '').strip()}|{value}")
    return frozenset(keys)


def _name_key(contributor: Contributor) -> str | None:
    return " ".join(contributor.name.casefold().split()) if contributor.name else None


def _doubles(contributors: Iterable[Contributor]) -> Iterator[tuple[Contributor, str]]:
    """Contributors already listed with the same role: the same party when they share an
    identifier, or, where one of the two has none, the same name (two different ids under
    one name are two parties)."""
    ids_seen: set[tuple[str, str]] = set()
    names_seen: set[tuple[str, str]] = set()  # every contributor's name
    names_without_ids: set[tuple[str, str]] = set()  # the names of those without an id
    for contributor in contributors:
        ids = _id_keys(contributor)
        name = _name_key(contributor)
        for role in sorted({r.stripped for r in contributor.roles if r.stripped}):
            by_name = name is not None and (name, role) in (
                names_without_ids if ids else names_seen)
            if by_name or any((key, role) in ids_seen for key in ids):
                yield contributor, role
            ids_seen.update((key, role) for key in ids)
            if name is not None:
                names_seen.add((name, role))
                if not ids:
                    names_without_ids.add((name, role))


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
