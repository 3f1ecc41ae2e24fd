"""A primary sound recording has no ResourceReleaseDate or OriginalResourceReleaseDate.

Why it matters:
    The profiles date each track as well as each release: the ResourceReleaseDate (or the
    OriginalResourceReleaseDate of a recording released before) tells a store when the
    recording first came out, which it shows and which sets some royalty rates. The profiles
    ask for it where the sender knows it (a conditional error): a warning here.

Bad:
    <LabelName>Lantern Field Records</LabelName>
        <PLine>

Good:
    <LabelName>Lantern Field Records</LabelName>
        <ResourceReleaseDate>2024-05-17</ResourceReleaseDate>
        <PLine>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(10):
    AudioSingle rule 1025-1, AudioAlbumMusicOnly rule 1098-1 (Conditional Error).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Resource
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._shape import is_primary


def _dated(resource: Resource) -> bool:
    return any(date.stripped for details in resource.details
               for date in (*details.resource_release_dates, *details.original_release_dates))


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    resources = context.resources_by_reference
    judged: set[str] = set()
    for release in message.releases:
        for reference in release.iter_reference_texts():
            value = reference.stripped
            resource = resources.get(value)
            if (resource is None or resource.kind != "SoundRecording" or value in judged
                    or not is_primary(reference, resources)):
                continue
            judged.add(value)
            if _dated(resource):
                continue
            where = resource.details[0] if resource.details else resource
            yield Finding(
                at=where.loc,
                message=f"SoundRecording {value} has no ResourceReleaseDate or "
                "OriginalResourceReleaseDate",
                hint="Add <ResourceReleaseDate> (or <OriginalResourceReleaseDate> for a "
                "recording released before) to its SoundRecordingDetailsByTerritory, "
                "before the PLine",
            )


RULE = Rule(
    code="PRF020",
    severity=Severity.WARNING,
    summary="A primary sound recording has no ResourceReleaseDate or OriginalResourceReleaseDate",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
