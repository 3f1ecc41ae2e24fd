"""The update reorders the tracks of a release already out.

Why it matters:
    Once an album is out, its track numbers are in listeners' libraries, playlists and
    the stores' links; moving tracks renumbers them all. A release not yet out may still be
    reordered. (Bad: the original's tracks 2 and 3 trade places; it came out on 2024-05-17.)

Bad:
    <SequenceNumber>2</SequenceNumber>
            <ResourceType>SoundRecording</ResourceType>
            <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A3</ReleaseResourceReference>

Good:
    <SequenceNumber>2</SequenceNumber>
            <ResourceType>SoundRecording</ResourceType>
            <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A2</ReleaseResourceReference>

Source:
    Distributor API (PUT of a released album: track order is fixed after release).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import UpdateFacts, released_by, shown
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    if not released_by(facts.original, context.today):
        return
    both = [p for p in facts.changes.tracks if p.original is not None and p.update is not None
            and not facts.changes.is_reassigned(p.update)]
    by_original = sorted(both, key=lambda p: p.original.number if p.original else 0)
    places = {id(pair): rank for rank, pair in enumerate(by_original)}
    release = facts.update.main_release
    items = {item.resource_reference.stripped: item for item in release.iter_group_items()
             if item.resource_reference is not None} if release is not None else {}
    for rank, pair in enumerate(both):  # ``tracks`` lists the update's in its order
        if places[id(pair)] == rank or pair.original is None or pair.update is None:
            continue
        item = items.get(pair.update.reference)
        yield Finding(
            at=item.loc if item is not None else pair.update.resource.loc,
            message=f"Track {pair.update.isrc or pair.update.reference} "
            f"{shown(pair.update.title)} moved from number {pair.original.number} to "
            f"{pair.update.number}, after the release came out",
            hint="Keep the delivered track order; a new order is a new release (a new UPC)",
        )


RULE = Rule(
    code="UPD005",
    severity=Severity.ERROR,
    summary="The update reorders the tracks of a release already out",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
