"""The main release is not a product: its ReleaseType is a track type, or it has none.

Why it matters:
    The main release is what the ingest creates as the product (album, single, EP). A main
    release whose ReleaseType is TrackRelease or VideoTrackRelease, or that has no
    ReleaseType at all, is usually a message whose IsMainRelease="true" sits on the wrong
    release, or a product whose type was left out; stores would list it as a lone track or
    guess its type. ReleaseTypes are read from the Release and from its
    ReleaseDetailsByTerritory.

Bad:
    <ReleaseType>TrackRelease</ReleaseType>

Good:
    <ReleaseType>Album</ReleaseType>

Source:
    DDEX ERN 3.8.2 Release/ReleaseType (allowed-value set ReleaseType); DDEX Release
    Profiles.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import TRACK_RELEASE_TYPES, Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_FIX = "Album, Single or EP (the product's type)"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    release = context.main_release
    if release is None:
        return
    label = release.ref or "(no reference)"
    others = [r for r in message.releases if r is not release and r.is_product]
    move = (
        f', or move IsMainRelease="true" to the product {others[0].ref or "release"}'
        if others
        else ""
    )
    names = release.type_names - {""}
    if not names:
        yield Finding(
            at=release.loc,
            message=f"Main release {label} has no ReleaseType",
            hint=f"Add <ReleaseType> after the ReleaseResourceReferenceList: {_FIX}{move}",
        )
        return
    if not names <= TRACK_RELEASE_TYPES:
        return
    types = [t for t in release.release_types if t.stripped]
    types += [t for d in release.details for t in d.release_types if t.stripped]
    yield Finding(
        at=types[0].loc if types else release.loc,
        message=f"Main release {label} has ReleaseType {types[0].stripped if types else '?'}"
        ", which is not a product",
        hint=f"Give the main release the ReleaseType of the product, {_FIX}{move}",
    )


RULE = Rule(
    code="REF212",
    severity=Severity.WARNING,
    summary="The main release is not a product: a track ReleaseType, or none",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
