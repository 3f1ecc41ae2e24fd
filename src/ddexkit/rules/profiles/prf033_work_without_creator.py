"""A MusicalWork names no creator (composer, lyricist, arranger, author…).

Why it matters:
    A musical work in the WorkList is there so that its writers are credited and paid: a
    work whose contributors are only its publishers, or none, tells a collecting society
    and a store nothing of who wrote it. The profiles ask for at least one contributor in
    a creative role: Adapter, Arranger, AssociatedPerformer, Author, Composer,
    ComposerLyricist, Librettist, Lyricist, NonLyricAuthor, SubArranger or Translator. The
    profiles make it a Conditional Error (where the sender knows them): a warning here.

Bad:
        <MusicalWorkContributorRole>MusicPublisher</MusicalWorkContributorRole>

Good:
        <MusicalWorkContributorRole>ComposerLyricist</MusicalWorkContributorRole>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(12a):
    AudioAlbumMusicOnly rule 1099-1, AudioSingle rule 1026-1 (Conditional Error).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_WORK = "MusicalWork"
_ROLE = "MusicalWorkContributorRole"
_REFERENCE = "MusicalWorkReference"
CREATIVE_ROLES = frozenset({
    "Adapter", "Arranger", "AssociatedPerformer", "Author", "Composer", "ComposerLyricist",
    "Librettist", "Lyricist", "NonLyricAuthor", "SubArranger", "Translator",
})


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    # The works with a creator, by their element (held, so lxml keeps handing out the same
    # proxy for each): a role's element is in a MusicalWorkContributor of its work.
    created = set()
    for role in message.indexed(_ROLE):
        if role.stripped in CREATIVE_ROLES:
            contributor = role.element.getparent()
            if contributor is not None:
                created.add(contributor.getparent())
    references = {r.element.getparent(): r.stripped for r in message.indexed(_REFERENCE)}
    for work in message.indexed(_WORK):
        if work.element in created:
            continue
        yield Finding(
            at=work.loc,
            message=f"MusicalWork {references.get(work.element) or '(no reference)'} names "
            "no creator: no contributor is its composer, lyricist, arranger or author",
            hint="Add a <MusicalWorkContributor> with its writer and a creative "
            "<MusicalWorkContributorRole> (Composer, Lyricist, ComposerLyricist…)",
        )


RULE = Rule(
    code="PRF033",
    severity=Severity.WARNING,
    summary="A MusicalWork names no creator (composer, lyricist, arranger, author…)",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({_WORK, _ROLE, _REFERENCE}),
    opt_in=True,
)
