"""A RightSharePercentage is outside 0–100 (or 0–1 where HasMaxValueOfOne="true").

Why it matters:
    A RightSharePercentage says which part of a musical work's right a rights controller
    holds; royalties are split by it. A share above 100 percent, or below nothing, cannot be
    paid out, and one written on the scale of 1 (HasMaxValueOfOne="true") but above 1 was
    meant on the scale of 100. The XSD takes any decimal; the profiles do not.

Bad:
          <RightSharePercentage>150</RightSharePercentage> <!-- expect: PRF026 -->

Good:
          <RightSharePercentage>50</RightSharePercentage>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clauses 4.3(22)
    and 4.3(36a): AudioAlbumMusicOnly rules 1105-1 and 1126-1, AudioSingle rules 1032-1
    and 1053-1 (Fatal Error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._shares import HUNDRED, PERCENTAGE, of_one, written


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for share in message.indexed(PERCENTAGE):
        value = written(share)
        if value is None:
            continue  # no decimal: ERN006's
        top = Decimal(1) if of_one(share) else HUNDRED
        if Decimal(0) <= value <= top:
            continue
        scale = 'HasMaxValueOfOne="true": 0–1' if of_one(share) else "0–100"
        yield Finding(
            at=share.loc,
            message=f"{PERCENTAGE} {share.stripped} is outside {scale}",
            hint="Write the share in percent, from 0 to 100 (or from 0 to 1 with "
            'HasMaxValueOfOne="true")',
        )


RULE = Rule(
    code="PRF026",
    severity=Severity.ERROR,
    summary='A RightSharePercentage is outside 0–100 (or 0–1 where HasMaxValueOfOne="true")',
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({PERCENTAGE}),
    opt_in=True,
)
