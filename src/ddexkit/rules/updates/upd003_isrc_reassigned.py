"""The update gives a track's ISRC to another of the original's tracks.

Why it matters:
    When the ISRC delivered for one recording now names a track with the title of another
    (two ISRCs swapped, or tracks renamed in place), stores move plays and royalties to the
    wrong recording. (Bad: the original's GBAYE2400001 is "Northern Lights"; the update gives
    it to "Harbour Walls", which was GBAYE2400002.)

Bad:
    <ISRC>GBAYE2400001</ISRC>
      </SoundRecordingId>
      <IndirectSoundRecordingId>
        <ISWC>T0702371821</ISWC>

Good:
    <ISRC>GBAYE2400002</ISRC>
      </SoundRecordingId>
      <IndirectSoundRecordingId>
        <ISWC>T0702371821</ISWC>

Source:
    ISO 3901 (an ISRC names one recording); distributor API (PUT of a release).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import Part, UpdateFacts, in_original, shown
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    reassigned = facts.changes.reassigned
    for change in facts.changes.of(Part.TRACK, "title"):
        if change.key not in reassigned:
            continue
        yield Finding(
            at=change.update or facts.update.loc,
            message=f"Track {shown(change.new)} has ISRC {change.key}, which the original gave "
            f"to its track {shown(change.old)} ({in_original(change)})",
            hint="Give each recording back the ISRC it was delivered with",
        )


RULE = Rule(
    code="UPD003",
    severity=Severity.ERROR,
    summary="The update gives a track's ISRC to another track",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
