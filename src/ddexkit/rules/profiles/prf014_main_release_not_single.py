"""The main release of an AudioSingle delivery is not of ReleaseType Single.

Why it matters:
    DDEX's AudioSingle profile delivers a Single: its main release has the ReleaseType
    Single. An EP or an album sent under the single profile is filed in the wrong place by
    stores that route by profile. Only the ddex-audio-single profile names this rule.

Bad:
    <ReleaseType>EP</ReleaseType> <!-- expect: PRF014 -->

Good:
    <ReleaseType>Single</ReleaseType>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.10(3):
    AudioSingle rules 1067-1 and 1068-1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Release
from ddexkit.rules.base import Rule, RuleContext, Stage, each_main_release
from ddexkit.rules.profiles._shape import not_of_type


def _check_release(release: Release, message: Message,
                   context: RuleContext) -> Iterator[Finding]:
    return not_of_type(release, context, expected="Single", profile="AudioSingle",
                       other="ddex-audio-album for an Album")


RULE = Rule(
    code="PRF014",
    severity=Severity.ERROR,
    summary="The main release of an audio single is not of ReleaseType Single",
    stage=Stage.MESSAGE,
    check=each_main_release(_check_release),
    doc=__doc__ or "",
    opt_in=True,
)
