"""A title carries a featured artist instead of a DisplayArtist with role FeaturedArtist.

Why it matters:
    Stores build "Title (feat. X)" themselves from the DisplayArtists with ArtistRole
    FeaturedArtist and link X to the artist's page; a credit typed into the title is shown
    twice or not linked, and the distributor's naming guidelines ask to move it. A credit
    is "feat.", "ft.", "featuring" or "with" followed by a name in round or square brackets,
    or "feat."/"ft." after the title without brackets; "With or Without You" is a title,
    "(With You)" too (a pronoun is never an artist), and "50 Ft. Woman" is about feet. The
    title is reported even when X is already listed as FeaturedArtist, since the store
    would show the credit twice. The hint gives the title without the credit.

Bad:
    <TitleText>Harbour Walls (feat. Sam Okafor)</TitleText>

Good:
    <TitleText>Harbour Walls</TitleText>

Source:
    Distributor API (naming guidelines); DDEX AVS ArtistRole (FeaturedArtist); DDEX ERN
    3.8.2 TitleText, DisplayArtist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ddexkit.domain.joined import values_with_match
from ddexkit.domain.text import (
    contains_name,
    featured_credit,
    featured_names,
    without_featured_credit,
)
from ddexkit.issues import Finding, Severity
from ddexkit.model import Contributor, Message, Release, Resource, ResourceGroup, Text, Title
from ddexkit.rules.base import Rule, RuleContext, Stage


def _group_titles(groups: Iterable[ResourceGroup]) -> Iterator[Title]:
    for group in groups:
        yield from group.titles
        yield from _group_titles(group.groups)


def _titles(message: Message) -> Iterator[tuple[Text, Release | Resource | None]]:
    """Every TitleText the model knows, with the release or resource whose DisplayArtists
    stand beside it."""
    for release in message.releases:
        titles = [release.reference_title]
        for details in release.details:
            titles += [*details.titles, *_group_titles(details.resource_groups)]
        for title in titles:
            if title is not None and title.text is not None:
                yield title.text, release
    for resource in message.resources:
        titles = [resource.reference_title, *(t for d in resource.details for t in d.titles)]
        for title in titles:
            if title is not None and title.text is not None:
                yield title.text, resource


def _artists(owner: Release | Resource | None) -> tuple[Contributor, ...]:
    if owner is None:
        return ()
    return tuple(a for d in owner.details for a in d.display_artists)


def _finding(text: Text, artists: tuple[Contributor, ...]) -> Finding | None:
    credit = featured_credit(text.value)
    if credit is None:
        return None
    names = featured_names(credit)
    rest = without_featured_credit(text.value)
    credited = [
        a.name
        for a in artists
        if a.has_role("FeaturedArtist") and a.name and contains_name(names, a.name)
    ]
    if credited:
        hint = (
            f"Write the title as {rest!r}: {', '.join(credited)} is already a DisplayArtist "
            "with ArtistRole FeaturedArtist"
        )
    else:
        hint = (
            f"Write the title as {rest!r} and add {names} as DisplayArtist with ArtistRole "
            "FeaturedArtist"
        )
    return Finding(
        at=text.loc,
        message=f"TitleText {text.stripped!r} carries the featured-artist credit {credit!r}",
        hint=hint,
    )


# Every credit featured_credit finds holds "feat", "ft" or "with" in any case (IGNORECASE
# matches no other character for f or w): the titles without, nearly all, are passed over by
# one search over them all, which jumps from one f or w to the next.
_CREDIT_WORDS = re.compile(r"[fFwW](?:(?<=[fF])(?i:eat|t)|(?<=[wW])(?i:ith))")


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    # The index holds every TitleText of the file, the model's among them: one search over
    # them all finds the few with a credit word, and when there is none (nearly always) the
    # model is not walked at all.
    indexed = message.indexed("TitleText")
    matched = {id(indexed[at].element)
               for at in values_with_match(_CREDIT_WORDS, [text.value for text in indexed])}
    if not matched:
        return
    titles: list[tuple[Text, Release | Resource | None]] = list(_titles(message))
    seen = {id(text.element) for text, _ in titles}
    # titles elsewhere (works, collections…), after the model's own
    titles += [(text, None) for text in indexed if id(text.element) not in seen]
    for text, owner in titles:
        if id(text.element) in matched:
            found = _finding(text, _artists(owner))
            if found is not None:
                yield found


RULE = Rule(
    code="TXT304",
    severity=Severity.WARNING,
    summary="A title carries a featured artist instead of a FeaturedArtist DisplayArtist",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({"TitleText"}),
)
