"""No release says IsMainRelease="true".

Why it matters:
    DDEX's Release Profiles name the main release only by its flag: exactly one Release
    carries IsMainRelease="true". ddexkit's distributor rules accept a message whose product
    can be told from its ReleaseType alone, but a profile conformance test does not, and
    stores that follow the profiles may take the wrong release for the product. Two flagged
    releases are REF204's.

Bad:
    <Release> <!-- expect: PRF004 -->
      <ReleaseId>
        <ICPN>5012345678900</ICPN>

Good:
    <Release IsMainRelease="true">
      <ReleaseId>
        <ICPN>5012345678900</ICPN>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 3.3.1(1):
    AudioSingle rule 1005-1, AudioAlbumMusicOnly rule 1078-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    main = context.main_release
    if main is None or any(r.says_main for r in message.releases):
        return  # no release that could be the main one: REF204's
    ref = main.ref or "(no reference)"
    yield Finding(
        at=main.loc,
        message=f'Release {ref} is the product but does not say IsMainRelease="true"',
        hint=f'Write <Release IsMainRelease="true"> for release {ref}',
    )


RULE = Rule(
    code="PRF004",
    severity=Severity.ERROR,
    summary='No release says IsMainRelease="true"',
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
