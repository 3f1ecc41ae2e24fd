"""The main release has more than 99 tracks.

Why it matters:
    Stores number a release's tracks within 1–99, as a CD does, and hold back or split a
    release with more; a longer collection is delivered as volumes ("Vol. 1", "Vol. 2") or
    as discs, each a ResourceGroup of at most 99 tracks. The main release (or each
    candidate) is counted by its sound recordings, each once (``MAX_TRACKS``).

Bad:
    A main release whose ReleaseResourceReferenceList names 100 sound recordings.

Good:
    A main release of at most 99 tracks; a longer collection split into volumes, each a
    release of its own.

Source:
    Distributors' delivery limits for the stores (at most 99 tracks to a release, after the
    Red Book CD's track numbers); no section of the Apple, Spotify or YouTube guides states
    the number. DDEX ERN 3.8.2 ReleaseResourceReferenceList, ResourceGroup.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release

MAX_TRACKS = 99


def check_release(release: Release, message: Message,
                  context: RuleContext) -> Iterator[Finding]:
    count = len(context.tracks(release))
    if count <= MAX_TRACKS:
        return
    yield Finding(
        at=release.resource_reference_list_loc or release.loc,
        message=f"{context.main_release_name(release)} has {count} tracks, more than "
        f"the {MAX_TRACKS} a store takes",
        hint=f"Split it into volumes of at most {MAX_TRACKS} tracks (\"Vol. 1\", \"Vol. 2\"), "
        "each its own release with its own ICPN",
    )


RULE = Rule(
    code="REF213",
    severity=Severity.WARNING,
    summary="The main release has more than 99 tracks",
    stage=Stage.MESSAGE,
    check=each_main_release(check_release),
    doc=__doc__ or "",
    opt_in=True,
)
