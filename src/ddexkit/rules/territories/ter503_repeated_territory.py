"""A territory is listed twice in one list, or Worldwide is listed beside specific codes.

Why it matters:
    A repeated code or Worldwide next to countries says the same thing twice; it is
    usually a merge slip that hides what the sender meant (Worldwide with exceptions is
    written with ExcludedTerritoryCode).

Bad:
    <TerritoryCode>GB</TerritoryCode>
    <TerritoryCode>Worldwide</TerritoryCode>

Good:
    <TerritoryCode>Worldwide</TerritoryCode>
    <ValidityPeriod>

Source:
    DDEX ERN 3.8.2 (TerritoryCode, ExcludedTerritoryCode).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ddexkit.domain.territories import is_world, territory_key
from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Text
from ddexkit.rules.base import Rule, RuleContext, Stage


def _list_findings(codes: Sequence[Text], name: str, where: str) -> Iterator[Finding]:
    seen: dict[str, Text] = {}
    for code in codes:
        key = territory_key(code.value)
        if key in seen:
            yield Finding(
                at=code.loc,
                message=f"{name} {code.stripped} is listed twice in one {where}",
                hint=f"Remove the repeated {name}",
            )
        else:
            seen[key] = code
    if name != "TerritoryCode":
        return
    worlds = [code for code in codes if is_world(code.value)]
    specific = [code.stripped for code in codes if not is_world(code.value)]
    if worlds and specific:
        yield Finding(
            at=worlds[0].loc,
            message=f"{worlds[0].stripped} is listed beside specific territories "
            f"({', '.join(specific)}) in one {where}",
            hint="Keep Worldwide alone (exceptions go in ExcludedTerritoryCode), "
            "or list only the specific territories",
        )


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    places: list[tuple[tuple[Text, ...], tuple[Text, ...], str]] = []
    for resource in message.resources:
        places += [
            (d.territories, d.excluded_territories, f"{resource.kind}DetailsByTerritory")
            for d in resource.details
        ]
    for release in message.releases:
        places += [
            (d.territories, d.excluded_territories, "ReleaseDetailsByTerritory")
            for d in release.details
        ]
    for _release_deal, _deal, terms in message.iter_deal_terms():
        places.append((terms.territories, terms.excluded_territories, "DealTerms"))
    for included, excluded, where in places:
        yield from _list_findings(included, "TerritoryCode", where)
        yield from _list_findings(excluded, "ExcludedTerritoryCode", where)


RULE = Rule(
    code="TER503",
    severity=Severity.WARNING,
    summary="A territory is listed twice in one list, or Worldwide beside specific codes",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
)
