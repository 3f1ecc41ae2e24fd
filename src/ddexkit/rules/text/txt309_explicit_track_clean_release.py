"""A sound recording is Explicit while the main release that delivers it is NotExplicit.

Why it matters:
    Stores mark a release explicit when any of its tracks is; a NotExplicit album with an
    Explicit track is shown as clean in the shop and in filtered (parental-control)
    accounts, or has its flag overruled. The issue points at the main release's NotExplicit
    flag, once per flag, and names the Explicit recordings it delivers; usually the release
    should say Explicit, otherwise the track's flag is wrong.

Bad:
    <SubGenre>Indie Pop</SubGenre>
        </Genre>
        <ParentalWarningType>Explicit</ParentalWarningType>
        <TechnicalSoundRecordingDetails>
          <TechnicalResourceDetailsReference>T2</TechnicalResourceDetailsReference>

Good:
    <SubGenre>Indie Pop</SubGenre>
        </Genre>
        <ParentalWarningType>NotExplicit</ParentalWarningType>
        <TechnicalSoundRecordingDetails>
          <TechnicalResourceDetailsReference>T2</TechnicalResourceDetailsReference>

Source:
    DDEX AVS ParentalWarningType; DDEX ERN 3.8.2 ReleaseDetailsByTerritory and
    SoundRecordingDetailsByTerritory ParentalWarningType.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    explicit = [
        track.reference for track in context.tracks(release)
        if any(w.stripped == "Explicit" for d in track.resource.details
               for w in d.parental_warnings)
    ]
    if not explicit:
        return
    listed = ", ".join(explicit)
    for details in release.details:
        for warning in details.parental_warnings:
            if warning.stripped != "NotExplicit":
                continue
            yield Finding(
                at=warning.loc,
                message=f"{context.main_release_name(release)} is NotExplicit but "
                f"delivers the Explicit sound recording{'s' if len(explicit) > 1 else ''} "
                f"{listed}",
                hint="Write <ParentalWarningType>Explicit</ParentalWarningType> for the "
                "release, or correct the recordings' flags if they are not explicit",
            )


RULE = Rule(
    code="TXT309",
    severity=Severity.WARNING,
    summary="A sound recording is Explicit while the main release delivering it is NotExplicit",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
