"""The main release is identified by neither a GRid nor an ICPN.

Why it matters:
    The profiles identify the product by a GRid (the release identifier of the record
    industry) or an ICPN (its UPC/EAN barcode): with only a catalog number or a proprietary
    id, a recipient cannot match the release to anything outside the sender's own systems.
    Unlike the distributor's ID101, which asks for the ICPN, a GRid alone is enough here.

Bad:
      <ReleaseId> <!-- expect: PRF032 -->
        <ProprietaryId Namespace="DPID:PADPIDA2014120301L">LF-0007</ProprietaryId>
      </ReleaseId>

Good:
      <ReleaseId>
        <GRid>A12425GABC1234002M</GRid>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.4(4):
    AudioAlbumMusicOnly rule 1142-1, AudioSingle rule 1069-1 (Fatal Error).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release


def check_release(release: Release, message: Message,
                  context: RuleContext) -> Iterator[Finding]:
    if any(i.stripped for i in (*release.grids, *release.icpns)):
        return
    yield Finding(
        at=release.id_loc or release.loc,
        message=f"{context.main_release_name(release)} has neither a GRid nor an ICPN in "
        "its ReleaseId",
        hint="Add the product's <ICPN> (its UPC/EAN) or its <GRid> to the ReleaseId",
    )


RULE = Rule(
    code="PRF032",
    severity=Severity.ERROR,
    summary="The main release is identified by neither a GRid nor an ICPN",
    stage=Stage.MESSAGE,
    check=each_main_release(check_release),
    doc=__doc__ or "",
    opt_in=True,
)
