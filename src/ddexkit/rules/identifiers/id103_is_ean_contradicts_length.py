"""IsEan contradicts the ICPN's length.

Why it matters:
    ``IsEan="true"`` says the ICPN is a 13-digit EAN, ``false`` a 12-digit UPC. When the flag
    and the length disagree, a receiver that trusts the flag misreads the code. The attribute
    is deprecated in ERN 3.8.2: the length already tells, so the simplest fix is to drop it.
    ``ddexkit fix`` writes the flag the length says instead (safe: the digits decide it).

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
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_DIGITS_MEANT = {True: 13, False: 12}  # what IsEan="true" / "false" says the ICPN has


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for icpn in message.indexed("ICPN"):
        flag = icpn.flag("IsEan")
        if flag is None:
            continue
        digits = icpn_digits(icpn.value)
        said = _DIGITS_MEANT[flag]
        if digits is None or said == digits:
            continue
        right = "true" if digits == 13 else "false"
        written = icpn.attrs["IsEan"]
        yield Finding(
            at=icpn.loc,
            message=f'ICPN {icpn.stripped} has {digits} digits but IsEan="{written}" says '
            f"it has {said}",
            hint=f'Remove the deprecated IsEan attribute, or write IsEan="{right}"',
            fix=Fix(replacement=right, original=written, attribute="IsEan",
                    description=f'write IsEan="{right}", as the {digits} digits say'),
        )


RULE = Rule(
    code="ID103",
    severity=Severity.WARNING,
    summary="IsEan contradicts the ICPN's length",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
    indexes=frozenset({"ICPN"}),
)
