"""A SoundRecording has no ReferenceTitle with a TitleText.

Why it matters:
    The profiles identify each sound recording by one ReferenceTitle, the title that holds
    in every territory; the Title elements of the territories may add a FormalTitle and a
    DisplayTitle but do not stand in for it. TXT301 reports a sound recording without any
    title; this rule asks for the ReferenceTitle itself.

Bad:
    <ReferenceTitle> <!-- expect: PRF009 -->
        <TitleText> </TitleText>
      </ReferenceTitle>

Good:
    <ReferenceTitle>
        <TitleText>Slow Tide</TitleText>
      </ReferenceTitle>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(4):
    AudioSingle rule 1014-1, AudioAlbumMusicOnly rule 1087-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for resource in message.sound_recordings:
        title = resource.reference_title
        if title is not None and title.text is not None and title.text.stripped:
            continue
        shown = resource.display_title
        yield Finding(
            at=title.loc if title is not None else resource.loc,
            message=f"SoundRecording {resource.ref or '(no reference)'} has no ReferenceTitle "
            "with a TitleText",
            hint=f"Write <ReferenceTitle><TitleText>{shown}</TitleText></ReferenceTitle>"
            if shown else "Give the SoundRecording a <ReferenceTitle> with its <TitleText>",
        )


RULE = Rule(
    code="PRF009",
    severity=Severity.ERROR,
    summary="A SoundRecording has no ReferenceTitle with a TitleText",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
