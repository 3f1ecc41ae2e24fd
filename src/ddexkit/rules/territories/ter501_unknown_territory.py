"""A TerritoryCode or ExcludedTerritoryCode is not a territory code.

Why it matters:
    The ingest rejects invalid territories: a code must be ISO 3166-1 alpha-2 (upper case)
    or ``Worldwide``. ``UK`` (GB), ``EU``, ``us`` or ``USA`` are not territory codes in
    DDEX. The hint names the code that was most likely meant, and ``ddexkit fix`` writes it:
    safe when it names the same one country (``UK`` is GB, ``USA`` US, ``036`` AU), unsafe
    when a word becomes Worldwide (``ROW``, the rest of the world, may mean fewer
    territories). This issue replaces the XSD's ERN006 for the same element.

Bad:
    <TerritoryCode>UK</TerritoryCode>

Good:
    <TerritoryCode>GB</TerritoryCode>

Source:
    ISO 3166-1; DDEX ERN 3.8.2 allowed-value set AllTerritoryCode; distributor API
    (invalid territories).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddexkit.domain.territories import WORLDWIDE, TerritoryKind, classify, suggest
from ddexkit.issues import Finding, Fix, Severity
from ddexkit.model import Message
from ddexkit.rules.base import Rule, RuleContext, Stage
from ddexkit.xsd import VALUE

_EU_HINT = (
    "EU is not a territory code: list the member states' ISO codes (AT, BE, … SE), "
    "or use Worldwide with ExcludedTerritoryCode"
)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    for name in ("TerritoryCode", "ExcludedTerritoryCode"):
        for code in message.indexed(name):
            if classify(code.value).kind is not TerritoryKind.UNKNOWN:
                continue
            meant = suggest(code.value)
            if meant is not None:
                hint = f"Write {meant}"
            elif code.stripped.upper() == "EU":
                hint = _EU_HINT
            else:
                hint = "Use an ISO 3166-1 alpha-2 code in upper case (GB, US, DE…) or Worldwide"
            fix = None if meant is None else Fix(
                replacement=meant, original=code.value,
                safe=meant != WORLDWIDE or code.stripped.casefold() == WORLDWIDE.casefold(),
                description=f"write {meant}")
            yield Finding(
                at=code.loc,
                message=f"{name} {code.value!r} is not a territory code",
                hint=hint,
                fix=fix,
            )


RULE = Rule(
    code="TER501",
    severity=Severity.ERROR,
    summary="A TerritoryCode or ExcludedTerritoryCode is not a territory code",
    stage=Stage.MESSAGE,
    check=check,
    explains_xsd=frozenset({VALUE}),
    doc=__doc__ or "",
    indexes=frozenset({"TerritoryCode", "ExcludedTerritoryCode"}),
)
