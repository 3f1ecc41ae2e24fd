"""The RightShares of one musical work add up to more than 100 percent of one right.

Why it matters:
    A MusicalWork's RightShares split each of its rights among those who control it. However
    many shares a right is cut into, together they cannot exceed the whole: a total above
    100 percent cannot be paid out and is a typing slip in one of the shares. Less than 100
    is allowed (the rest may be held by parties this message does not name). The shares are
    added per RightsType as written (the mechanical and the performing right each make up
    their own 100 percent), on the scale of 100 (a share with HasMaxValueOfOne="true" counts
    a hundred times its value).

Bad:
          <RightSharePercentage>60</RightSharePercentage> <!-- expect: PRF027 -->

Good:
          <RightSharePercentage>40</RightSharePercentage>

Source:
    DDEX Release Profiles for Common Release Types 1.3 and 1.4 (ERN 3.8), Clause 4.3(22):
    AudioAlbumMusicOnly rule 1104-1, AudioSingle rule 1031-1 (Fatal Error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.rules.profiles._elements import local_name
from ddexkit.rules.profiles._shares import HUNDRED, PERCENTAGE, as_percent

_RIGHTS_TYPE = "RightsType"
_WORK_REFERENCE = "MusicalWorkReference"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    # The rights of each RightShare and the reference of each MusicalWork, keyed by the
    # element itself (one pass over each index): holding the element keeps lxml handing out
    # the same proxy for it, where an id() of a dropped proxy could be another element's.
    rights: dict[Any, list[str]] = {}
    for right in message.indexed(_RIGHTS_TYPE):
        rights.setdefault(right.element.getparent(), []).append(right.stripped)
    references = {r.element.getparent(): r.stripped for r in message.indexed(_WORK_REFERENCE)}
    totals: dict[tuple[Any, tuple[str, ...]], Decimal] = {}
    for share in message.indexed(PERCENTAGE):
        right_share = share.element.getparent()
        work = right_share.getparent() if right_share is not None else None
        if local_name(right_share) != "RightShare" or local_name(work) != "MusicalWork":
            continue  # a rights controller's own share of a RightShare, or of a recording
        percent = as_percent(share)
        if percent is None:
            continue  # no decimal: ERN006's
        key = (work, tuple(sorted(rights.get(right_share, []))))
        before = totals.get(key, Decimal(0))
        totals[key] = before + percent
        if before <= HUNDRED < totals[key]:  # the share that takes the right past the whole
            named = " and ".join(key[1]) or "its right"
            name = references.get(work) or "(no reference)"
            yield Finding(
                at=share.loc,
                message=f"The RightShares of MusicalWork {name} for {named} reach "
                f"{totals[key].normalize():f} percent here",
                hint="Correct the shares so that together they make at most 100 percent of "
                "the right",
            )


RULE = Rule(
    code="PRF027",
    severity=Severity.ERROR,
    summary="The RightShares of one musical work add up to more than 100 percent of one right",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({PERCENTAGE, _RIGHTS_TYPE, _WORK_REFERENCE}),
    opt_in=True,
)
