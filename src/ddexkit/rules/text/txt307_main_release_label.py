"""The main release has no LabelName.

Why it matters:
    The distributor's release summary shows the label, and stores print it on the release
    page; without a LabelName the release goes out under no label. Each
    ReleaseDetailsByTerritory of the main release is what the stores of its territories
    read, so each one needs a LabelName with text (a blank one counts as missing). The hint
    offers the label its sound recordings name, where they agree on one.

Bad:
    <DisplayArtistName>Aurora Vale</DisplayArtistName>
        <Title TitleType="DisplayTitle">
          <TitleText>Harbour Lights</TitleText>

Good:
    <DisplayArtistName>Aurora Vale</DisplayArtistName>
        <LabelName>Northern Lights Records</LabelName>
        <Title TitleType="DisplayTitle">
          <TitleText>Harbour Lights</TitleText>

Source:
    Distributor API (summary shows the label); DDEX ERN 3.8.2
    ReleaseDetailsByTerritory/LabelName.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release


def _recordings_label(release: Release, context: RuleContext) -> str | None:
    """The one LabelName the main release's sound recordings give, if they agree."""
    labels = {
        label.stripped
        for track in context.tracks(release)
        for details in track.resource.details
        for label in details.label_names
        if label.stripped
    }
    return labels.pop() if len(labels) == 1 else None


def _hint(release: Release, context: RuleContext) -> str:
    """Worked out for a finding only: the tracks it reads are the rule's whole cost, and a
    release nearly always has its LabelName."""
    label = _recordings_label(release, context)
    if label:
        return (f"Add <LabelName>{label}</LabelName> (the label its sound recordings name) to "
                "ReleaseDetailsByTerritory")
    return "Add <LabelName> with the label's name to ReleaseDetailsByTerritory"


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    if not release.details:
        yield Finding(
            at=release.loc,
            message=f"{context.main_release_name(release)} has no ReleaseDetailsByTerritory, so no LabelName",
            hint=_hint(release, context),
        )
    for details in release.details:
        if any(label.stripped for label in details.label_names):
            continue
        territories = ", ".join(t.stripped for t in details.territories) or "no territory"
        yield Finding(
            at=details.loc,
            message=f"{context.main_release_name(release)} has no LabelName in ReleaseDetailsByTerritory "
            f"({territories})",
            hint=_hint(release, context),
        )


RULE = Rule(
    code="TXT307",
    severity=Severity.WARNING,
    summary="The main release has no LabelName",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
)
