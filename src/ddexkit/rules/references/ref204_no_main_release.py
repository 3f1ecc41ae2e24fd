"""No main release can be identified, or more than one release says it is the main one.

Why it matters:
    The ingest creates one product per message: the Release with IsMainRelease="true", or,
    where none says so, the one whose ReleaseType groups the tracks (Album, Single, EP…).
    Without one there is nothing to create; with two flagged, which one is the product is
    a guess. When several say IsMainRelease="true", ddexkit (like the other rules) takes
    the first as the main release and reports each other one. A message without a
    ReleaseList is ERN012's; a ReleaseList that holds no Release (which the XSD allows) is
    reported here, at the ReleaseList. A lone Release that is not a TrackRelease or
    VideoTrackRelease is the main release, by the catalog's definition (REF212 may say its
    type is missing); a lone track release is none, and the issue then points at it. When
    no main release can be identified, the main-release rules (ID101, REF205, REF208,
    TXT307, ROL601, DUR410…) still judge each release that could be it, so that a missing
    UPC or deal is not hidden behind this issue.

Bad:
    </Release>
    <Release IsMainRelease="true">

Good:
    </Release>
    <Release>
      <ReleaseId>
        <ISRC>GBAYE2400001</ISRC>

Source:
    DDEX ERN 3.8.2 Release/@IsMainRelease, ReleaseType; DDEX Release Profiles.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage

_SHOWN = 6


def _label(release: Release) -> str:
    types = ", ".join(sorted(release.type_names)) or "no ReleaseType"
    return f"{release.ref or '(no reference)'} ({types})"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    if message.release_list_loc is None:
        return  # ERN012 reports the missing ReleaseList
    releases = message.releases
    if not releases:
        yield Finding(
            at=message.release_list_loc,
            message="ReleaseList holds no Release, so there is no main release",
            hint='Add the product as a <Release IsMainRelease="true"> with ReleaseType '
            "Album, Single or EP",
        )
        return
    main = context.main_release
    if main is None and len(releases) == 1:
        (release,) = releases
        yield Finding(
            at=release.loc,
            message=f"Release {_label(release)} is not identifiable as the main release: it "
            'is a track release without IsMainRelease="true"',
            hint='Give it IsMainRelease="true" and the <ReleaseType> of the product '
            "(Album, Single, EP…)",
        )
        return
    if main is None:
        shown = ", ".join(_label(r) for r in releases[:_SHOWN])
        more = f", … ({len(releases)} in all)" if len(releases) > _SHOWN else ""
        yield Finding(
            at=message.release_list_loc,
            message='No main release: no Release says IsMainRelease="true" and none has a '
            "product ReleaseType (Album, Single, EP…)",
            hint=f'Mark the product release with IsMainRelease="true" and give it its '
            f"ReleaseType; the releases are {shown}{more}",
        )
        return
    if not main.says_main:
        return
    for release in releases:
        if release is main or not release.says_main:
            continue
        yield Finding(
            at=release.loc,
            message=f"Release {release.ref or '(no reference)'} also says "
            f'IsMainRelease="true" (so does {main.ref or "an earlier release"})',
            hint=f"Only the product may be the main release: remove IsMainRelease from "
            f"{_label(release)}, or from {_label(main)} if this one is the product",
        )


RULE = Rule(
    code="REF204",
    severity=Severity.ERROR,
    summary="No main release can be identified, or more than one release says it is",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
