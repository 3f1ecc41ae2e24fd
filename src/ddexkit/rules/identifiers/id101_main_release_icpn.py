"""The main release has no ICPN (UPC/EAN).

Why it matters:
    The distributor's ingest rejects a release without a UPC/EAN: stores list, sell and
    report the product by it. The ICPN goes in the main release's ReleaseId.

Bad:
    <ReleaseId><ProprietaryId Namespace="DPID:PADPIDA2014120301L">NL-R-0001</ProprietaryId></ReleaseId>

Good:
    <ReleaseId>
        <ICPN IsEan="false">123456789012</ICPN>
      </ReleaseId>

Source:
    Distributor API (missing UPC); DDEX ERN 3.8.2 ReleaseId/ICPN.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release
from ddexkit.xsd import MISSING


def _check_release(
    release: Release, message: Message, context: RuleContext
) -> Iterator[Finding]:
    if release.icpn is not None:
        return
    # An empty <ICPN/> is the place to fill in; else the ReleaseId; else the Release.
    at = release.icpns[0].loc if release.icpns else (release.id_loc or release.loc)
    yield Finding(
        at=at,
        message=f"{context.main_release_name(release)} has no ICPN (UPC/EAN) "
        "in ReleaseId",
        hint="Add <ICPN> with the 12-digit UPC or the 13-digit EAN of the product",
        missing=("ICPN", "ReleaseId"),
    )


RULE = Rule(
    code="ID101",
    severity=Severity.ERROR,
    summary="The main release has no ICPN (UPC/EAN)",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    explains_xsd=frozenset({MISSING}),
    doc=__doc__ or "",
    any_message_kind=True,
)
