"""A sound recording names no writer.

Why it matters:
    The distributor's API asks for the writers of each track (composers, lyricists) for
    publishing and royalty reporting; a track without one is delivered without songwriter
    credits.

Bad:
    <IndirectResourceContributor SequenceNumber="1">
          <PartyName>
            <FullName>Aurora Vale</FullName>
          </PartyName>
          <IndirectResourceContributorRole>MusicPublisher</IndirectResourceContributorRole>
        </IndirectResourceContributor>

Good:
    <IndirectResourceContributor SequenceNumber="1">
          <PartyName>
            <FullName>Aurora Vale</FullName>
          </PartyName>
          <IndirectResourceContributorRole>ComposerLyricist</IndirectResourceContributorRole>
        </IndirectResourceContributor>

Source:
    Distributor API (Writer); DDEX AVS MusicalWorkContributorRole.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

# Roles that credit the writing of the work (DDEX values).
WRITER_ROLES = frozenset(
    {"Composer", "Lyricist", "ComposerLyricist", "Author", "Librettist", "NonLyricAuthor",
     "SubLyricist"}
)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for recording in message.sound_recordings:
        credited = (
            c
            for details in recording.details
            for c in (*details.indirect_contributors, *details.contributors)
        )
        if any(role.stripped in WRITER_ROLES for c in credited for role in c.roles):
            continue
        yield Finding(
            at=recording.details[0].loc if recording.details else recording.loc,
            message=f"Sound recording {recording.ref or '(no reference)'} names no writer",
            hint="Add an <IndirectResourceContributor> with the writer's name and "
            "<IndirectResourceContributorRole>ComposerLyricist</IndirectResourceContributorRole>"
            " (or Composer, Lyricist)",
        )


RULE = Rule(
    code="ROL605",
    severity=Severity.WARNING,
    summary="A sound recording names no writer",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
