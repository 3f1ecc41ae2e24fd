"""IsEan contradicts the ICPN's length.

Why it matters:
    ``IsEan="true"`` says the ICPN is a 13-digit EAN, ``false`` a 12-digit UPC. When the flag
    and the length disagree, a receiver that trusts the flag misreads the code. The attribute
    is deprecated in ERN 3.8.2: the length already tells, so the simplest fix is to drop it.

Bad:
    <ICPN IsEan="true">123456789012</ICPN>

Good:
    <ICPN IsEan="false">123456789012</ICPN>

Source:
    DDEX ERN 3.8.2 ICPN/@IsEan (deprecated); GS1 UPC-A and EAN-13.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import icpn_digits
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_MEANS = {"true": 13, "1": 13, "false": 12, "0": 12}


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for icpn in message.indexed("ICPN"):
        flag = icpn.attrs.get("IsEan")
        if flag is None:
            continue
        digits = icpn_digits(icpn.value)
        said = _MEANS.get(flag.strip())
        if digits is None or said is None or said == digits:
            continue
        right = "true" if digits == 13 else "false"
        yield Finding(
            at=icpn.loc,
            message=f'ICPN {icpn.stripped} has {digits} digits but IsEan="{flag}" says it '
            f"has {said}",
            hint=f'Remove the deprecated IsEan attribute, or write IsEan="{right}"',
        )


RULE = Rule(
    code="ID103",
    severity=Severity.WARNING,
    summary="IsEan contradicts the ICPN's length",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
