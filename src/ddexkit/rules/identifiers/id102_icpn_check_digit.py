"""An ICPN is not 12 or 13 digits, or its GS1 check digit is wrong.

Why it matters:
    The ingest rejects a UPC/EAN that is not 12 digits (UPC-A) or 13 digits (EAN-13) ending
    in the right GS1 mod-10 check digit: a mistyped code would list the product under
    another product's barcode. The hint gives the code with the right check digit.

Bad:
    <ICPN IsEan="false">123456789013</ICPN>

Good:
    <ICPN IsEan="false">123456789012</ICPN>

Source:
    GS1 General Specifications (check digit calculation); distributor API (missing UPC);
    DDEX ERN 3.8.2 ReleaseId/ICPN.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.identifiers import Status, check_icpn
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    # An empty ICPN of the main release (or of a candidate, where REF204 finds none) is
    # "no ICPN" (ID101's), not a malformed one.
    main_icpns = {id(t.loc.element) for r in context.main_release_candidates for t in r.icpns}
    for icpn in message.indexed("ICPN"):
        if not icpn.stripped and id(icpn.loc.element) in main_icpns:
            continue
        verdict = check_icpn(icpn.value)
        if verdict.ok:
            continue
        if verdict.status is Status.CHECK:
            hint = f"Check the barcode; with the right check digit it reads {verdict.corrected}"
        elif verdict.corrected is not None and verdict.status is Status.SEPARATORS:
            hint = f"Write the digits only: {verdict.corrected}"
        elif verdict.corrected is not None:
            hint = f"Write {verdict.corrected} (the leading zero of the UPC was lost)"
        else:
            hint = "Use the product's 12-digit UPC-A or 13-digit EAN-13, digits only"
        yield Finding(
            at=icpn.loc,
            message=f"ICPN {icpn.stripped!r} {verdict.problem}" if icpn.stripped
            else "An ICPN element is empty",
            hint=hint,
        )


RULE = Rule(
    code="ID102",
    severity=Severity.ERROR,
    summary="An ICPN is not 12 or 13 digits, or its GS1 check digit is wrong",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
    any_message_kind=True,
    indexes=frozenset({"ICPN"}),
)
