"""IsHiddenResource or IsBonusResource is set on the resource, not on its place in a release.

Why it matters:
    Whether a track is hidden or a bonus depends on the release: the same recording is a
    bonus track on the deluxe edition and a plain track on the single. ERN 3.8 deprecates
    the two flags on a SoundRecording (or Video, MIDI) and gives them to the
    ResourceGroupContentItem that places the resource in a release; the profiles forbid
    them on the resource.

Bad:
      <IsBonusResource>true</IsBonusResource> <!-- expect: PRF029 -->
      <LanguageOfPerformance>en</LanguageOfPerformance>

Good:
              <ReleaseResourceReference ReleaseResourceType="PrimaryResource">A2</ReleaseResourceReference>
              <IsBonusResource>true</IsBonusResource>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clauses 4.3(24),
    4.10(7g) and 4.10(7h): AudioAlbumMusicOnly rules 1107-1 and 1107-2, AudioSingle rules
    1034-1 and 1034-2 (Fatal Error).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._elements import local_name

_FLAGS = ("IsHiddenResource", "IsBonusResource")
_RESOURCES = frozenset({"SoundRecording", "Video", "MIDI"})


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for name in _FLAGS:
        for flag in message.indexed(name):
            kind = local_name(flag.element.getparent())
            if kind not in _RESOURCES:
                continue  # on a ResourceGroupContentItem: where it belongs
            yield Finding(
                at=flag.loc,
                message=f"{name} is set on a {kind}, where ERN 3.8 deprecates it",
                hint=f"Move <{name}> to the ResourceGroupContentItem that places the "
                f"{kind} in the release (after its ReleaseResourceReference)",
            )


RULE = Rule(
    code="PRF029",
    severity=Severity.ERROR,
    summary="IsHiddenResource or IsBonusResource is set on the resource, not on its place in "
    "a release",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset(_FLAGS),
    opt_in=True,
)
