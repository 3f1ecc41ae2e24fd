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
    value = role.stripped
    if value in WRITER_ROLES:
        return True
    if value != "UserDefined":
        return False
    return role.attrs.get("UserDefinedValue", "").strip().casefold() in WRITER_WORDS


def _names_writer(contributors: tuple[Contributor, ...]) -> bool:
    """Whether one of them is a writer. Loops, not any() over generators: every recording's
    credits are read, and its first IndirectResourceContributor is nearly always the one."""
    for contributor in contributors:
        if contributor.kind == "DisplayArtist":
            if contributor.has_role("Composer"):
                return True
            continue
        for role in contributor.roles:
            if _is_writer_role(role):
                return True
    return False


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for recording in message.sound_recordings:
        if any(_names_writer(details.indirect_contributors)
               or _names_writer(details.contributors)
               or _names_writer(details.display_artists) for details in recording.details):
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
