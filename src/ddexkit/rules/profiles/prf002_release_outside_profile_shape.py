"""A release is neither the main release nor the one TrackRelease of a primary resource.

Why it matters:
    A release that follows an audio Release Profile holds exactly one main release and one
    TrackRelease per primary resource of it, so the number of releases is the number of
    tracks plus one. A second product, a TrackRelease of a resource the main release does
    not name as primary, or two TrackReleases of one track leave the store guessing which
    release to sell; DDEX's conformance test rejects the message.

Bad:
    <ReleaseReference>R3</ReleaseReference> <!-- expect: PRF002 -->

Good:
    <ReleaseReference>R2</ReleaseReference>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.1:
    AudioSingle rules 1058-1 and 1063-1, AudioAlbumMusicOnly rules 1131-1 and 1137-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Location, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._shape import primary_references


def _where(release: Release) -> Location:
    return release.reference.loc if release.reference is not None else release.loc


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    main = context.main_release
    if main is None or len(context.main_release_candidates) != 1:
        return  # REF204 reports a message without one main release
    resources = context.resources_by_reference
    primaries = {r.stripped for r in primary_references(main, resources)}
    delivered_by: dict[str, Release] = {}
    main_ref = main.ref or "(no reference)"
    for release in message.releases:
        if release is main:
            continue
        name = f"Release {release.ref or '(no reference)'}"
        if not release.is_track_release:
            types = ", ".join(sorted(release.type_names)) or "no ReleaseType"
            yield Finding(
                at=_where(release),
                message=f"{name} ({types}) is neither the main release nor a TrackRelease",
                hint=f"Deliver one product per message: send {name} in a message of its own, "
                "or make it the TrackRelease of one track of the main release",
            )
            continue
        # PRF003 judges a TrackRelease of several resources: the first is its track here.
        for reference in [r.stripped for r in release.resource_references if r.stripped][:1]:
            if reference not in primaries:
                yield Finding(
                    at=_where(release),
                    message=f"TrackRelease {release.ref} delivers {reference}, which main "
                    f"release {main_ref} does not name as a PrimaryResource",
                    hint=f"Name {reference} as a PrimaryResource of main release {main_ref}, "
                    "or remove this TrackRelease",
                )
                continue
            first = delivered_by.setdefault(reference, release)
            if first is not release:
                yield Finding(
                    at=_where(release),
                    message=f"TrackRelease {release.ref} repeats TrackRelease {first.ref}: "
                    f"both deliver {reference}",
                    hint="Keep one TrackRelease per track and remove the other",
                )


RULE = Rule(
    code="PRF002",
    severity=Severity.ERROR,
    summary="A release is neither the main release nor the one TrackRelease of a primary resource",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
