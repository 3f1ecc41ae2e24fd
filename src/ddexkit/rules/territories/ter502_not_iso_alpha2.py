"""A territory code is valid in DDEX but not ISO 3166-1 alpha-2 as the distributor asks.

Why it matters:
    DDEX also allows CISAC TIS numeric codes (276 for Germany, 2136 for the world, groups
    such as 2120 Europe), withdrawn ISO 3166-3 codes (YU, AN, CS…) and a few codes of its
    own (XK, ES-CN). The distributor takes ISO 3166-1 alpha-2 codes and Worldwide only.
    Where one code means the same (2136, the whole world, is Worldwide), ``ddexkit fix``
    writes it (safe).

Bad:
    <TerritoryCode>2136</TerritoryCode>

Good:
    <TerritoryCode>Worldwide</TerritoryCode>

Source:
    ISO 3166-1 and ISO 3166-3; CISAC TIS; DDEX ERN 3.8.2 AllTerritoryCode; distributor API.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.territories import Territory, TerritoryKind, classify
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage

_WHAT = {
    TerritoryKind.TIS: "a CISAC TIS code",
    TerritoryKind.WITHDRAWN: "a withdrawn ISO 3166-3 code",
    TerritoryKind.DDEX_ONLY: "a DDEX code outside ISO 3166-1",
}


def _hint(territory: Territory) -> str:
    if territory.replacement is not None:
        return f"Write {territory.replacement}"
    if territory.kind is TerritoryKind.TIS and territory.name and "group" in territory.name:
        return "List the ISO 3166-1 alpha-2 codes of the group's territories instead"
    if territory.kind is TerritoryKind.WITHDRAWN:
        return "Use the ISO 3166-1 alpha-2 codes of the territories that exist today"
    return "Use an ISO 3166-1 alpha-2 code or Worldwide, if the distributor has one for it"


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for name in ("TerritoryCode", "ExcludedTerritoryCode"):
        for code in message.indexed(name):
            territory = classify(code.value)
            what = _WHAT.get(territory.kind)
            if what is None:
                continue
            named = f" ({territory.name})" if territory.name else ""
            yield Finding(
                at=code.loc,
                message=f"{name} {code.value}{named} is {what}, not ISO 3166-1 alpha-2",
                hint=_hint(territory),
                fix=None if territory.replacement is None else Fix(
                    replacement=territory.replacement, original=code.value,
                    description=f"write {territory.replacement}, the same territory"),
            )


RULE = Rule(
    code="TER502",
    severity=Severity.WARNING,
    summary="A territory code is valid in DDEX but not ISO 3166-1 alpha-2",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({"TerritoryCode", "ExcludedTerritoryCode"}),
)
