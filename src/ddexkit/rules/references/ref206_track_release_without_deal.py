"""A track release has no deal.

Why it matters:
    A TrackRelease or VideoTrackRelease that no ReleaseDeal names cannot be sold or
    streamed on its own: only the album is available. That may be intended (album-only
    tracks), so this is a warning. The issue points at the DealList, where the ReleaseDeal
    belongs, and names the release. A message without a DealList is REF205's to report
    once, not once per track; a track release that is itself the main release is REF205's
    too.

Bad:
    <ReleaseDeal>
      <DealReleaseReference>R0</DealReleaseReference>
      <Deal>

Good:
    <ReleaseDeal>
      <DealReleaseReference>R0</DealReleaseReference>
      <DealReleaseReference>R1</DealReleaseReference>
      <Deal>

Source:
    DDEX ERN 3.8.2 ReleaseType (TrackRelease), DealList/ReleaseDeal; DDEX Release Profiles.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    if message.deal_list_loc is None:
        return
    main = context.main_release
    deals = context.deals_by_release_reference
    for release in message.releases:
        if release is main or not release.is_track_release or not release.ref:
            continue
        if release.ref in deals:
            continue
        kind = "/".join(sorted(release.type_names))
        yield Finding(
            at=message.deal_list_loc,
            message=f"{kind} {release.ref} has no deal: no ReleaseDeal names it",
            hint=f"Add <DealReleaseReference>{release.ref}</DealReleaseReference> to the "
            "ReleaseDeal of the tracks, or a ReleaseDeal of its own, if it is to be sold "
            "on its own",
        )


RULE = Rule(
    code="REF206",
    severity=Severity.WARNING,
    summary="A track release has no deal",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
