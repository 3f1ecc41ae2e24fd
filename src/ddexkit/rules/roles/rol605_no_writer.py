"""A sound recording names no writer.

Why it matters:
    The distributor's API asks for the writers of each track (composers, lyricists) for
    publishing and royalty reporting; a track without one is delivered without songwriter
    credits. A writer counts however the feed names them: an (Indirect)ResourceContributor
    with a DDEX writer role, or with role UserDefined whose UserDefinedValue is a writer word
    (Writer, Songwriter, Composer… in any case), or a DisplayArtist with role Composer.

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
from ddexkit.model import Contributor, Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage

# Roles that credit the writing of the work (DDEX values).
WRITER_ROLES = frozenset(
    {"Composer", "Lyricist", "ComposerLyricist", "Author", "Librettist", "NonLyricAuthor",
     "SubLyricist"}
)
# UserDefinedValues of a UserDefined role that name a writer, case-folded.
WRITER_WORDS = frozenset(
    {"composer", "lyricist", "writer", "songwriter", "author", "composerlyricist"}
)


def _is_writer_role(role: Text) -> bool:
    if role.stripped in WRITER_ROLES:
        return True
    if role.stripped != "UserDefined":
        return False
    return role.attrs.get("UserDefinedValue", "").strip().casefold() in WRITER_WORDS


def _is_writer(contributor: Contributor) -> bool:
    if contributor.kind == "DisplayArtist":
        return contributor.has_role("Composer")
    return any(_is_writer_role(role) for role in contributor.roles)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for recording in message.sound_recordings:
        credited = (
            c
            for details in recording.details
            for c in (*details.indirect_contributors, *details.contributors,
                      *details.display_artists)
        )
        if any(_is_writer(c) for c in credited):
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
