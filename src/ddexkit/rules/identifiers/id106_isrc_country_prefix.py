"""An ISRC's country prefix is not a country or a prefix the ISRC agency issues.

Why it matters:
    An ISRC starts with the code of the country whose agency issued the registrant: an ISO
    3166-1 alpha-2 code, or one of the prefixes the International ISRC Agency issues beyond
    ISO (QM, QT, QZ for the US; UK, CP, DG, FX, ZZ). Any other prefix points at a typo or an
    invented code. The agency issues new prefixes from time to time: add them to
    ``isrc-extra-prefixes`` in the configuration.

Bad:
    <ISRC>XZAYE2400002</ISRC>

Good:
    <ISRC>GBAYE2400002</ISRC>

Source:
    ISO 3901; IFPI ISRC Handbook (country codes); ISO 3166-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import is_isrc_country, isrc_country
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    extra = context.options.isrc_extra_prefixes
    for isrc in message.indexed("ISRC"):
        prefix = isrc_country(isrc.value)  # None when malformed: that is ID105's
        if prefix is None or is_isrc_country(prefix, extra):
            continue
        yield Finding(
            at=isrc.loc,
            message=f"ISRC {isrc.stripped} starts with {prefix}, which is neither an ISO "
            "3166-1 country code nor a prefix the ISRC agency issues",
            hint="Check the ISRC with whoever issued it; if the agency issued this prefix, "
            f'add "{prefix}" to isrc-extra-prefixes in the ddexkit configuration',
        )


RULE = Rule(
    code="ID106",
    severity=Severity.WARNING,
    summary="An ISRC's country prefix is not a country or a prefix the ISRC agency issues",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    any_message_kind=True,
    indexes=frozenset({"ISRC"}),
)
