"""A release territory names several labels but not exactly one DisplayLabelName.

Why it matters:
    A release may name several labels (the imprint, the distributing label); the profiles
    then mark exactly one with LabelNameType="DisplayLabelName", the one a store shows.
    Without that mark, or with two, each store picks its own label to show. The profiles
    make it an Error (not a Fatal Error): a warning here.

Bad:
    <LabelName>Lantern Field Records</LabelName> <!-- expect: PRF022 -->
        <LabelName>Hollow Oak Music</LabelName>

Good:
    <LabelName LabelNameType="DisplayLabelName">Lantern Field Records</LabelName>
        <LabelName>Hollow Oak Music</LabelName>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(6):
    AudioSingle rule 1019-1, AudioAlbumMusicOnly rule 1092-1 (Error).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_DISPLAY = "DisplayLabelName"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for release in message.releases:
        for details in release.details:
            labels = details.label_names
            if len(labels) < 2:
                continue
            marked = [n for n in labels if n.attrs.get("LabelNameType") == _DISPLAY]
            if len(marked) == 1:
                continue
            yield Finding(
                at=labels[0].loc,
                message=f"Release {release.ref or '(no reference)'} names {len(labels)} labels "
                f"and {len(marked) or 'none'} of them as {_DISPLAY}",
                hint=f'Mark the label stores show with <LabelName LabelNameType="{_DISPLAY}">, '
                "and only that one",
            )


RULE = Rule(
    code="PRF022",
    severity=Severity.WARNING,
    summary="A release territory names several labels but not exactly one DisplayLabelName",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    opt_in=True,
)
