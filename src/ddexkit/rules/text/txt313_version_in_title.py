"""A title carries version information ("Live", "Remix", "Acoustic") instead of a SubTitle.

Why it matters:
    Stores keep a recording's version apart from its title: ERN's SubTitle is the version
    field they read, and they add it to the title themselves in their own brackets. Version
    words typed into the TitleText are shown twice once a SubTitle says them too, break the
    grouping of a song's versions, and the stores' style guides ask to move them. A closing
    qualifier (brackets at the end, or what follows the last " - ") counts when it holds a
    version word: remix, mix, live, acoustic, remaster(ed), edit, instrumental, demo,
    unplugged, version, extended, a cappella, karaoke, re-recorded, mono, stereo, dub,
    slowed, sped up. "Live and Let Die" is a title; a featured credit is TXT304's,
    an explicit label TXT312's and "Album Version" (a standard version needs none) TXT311's.

Bad:
    <TitleText>Harbour Walls (Acoustic)</TitleText>

Good:
    <TitleText>Harbour Walls</TitleText>
          <SubTitle>Acoustic</SubTitle>

Source:
    Apple Music Style Guide, 3. Titles, Version Information (3.5 and 3.6: versions given in
    the title version field); Spotify Metadata Style Guide, 8. Track Titles and Versions
    and 12. Mixes and Remixes; DDEX ERN 3.8.2 Title (TitleText, SubTitle).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.storestyle import Qualifier, qualifiers_of_kind, without_qualifiers
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for text in message.indexed("TitleText"):
        title = text.stripped
        versions = qualifiers_of_kind(title, Qualifier.VERSION)
        if not versions:
            continue
        version = " ".join(f"[{v}]" if i else v for i, v in enumerate(versions))
        yield Finding(
            at=text.loc,
            message=f"TitleText {title!r} carries the version information "
            f"{', '.join(repr(v) for v in versions)}",
            hint=f"Write <TitleText>{without_qualifiers(title, versions)}</TitleText> and "
            f"<SubTitle>{version}</SubTitle> in the same Title",
        )


RULE = Rule(
    code="TXT313",
    severity=Severity.WARNING,
    summary="A title carries version information instead of a SubTitle",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({"TitleText"}),
    opt_in=True,
)
