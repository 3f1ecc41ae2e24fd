"""A primary sound recording of the main release has no IndirectSoundRecordingId.

Why it matters:
    The IndirectSoundRecordingId identifies the musical work a recording performs (its ISWC
    or a publisher's id). Collecting societies and the stores' publishing reports match the
    recording to its work through it; without it the songwriters' share waits for a manual
    claim. The profiles require it where the work's identifier is known (a conditional
    rule), so it is a warning here: each SoundRecording that the main release lists as a
    PrimaryResource should carry one.

Bad:
    <SoundRecordingId> <!-- expect: PRF023 -->
        <ISRC>QZHNC2400001</ISRC>
    </SoundRecordingId>
    <ResourceReference>A1</ResourceReference>

Good:
    <SoundRecordingId>
        <ISRC>QZHNC2400001</ISRC>
    </SoundRecordingId>
    <IndirectSoundRecordingId>
        <ISWC>T0702371810</ISWC>
    </IndirectSoundRecordingId>

Source:
    DDEX Release Profiles for Common Release Types 1.4 (ERN 3.8), Clause 3.3.1(6):
    AudioAlbumMusicOnly rule 1084-1 (Conditional Fatal Error); the AudioSingle profile has
    the same clause.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release
from ddexkit.rules.profiles._shape import primary_references

_WORK_ID = "IndirectSoundRecordingId"


def check_release(release: Release, message: Message,
                  context: RuleContext) -> Iterator[Finding]:
    # The recordings that carry one, by their element: one pass over the index.
    with_work_id = {id(text.element.getparent()) for text in message.indexed(_WORK_ID)}
    resources = context.resources_by_reference
    for reference in primary_references(release, resources):
        resource = resources.get(reference.stripped)
        if resource is None or resource.kind != "SoundRecording":
            continue  # an unresolved reference is REF201's
        if id(resource.element) in with_work_id:
            continue
        at = resource.id_loc or resource.loc
        yield Finding(
            at=at,
            message=f"SoundRecording {resource.ref or '(no reference)'}, a primary resource "
            f"of {context.main_release_name(release)}, has no {_WORK_ID}",
            hint=f"Add <{_WORK_ID}> with the musical work's ISWC (or the publisher's "
            "ProprietaryId) after the SoundRecordingId",
        )


RULE = Rule(
    code="PRF023",
    severity=Severity.WARNING,
    summary="A primary sound recording of the main release has no IndirectSoundRecordingId",
    stage=Stage.MESSAGE,
    check=each_main_release(check_release),
    doc=__doc__ or "",
    indexes=frozenset({_WORK_ID}),
    opt_in=True,
)
