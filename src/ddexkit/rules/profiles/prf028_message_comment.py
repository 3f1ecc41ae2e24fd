"""The MessageHeader carries a Comment.

Why it matters:
    A Comment is free text for people, which no recipient's ingest reads: whatever it says
    (a resend reason, a note to the store's editors) is lost, and a store that must act on
    it cannot. The profiles ask for none; what matters goes into the elements made for it
    (an UpdateIndicator for a resend, a MarketingComment for the editors). The profiles
    make it an Error (not a Fatal Error): a warning here.

Bad:
    <Comment>Resent after the cover was fixed</Comment> <!-- expect: PRF028 -->

Good:
    <MessageControlType>LiveMessage</MessageControlType>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(32):
    AudioAlbumMusicOnly rule 1122-1, AudioSingle rule 1049-1 (Error).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_COMMENT = "Comment"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for comment in message.indexed(_COMMENT):
        yield Finding(
            at=comment.loc,
            message="The message carries a Comment, which the profiles leave out",
            hint="Remove the <Comment>; put what a recipient must act on in the element made "
            "for it (UpdateIndicator, MarketingComment)",
        )


RULE = Rule(
    code="PRF028",
    severity=Severity.WARNING,
    summary="The MessageHeader carries a Comment",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({_COMMENT}),
    opt_in=True,
)
