"""An ISNI is not 16 characters, or its Mod 11-2 check character is wrong.

Why it matters:
    The ISNI identifies an artist or writer across catalogues; a mistyped one credits
    someone else. It is 15 digits and an ISO/IEC 7064 Mod 11-2 check character (a digit or
    X). ERN 3.8.2 has no ISNI element of its own: it writes an ISNI as a PartyId with
    ``IsISNI="true"``, so those are checked, as is any ISNI element a message carries.

Bad:
    <PartyId IsISNI="true">0000000123456788</PartyId>

Good:
    <PartyId IsISNI="true">0000000123456789</PartyId>

Source:
    ISO 27729 (ISNI); ISO/IEC 7064 (Mod 11-2); DDEX ERN 3.8.2 PartyId/@IsISNI.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import Status, check_isni
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage


def _isnis(message: Message) -> Iterator[Text]:
    """ISNI elements, and PartyIds that say they are ISNIs, in document order."""
    marked = [
        p for p in message.indexed("PartyId")
        if p.flag("IsISNI")
        or p.attrs.get("Namespace", "").strip().upper() == "ISNI"
    ]
    found = [*message.indexed("ISNI"), *marked]
    yield from sorted(found, key=lambda t: t.loc.line or 0)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for isni in _isnis(message):
        verdict = check_isni(isni.value)
        if verdict.ok:
            continue
        if verdict.status is Status.CHECK:
            hint = f"Check the ISNI; with the right check character it reads {verdict.corrected}"
        elif verdict.corrected is not None:
            hint = f"Write the 16 characters without spaces: {verdict.corrected}"
        else:
            hint = "Write the 16-character ISNI from isni.org, without spaces"
        yield Finding(at=isni.loc, message=f"ISNI {isni.stripped!r} {verdict.problem}" if isni.stripped
                      else "An ISNI is empty",
                      hint=hint)


RULE = Rule(
    code="ID111",
    severity=Severity.ERROR,
    summary="An ISNI is not 16 characters, or its Mod 11-2 check character is wrong",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
    indexes=frozenset({"PartyId", "ISNI"}),
)
