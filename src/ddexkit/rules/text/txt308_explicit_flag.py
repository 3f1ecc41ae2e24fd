"""The main release or a sound recording has no explicit flag, or an uninformative one.

Why it matters:
    The distributor's release summary shows whether a release and each track are explicit,
    and stores mark or filter explicit content from the ParentalWarningType. Each
    ReleaseDetailsByTerritory of the main release and each SoundRecordingDetailsByTerritory
    is read on its own, so each needs a ParentalWarningType that says something: Explicit,
    NotExplicit or ExplicitContentEdited. A missing one, or only Unknown or
    NoAdviceAvailable, leaves the store to guess. (A UserDefined or misspelt value is
    reported by ROL604 and the XSD.) For the main release the hint derives the flag from its
    tracks where it can.

Bad:
    <ParentalWarningType>Unknown</ParentalWarningType>

Good:
    <ParentalWarningType>NotExplicit</ParentalWarningType>

Source:
    Distributor API (summary shows the explicit flag); DDEX AVS ParentalWarningType; DDEX
    ERN 3.8.2 ParentalWarningType.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Location, Severity
from ddexkit.model import Message, Release, ReleaseDetails, Resource, ResourceDetails, Text
from ddexkit.rules.base import Rule, RuleContext, Stage

_NO_ADVICE = frozenset({"Unknown", "NoAdviceAvailable"})
_SAYS_NOTHING = _NO_ADVICE | {""}  # a blank value is as good as none
# What a flag is read from: a details block, or the release or recording that has none.
_Block = Release | ReleaseDetails | Resource | ResourceDetails
_HINT = (
    "Add <ParentalWarningType>Explicit</ParentalWarningType>, NotExplicit, or "
    "ExplicitContentEdited for a clean version"
)


def _fault(warnings: tuple[Text, ...], block: _Block) -> tuple[Location, str] | None:
    """Where the flag is lacking and what was found, or None when the block has a real one.

    Nearly every block has a real flag: it is passed at its first such value, with no list
    built and no Location worked out (those are only for the few blocks reported)."""
    for warning in warnings:
        if warning.value.strip() not in _SAYS_NOTHING:
            return None
    given = [w for w in warnings if w.stripped]
    if not given:
        return block.loc, "no ParentalWarningType"
    return given[0].loc, f"ParentalWarningType {given[0].stripped}"


def _release_hint(release: Release, context: RuleContext) -> str:
    """Explicit when a track is, NotExplicit when every track says it is not."""
    flags = [
        {w.stripped for d in track.resource.details for w in d.parental_warnings}
        for track in context.tracks(release)
    ]
    if any("Explicit" in f for f in flags):
        return "Add <ParentalWarningType>Explicit</ParentalWarningType>: a track is Explicit"
    if flags and all(f == {"NotExplicit"} for f in flags):
        return (
            "Add <ParentalWarningType>NotExplicit</ParentalWarningType>: every track is NotExplicit"
        )
    return _HINT


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in context.main_release_candidates:
        release_blocks: list[tuple[tuple[Text, ...], _Block]] = [
            (d.parental_warnings, d) for d in release.details]
        for warnings, block in release_blocks or [((), release)]:
            fault = _fault(warnings, block)
            if fault is not None:
                yield Finding(
                    at=fault[0],
                    message=f"{context.main_release_name(release)} has {fault[1]}: no explicit flag",
                    hint=_release_hint(release, context),
                )
    for recording in message.sound_recordings:
        blocks: list[tuple[tuple[Text, ...], _Block]] = [
            (d.parental_warnings, d) for d in recording.details]
        for warnings, block in blocks or [((), recording)]:
            fault = _fault(warnings, block)
            if fault is not None:
                yield Finding(
                    at=fault[0],
                    message=f"Sound recording {recording.ref or '(no reference)'} has "
                    f"{fault[1]}: no explicit flag",
                    hint=_HINT,
                )


RULE = Rule(
    code="TXT308",
    severity=Severity.WARNING,
    summary="The main release or a sound recording has no usable explicit flag",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
