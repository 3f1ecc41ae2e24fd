"""The update offers a deal of the original in fewer territories.

Why it matters:
    An update replaces every earlier deal: a territory its deals no longer name (or newly
    exclude) is withdrawn there, in every store. Make sure it is meant. (Bad: the
    original offers the subscription deal Worldwide; the update only in GB and IE.)

Bad:
    <TerritoryCode>GB</TerritoryCode>
          <TerritoryCode>IE</TerritoryCode>

Good:
    <UseType>NonInteractiveStream</UseType>
          </Usage>
          <TerritoryCode>Worldwide</TerritoryCode>

Source:
    DDEX ERN 3.8.2 DealTerms (TerritoryCode, ExcludedTerritoryCode); distributor API.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.changes import Availability, UpdateFacts
from ddexkit.issues import Finding, Severity
from ddexkit.rules.base import Rule, RuleContext, Stage

_WORLDWIDE = "Worldwide"


def check(facts: UpdateFacts, context: RuleContext) -> Iterator[Finding]:
    # One finding per DealTerms of the update and what it lost, naming each use it covers.
    lost: dict[tuple[int, tuple[str, ...], tuple[str, ...]],
               tuple[Availability, Availability, list[str]]] = {}
    for old, new in facts.changes.availabilities:
        if old is None or new is None:
            continue
        worldwide = _WORLDWIDE in new.territories
        dropped = () if worldwide else tuple(sorted(old.territories - new.territories))
        excluded = tuple(sorted(new.excluded - old.excluded)) if worldwide else ()
        if dropped or excluded:
            key = (id(new.terms[0]), dropped, excluded)
            lost.setdefault(key, (old, new, []))[2].append(f"{new.model} / {new.use}")
    for (_, dropped, excluded), (old, new, uses) in lost.items():
        now = ", ".join(sorted(new.territories))
        parts = [f"no longer in {', '.join(dropped)} (now in {now})"] if dropped else []
        parts += [f"newly excluding {', '.join(excluded)}"] if excluded else []
        yield Finding(
            at=new.terms[0].loc,
            message=f"Release {new.release}: the deal for {', '.join(uses)} is "
            f"{' and '.join(parts)} (line {old.terms[0].loc.line} of the original)",
            hint="Name every territory of the original again, unless the release is to be "
            "withdrawn there",
        )


RULE = Rule(
    code="UPD014",
    severity=Severity.WARNING,
    summary="The update offers a deal of the original in fewer territories",
    stage=Stage.UPDATE,
    check=check,
    needs=frozenset({"original"}),
    doc=__doc__ or "",
)
